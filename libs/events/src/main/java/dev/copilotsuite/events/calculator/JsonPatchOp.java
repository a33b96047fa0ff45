package dev.copilotsuite.events.calculator;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One RFC 6902 JSON Patch operation ({@code add}, {@code remove}, {@code replace}, …). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonPatchOp(String op, String path, Object value, String from) {
}
