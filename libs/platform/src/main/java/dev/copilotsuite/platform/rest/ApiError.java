package dev.copilotsuite.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of every REST endpoint: a stable code, a readable message, and for a value
 * that broke a bound, the input, the value and the bounds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String path, Object value, Double min, Double max) {

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null, null, null, null);
    }
}
