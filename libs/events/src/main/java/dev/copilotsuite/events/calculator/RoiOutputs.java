package dev.copilotsuite.events.calculator;

/** Every output of shared/design/roi-model.md; the boxed ones are null where the spec says so. */
public record RoiOutputs(
        double totalBalance,
        double totalRecovered,
        double recoveryRate,
        double humanMinutes,
        double capacityMinutes,
        Double utilization,
        Double peakUtilization,
        double serviceLevel,
        double fteRequired,
        double humanCost,
        double facilityCost,
        double aiCost,
        double aiMinutes,
        double totalCost,
        double netRecovery,
        Double roi,
        Double costToCollect,
        double baselineNetRecovery,
        double incrementalNetRecovery,
        Double paybackMonths,
        Double aiAnnualRoi,
        BucketSet<BucketOutputs> buckets) {
}
