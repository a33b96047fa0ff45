package dev.copilotsuite.calculator.service;

import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;

/** A session's calculator at one version. Version 0 is the spec's defaults, never stored. */
public record CalculatorState(String sessionId, long version, RoiInputs inputs, RoiOutputs outputs) {
}
