package dev.copilotsuite.orchestrator.service;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.orchestrator.service.language.Metric;

/** An outputs record read by key, so a metric named in language maps to its figure without a switch per key. */
final class OutputValues {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Map<String, Object> operation;
    private final Map<String, Object> buckets;

    @SuppressWarnings("unchecked")
    OutputValues(ObjectMapper mapper, RoiOutputs outputs) {
        this.operation = mapper.convertValue(outputs, MAP);
        Object b = operation.get("buckets");
        this.buckets = b instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    Double operation(String key) {
        return Wording.number(operation, key);
    }

    @SuppressWarnings("unchecked")
    Double bucket(String bucket, String key) {
        Object values = buckets.get(bucket);
        return values instanceof Map<?, ?> m ? Wording.number((Map<String, Object>) m, key) : null;
    }

    /** The metric for the operation, or for a bucket when one is given and the metric exists per bucket. */
    Double of(Metric metric, String bucket) {
        if (bucket != null && metric.bucketKey() != null) {
            return bucket(bucket, metric.bucketKey());
        }
        return metric.key() != null ? operation(metric.key()) : null;
    }

    /** An input's value by path, from the inputs record. */
    @SuppressWarnings("unchecked")
    static Object input(ObjectMapper mapper, RoiInputs inputs, String path) {
        Map<String, Object> all = mapper.convertValue(inputs, MAP);
        String[] parts = path.split("\\.");
        if (parts.length == 3) {
            Object bucketSet = all.get("buckets");
            Object bucket = bucketSet instanceof Map<?, ?> m ? m.get(parts[1]) : null;
            return bucket instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(parts[2]) : null;
        }
        return all.get(path);
    }
}
