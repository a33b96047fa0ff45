package dev.copilotsuite.events.document;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;

/**
 * A what-if the conversation ran, for the document's comparison table. Only the question and the ops
 * travel: document-service evaluates them against the requested version, so every figure comes from
 * the model.
 *
 * @param label the user's question, as asked
 */
public record DocumentScenario(String label, List<ChangeOp> ops) {
}
