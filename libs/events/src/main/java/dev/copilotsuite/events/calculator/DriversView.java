package dev.copilotsuite.events.calculator;

import java.util.List;

/**
 * The decompositions that explain the operation's figures: where peak-hour utilization comes from, what each
 * bucket's recovery rate is made of, and how much each input moves net recovery and the peak.
 *
 * @param peakUtilization the operation's peak-hour utilization (null with work and no capacity)
 * @param netRecovery     the operation's net recovery, the centre of the tornado chart
 * @param peakByBucket    one entry per bucket, bucket1 to bucket4
 * @param peakByActivity  one entry per bucket, then the operation's total (its bucket is null)
 * @param recoveryFactors one entry per bucket
 * @param sensitivities   one entry per numeric input, largest |netRecoveryChange| first
 */
public record DriversView(Double peakUtilization, double netRecovery, List<BucketPeak> peakByBucket,
        List<ActivityPeak> peakByActivity, List<RecoveryFactors> recoveryFactors, List<Sensitivity> sensitivities) {

    /**
     * A bucket's part of the human workload and so of peak-hour utilization.
     *
     * @param share            humanMinutes / the operation's humanMinutes; null when the operation has none
     * @param peakContribution share × peakUtilization, so the buckets add up to it; 0 when there is no human
     *                         work, null when peakUtilization is
     */
    public record BucketPeak(String bucket, double humanMinutes, Double share, Double peakContribution) {
    }

    /**
     * Human minutes spent talking (conversations) and dialing (unanswered attempts), and their parts of
     * peakUtilization. Humans dial only in HUMAN buckets; in an AI_FIRST bucket they talk only in the
     * conversations the AI hands over.
     *
     * @param bucket the bucket, or null for the operation's total
     */
    public record ActivityPeak(String bucket, double talkMinutes, double dialMinutes, Double talkContribution,
            Double dialContribution) {
    }

    /**
     * A bucket's recoveryRate as reach × effectivePromiseRate × keptRate × paymentShare.
     *
     * @param effectivePromiseRate promises per conversation, with the service level and the AI's effects:
     *                             promises / conversations
     * @param product              the product of the four factors; it equals recoveryRate whenever the
     *                             bucket has a balance (the spec sets recoveryRate to 0 when it has none)
     */
    public record RecoveryFactors(String bucket, double reach, double effectivePromiseRate, double keptRate,
            double paymentShare, double product, double recoveryRate) {
    }

    /**
     * What raising one input by 10 % does, one bar of a tornado chart.
     *
     * @param label                 the input's display name ("Handle time per conversation in bucket 2")
     * @param value                 the input now
     * @param raisedValue           the input raised: value × 1.1, capped at its upper bound; a whole-number
     *                              input is rounded up, so it moves by at least one
     * @param peakUtilizationChange null when peakUtilization is null before or after
     */
    public record Sensitivity(String inputPath, String label, double value, double raisedValue,
            double netRecoveryChange, Double peakUtilizationChange) {
    }
}
