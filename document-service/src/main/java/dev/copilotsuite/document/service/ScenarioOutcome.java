package dev.copilotsuite.document.service;

import dev.copilotsuite.events.calculator.ScenarioResult;

/**
 * A conversation's what-if evaluated against the version the document shows.
 *
 * @param label   the user's question, as asked
 * @param result  the calculator's evaluation, or null when it refused the ops on this version
 * @param problem why the calculator refused them, or null
 */
public record ScenarioOutcome(String label, ScenarioResult result, String problem) {
}
