package dev.copilotsuite.events.calculator;

import java.util.List;

/**
 * A change batch evaluated against a state without changing it.
 *
 * @param inputs  the inputs the batch would make
 * @param outputs their outputs
 * @param changes each input the batch moves, in the order it first touches them
 * @param diffs   every output that moves: the operation outputs, then each bucket's, in catalog order
 */
public record ScenarioResult(RoiInputs inputs, RoiOutputs outputs, List<FieldChange> changes,
        List<OutputDiff> diffs) {
}
