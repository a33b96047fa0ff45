package dev.copilotsuite.calculator.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.DriversView.ActivityPeak;
import dev.copilotsuite.events.calculator.DriversView.BucketPeak;
import dev.copilotsuite.events.calculator.DriversView.RecoveryFactors;
import dev.copilotsuite.events.calculator.DriversView.Sensitivity;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RecoveryComparison;
import dev.copilotsuite.events.calculator.RecoveryComparison.FactorRatio;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;

/** The decompositions the copilot explains a figure with (see {@link DriversView}). */
public final class Drivers {

    /** The step of a sensitivity: +10 %. */
    private static final double RAISE = 1.10;

    /** The recovery factors, in the order of the product. */
    private static final List<String> FACTORS = List.of("reach", "effectivePromiseRate", "keptRate", "paymentShare");
    /** The words the copilot says for each factor. */
    private static final Map<String, String> FACTOR_NAMES = Map.of(
            "reach", "the share of accounts reached",
            "effectivePromiseRate", "the promise rate per conversation",
            "keptRate", "the share of promises kept",
            "paymentShare", "the share of the balance paid");

    private Drivers() {
    }

    public static DriversView of(RoiInputs in) {
        RoiOutputs out = RoiModel.evaluate(in);
        return new DriversView(out.peakUtilization(), out.netRecovery(), peakByBucket(out), peakByActivity(in, out),
                recoveryFactors(in, out), sensitivities(in, out));
    }

    /**
     * Why bucketA recovers a different share of its balance than bucketB: the factor whose log ratio is largest.
     *
     * @throws IllegalArgumentException for a name that is not a bucket
     */
    public static RecoveryComparison compareRecovery(RoiInputs in, String bucketA, String bucketB) {
        for (String bucket : new String[] {bucketA, bucketB}) {
            if (bucket == null || !BucketSet.NAMES.contains(bucket)) {
                throw new IllegalArgumentException("There is no bucket '" + bucket + "'; the buckets are "
                        + String.join(", ", BucketSet.NAMES) + ".");
            }
        }
        RoiOutputs out = RoiModel.evaluate(in);
        RecoveryFactors a = factors(in, out, bucketA);
        RecoveryFactors b = factors(in, out, bucketB);
        double[] valuesA = factorValues(a);
        double[] valuesB = factorValues(b);
        List<FactorRatio> ratios = new ArrayList<>();
        for (int i = 0; i < FACTORS.size(); i++) {
            ratios.add(new FactorRatio(FACTORS.get(i), valuesA[i], valuesB[i], logRatio(valuesA[i], valuesB[i])));
        }
        // An unbounded ratio (null) differs most of all.
        ratios.sort(Comparator.comparingDouble((FactorRatio r) -> r.logRatio() == null
                ? Double.POSITIVE_INFINITY
                : Math.abs(r.logRatio())).reversed());
        FactorRatio top = ratios.get(0);
        boolean differs = top.logRatio() == null || top.logRatio() != 0;
        String rates = capitalized(Figures.bucket(bucketA)) + " recovers " + Figures.percent(a.recoveryRate())
                + " of its balance, " + Figures.bucket(bucketB) + " " + Figures.percent(b.recoveryRate()) + ". ";
        String message = differs
                ? rates + "The factor that differs most is " + FACTOR_NAMES.get(top.factor()) + ": "
                        + Figures.percent(top.valueA()) + " in " + Figures.bucket(bucketA) + " against "
                        + Figures.percent(top.valueB()) + " in " + Figures.bucket(bucketB) + "."
                : rates + "Their reach, promise rate per conversation, promises kept and share paid are the same.";
        return new RecoveryComparison(bucketA, bucketB, a.recoveryRate(), b.recoveryRate(),
                differs ? top.factor() : null, List.copyOf(ratios), message);
    }

    private static List<BucketPeak> peakByBucket(RoiOutputs out) {
        List<BucketPeak> peaks = new ArrayList<>();
        for (String bucket : BucketSet.NAMES) {
            double minutes = out.buckets().get(bucket).humanMinutes();
            peaks.add(new BucketPeak(bucket, minutes, share(minutes, out), contribution(minutes, out)));
        }
        return List.copyOf(peaks);
    }

    private static List<ActivityPeak> peakByActivity(RoiInputs in, RoiOutputs out) {
        List<ActivityPeak> peaks = new ArrayList<>();
        double talk = 0;
        double dial = 0;
        for (String bucket : BucketSet.NAMES) {
            RoiModel.HumanWork work = RoiModel.humanWork(in, in.buckets().get(bucket));
            peaks.add(activity(bucket, work.talk(), work.dial(), out));
            talk += work.talk();
            dial += work.dial();
        }
        peaks.add(activity(null, talk, dial, out));
        return List.copyOf(peaks);
    }

    private static ActivityPeak activity(String bucket, double talk, double dial, RoiOutputs out) {
        return new ActivityPeak(bucket, talk, dial, contribution(talk, out), contribution(dial, out));
    }

    /** A part of the human workload as a share of it; null when there is none. */
    private static Double share(double minutes, RoiOutputs out) {
        return out.humanMinutes() > 0 ? minutes / out.humanMinutes() : null;
    }

    /** share × peakUtilization, so the parts add up to the peak; 0 without human work, null without a peak. */
    private static Double contribution(double minutes, RoiOutputs out) {
        if (out.peakUtilization() == null) {
            return null;
        }
        return out.humanMinutes() > 0 ? minutes / out.humanMinutes() * out.peakUtilization() : 0.0;
    }

    private static List<RecoveryFactors> recoveryFactors(RoiInputs in, RoiOutputs out) {
        return BucketSet.NAMES.stream().map(bucket -> factors(in, out, bucket)).toList();
    }

    /**
     * recovered / balance = (conversations / accounts) × (promises / conversations) × keptRate × paymentShare,
     * and conversations / accounts is reach. The promise rate that matters is promises per conversation, not the
     * promiseRate input: it carries the service level (human conversations that capacity lets happen), the AI
     * assist lift and, in AI_FIRST, the AI's own promise rate on the conversations it keeps. It comes from the
     * rates, so a bucket with no conversations still has one.
     */
    private static RecoveryFactors factors(RoiInputs in, RoiOutputs out, String bucket) {
        BucketInputs b = in.buckets().get(bucket);
        BucketOutputs o = out.buckets().get(bucket);
        double promiseRate = RoiModel.promisesPerConversation(in, b, out.serviceLevel());
        double product = o.reach() * promiseRate * b.keptRate() * b.paymentShare();
        return new RecoveryFactors(bucket, o.reach(), promiseRate, b.keptRate(), b.paymentShare(), product,
                o.recoveryRate());
    }

    private static double[] factorValues(RecoveryFactors f) {
        return new double[] {f.reach(), f.effectivePromiseRate(), f.keptRate(), f.paymentShare()};
    }

    /** ln(a / b); 0 when both are 0, null when only one is. */
    private static Double logRatio(double a, double b) {
        if (a == 0 || b == 0) {
            return a == b ? 0.0 : null;
        }
        return Math.log(a) - Math.log(b);
    }

    /** Each numeric input raised by 10 % in turn, largest move of netRecovery first. */
    private static List<Sensitivity> sensitivities(RoiInputs in, RoiOutputs out) {
        List<Sensitivity> sensitivities = new ArrayList<>();
        for (InputDef def : InputCatalog.all()) {
            if (def.isStrategy()) {
                continue;
            }
            double value = ((Number) InputCatalog.valueOf(in, def)).doubleValue();
            double raised = raised(def, value);
            RoiOutputs after = raised == value ? out : RoiModel.evaluate(InputCatalog.with(in, def, raised));
            Double peakChange = out.peakUtilization() == null || after.peakUtilization() == null ? null
                    : after.peakUtilization() - out.peakUtilization();
            sensitivities.add(new Sensitivity(def.path(), def.displayName(), value, raised,
                    after.netRecovery() - out.netRecovery(), peakChange));
        }
        // Ties (inputs that do not move netRecovery) keep the catalog order, larger peak moves first.
        sensitivities.sort(Comparator.comparingDouble((Sensitivity s) -> Math.abs(s.netRecoveryChange()))
                .thenComparingDouble(s -> s.peakUtilizationChange() == null ? 0 : Math.abs(s.peakUtilizationChange()))
                .reversed());
        return List.copyOf(sensitivities);
    }

    /**
     * value × 1.1 within the upper bound. A whole-number input is rounded up: rounding 4 × 1.1 to the nearest
     * would leave 4 attempts unchanged, so it moves by at least one (4 → 5). The 1e-9 keeps 10 × 1.1, which is
     * 11.000000000000002 in binary, at 11.
     */
    private static double raised(InputDef def, double value) {
        double raised = value * RAISE;
        if (def.integer()) {
            raised = Math.ceil(raised - 1e-9);
        }
        return Math.min(def.max(), raised);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
