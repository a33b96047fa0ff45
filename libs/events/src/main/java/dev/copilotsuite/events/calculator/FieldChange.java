package dev.copilotsuite.events.calculator;

/** One input that a change batch moved, with its values typed as {@link InputDef#defaultValue()}. */
public record FieldChange(String path, Object before, Object after) {
}
