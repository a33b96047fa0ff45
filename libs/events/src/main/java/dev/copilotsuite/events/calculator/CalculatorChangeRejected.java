package dev.copilotsuite.events.calculator;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A change batch was refused and nothing of it applied.
 *
 * @param code    {@code OUT_OF_BOUNDS}, {@code UNKNOWN_INPUT}, {@code INVALID_VALUE}, {@code VERSION_CONFLICT}
 * @param message readable, naming the input, the value and the bounds
 */
@JsonTypeName("calculator.change.rejected")
public record CalculatorChangeRejected(String requestId, String code, String message, String path, Object value,
        Double min, Double max, long currentVersion) implements EventPayload {
}
