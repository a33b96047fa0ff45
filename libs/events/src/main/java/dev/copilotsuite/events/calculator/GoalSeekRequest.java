package dev.copilotsuite.events.calculator;

/**
 * Find the value of one input that brings one output to a target.
 *
 * @param outputKey an operation output key ({@code peakUtilization}) or a bucket's ({@code buckets.bucket3.recoveryRate})
 */
public record GoalSeekRequest(String inputPath, String outputKey, Double target) {
}
