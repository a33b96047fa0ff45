package dev.copilotsuite.events.calculator;

/**
 * One output that a scenario moved.
 *
 * @param key      the output's key in RoiOutputs or BucketOutputs
 * @param bucket   {@code bucket1} … {@code bucket4} for a bucket output, null for an operation output
 * @param before   the value now; null where the spec makes the output null
 * @param after    the value in the scenario; null where the spec makes the output null
 * @param absolute {@code after - before}, null when either is null
 * @param relative {@code absolute / |before|}, so a positive figure is always a rise; null when before is 0 or
 *                 null (or so close to 0 that the ratio is not a finite number)
 */
public record OutputDiff(String key, String bucket, Double before, Double after, Double absolute, Double relative) {
}
