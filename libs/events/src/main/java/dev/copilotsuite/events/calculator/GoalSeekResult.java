package dev.copilotsuite.events.calculator;

/**
 * The value of one input that brings one output to a target, or the closest the input's bounds allow.
 *
 * @param inputPath the input searched, as a change names it: {@code humanAgents}, {@code buckets.bucket3.contactRate}
 * @param outputKey an operation output ({@code peakUtilization}) or a bucket output
 *                  ({@code buckets.bucket3.recoveryRate})
 * @param reached   whether {@code achieved} is the target (within 1e-6 of it, relative); for a whole-number
 *                  input, whether the target lies between the outputs of two consecutive whole numbers
 * @param value     the input value found, or, when the target is out of reach, the one that comes closest;
 *                  a whole number for a whole-number input; null when the output is undefined throughout
 * @param achieved  the output at {@code value}
 * @param message   the answer in a sentence, with its figures
 */
public record GoalSeekResult(String inputPath, String outputKey, double target, boolean reached, Double value,
        Double achieved, String message) {
}
