package dev.copilotsuite.events.calculator;

/** A session's calculator at one version. Version 0 is the spec's defaults, never stored. */
public record CalculatorState(String sessionId, long version, RoiInputs inputs, RoiOutputs outputs) {
}
