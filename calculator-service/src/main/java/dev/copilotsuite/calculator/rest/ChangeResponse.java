package dev.copilotsuite.calculator.rest;

import java.util.List;

import dev.copilotsuite.calculator.model.FieldChange;
import dev.copilotsuite.events.calculator.CalculatorState;

/** The state a change produced and each input it moved. */
public record ChangeResponse(CalculatorState state, List<FieldChange> changes, boolean replayed) {
}
