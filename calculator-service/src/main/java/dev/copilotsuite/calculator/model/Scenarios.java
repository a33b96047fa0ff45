package dev.copilotsuite.calculator.model;

import java.util.ArrayList;
import java.util.List;

import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.OutputDiff;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;

/** Evaluates a change batch against inputs without changing them: "what if". */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * The inputs and outputs the batch would make, and every output it moves.
     *
     * @throws ChangeRejectedException as {@link ChangeApplier#apply} does, for the first invalid op
     */
    public static ScenarioResult run(RoiInputs current, List<ChangeOp> ops) {
        ChangeApplier.Applied applied = ChangeApplier.apply(current, ops);
        RoiOutputs after = RoiModel.evaluate(applied.inputs());
        return new ScenarioResult(applied.inputs(), after, applied.changes(),
                diff(RoiModel.evaluate(current), after));
    }

    /** Every output that differs between two evaluations: the operation outputs, then each bucket's. */
    public static List<OutputDiff> diff(RoiOutputs before, RoiOutputs after) {
        List<OutputDiff> diffs = new ArrayList<>();
        for (OutputDef def : OutputCatalog.operation()) {
            addIfMoved(diffs, def.key(), null, OutputValues.operation(before, def.key()),
                    OutputValues.operation(after, def.key()));
        }
        for (String bucket : BucketSet.NAMES) {
            BucketOutputs b = before.buckets().get(bucket);
            BucketOutputs a = after.buckets().get(bucket);
            for (OutputDef def : OutputCatalog.bucket()) {
                addIfMoved(diffs, def.key(), bucket, OutputValues.bucket(b, def.key()),
                        OutputValues.bucket(a, def.key()));
            }
        }
        return List.copyOf(diffs);
    }

    private static void addIfMoved(List<OutputDiff> diffs, String key, String bucket, Double before, Double after) {
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            diffs.add(new OutputDiff(key, bucket, before, after, null, null));
            return;
        }
        // Compared as numbers: 0.0 and -0.0 are the same figure.
        if (before.doubleValue() == after.doubleValue()) {
            return;
        }
        double absolute = after - before;
        double relative = absolute / Math.abs(before);
        // A move away from 0 (or from a subnormal figure) has no finite relative size.
        diffs.add(new OutputDiff(key, bucket, before, after, absolute, Double.isFinite(relative) ? relative : null));
    }
}
