package dev.copilotsuite.events.calculator;

import java.util.List;

/** The state a change batch produced, each input it moved, and whether it was a replay of an earlier request. */
public record ChangeResponse(CalculatorState state, List<FieldChange> changes, boolean replayed) {
}
