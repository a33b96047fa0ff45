package dev.copilotsuite.events.calculator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One operation of a change batch on an input path ({@code humanAgents}, {@code buckets.bucket2.contactRate}).
 * {@code value} is a number, except for {@code strategy} where it is a {@link Strategy} name.
 */
public record ChangeOp(Kind op, String path, Object value) {

    public enum Kind {
        @JsonProperty("set") SET,
        @JsonProperty("scale") SCALE,
        @JsonProperty("add") ADD,
        @JsonProperty("strategy") STRATEGY
    }

    public static ChangeOp set(String path, double value) {
        return new ChangeOp(Kind.SET, path, value);
    }

    public static ChangeOp scale(String path, double factor) {
        return new ChangeOp(Kind.SCALE, path, factor);
    }

    public static ChangeOp add(String path, double delta) {
        return new ChangeOp(Kind.ADD, path, delta);
    }

    public static ChangeOp strategy(String bucket, Strategy strategy) {
        return new ChangeOp(Kind.STRATEGY, "buckets." + bucket + ".strategy", strategy.name());
    }

    /** The value as a number, or null when it is not one. */
    @JsonIgnore
    public Double number() {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
