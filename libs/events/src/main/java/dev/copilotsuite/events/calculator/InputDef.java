package dev.copilotsuite.events.calculator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One calculator input, as calculator-service's catalog serves it to the UI, the copilot and validation.
 *
 * @param path         where a change names it: {@code humanAgents}, {@code buckets.bucket2.contactRate}
 * @param key          the component name in RoiInputs or BucketInputs
 * @param bucket       {@code bucket1} … {@code bucket4}, or null for an operation input
 * @param defaultValue a Double, an Integer for {@code attemptsPerAccount}, a Strategy name for {@code strategy}
 * @param min          the lower bound, null for {@code strategy}
 * @param max          the upper bound, null for {@code strategy}
 * @param integer      whether only whole numbers are valid
 * @param values       the allowed Strategy names for {@code strategy}, empty for a number
 * @param synonyms     lower-case phrases people use for it
 */
public record InputDef(String path, String key, String bucket, String label, String unit, Object defaultValue,
        Double min, Double max, boolean integer, List<String> values, String description, List<String> synonyms) {

    @JsonIgnore
    public boolean isStrategy() {
        return !values.isEmpty();
    }

    /** The label, with the bucket for a bucket input: "Handle time per conversation in bucket 2". */
    @JsonIgnore
    public String displayName() {
        return bucket == null ? label : label + " in bucket " + bucket.substring("bucket".length());
    }
}
