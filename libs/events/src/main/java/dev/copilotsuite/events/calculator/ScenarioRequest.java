package dev.copilotsuite.events.calculator;

import java.util.List;

/** A what-if: a change batch evaluated against the current state, never applied. */
public record ScenarioRequest(List<ChangeOp> ops) {
}
