package dev.copilotsuite.events.calculator;

import java.util.List;
import java.util.Map;

/**
 * calculator-service's input catalog as it serves it: every input with its bounds and synonyms, and the
 * words people use for buckets ("early-stage") and strategies, each mapped to its canonical name.
 */
public record InputCatalogView(List<InputDef> inputs, Map<String, String> bucketAliases,
        Map<String, String> strategyAliases) {
}
