package dev.copilotsuite.calculator.service;

import dev.copilotsuite.events.calculator.CalculatorState;
import java.util.List;

import dev.copilotsuite.events.calculator.FieldChange;

/**
 * What a change request did: the state it produced, each input it moved (old and new), and whether
 * it was a replay of a request applied earlier.
 */
public record ChangeOutcome(CalculatorState state, List<FieldChange> changes, boolean replayed) {
}
