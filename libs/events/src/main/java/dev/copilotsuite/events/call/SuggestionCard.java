package dev.copilotsuite.events.call;

import java.util.List;

/**
 * One card on the agent's screen: what the caller asked about, whether it is covered, what to say,
 * and the clauses the answer rests on ({@code evidence.get(0)} decides).
 */
public record SuggestionCard(String cardId, String item, String question, Decision decision, String script,
        List<Evidence> evidence) {
}
