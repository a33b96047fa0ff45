package dev.copilotsuite.events.call;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One card on the agent's screen: what the caller asked about, whether it is covered, what to say,
 * and the clauses the answer rests on ({@code evidence.get(0)} decides).
 *
 * @param flags what the agent should know beside the decision, never a reason to change it:
 *              {@code PROMPT_INJECTION} (the caller tried to instruct the copilot or the agent),
 *              {@code PLAN_MISMATCH} / {@code STATE_MISMATCH} (the call's plan or state is not the one
 *              the caller's customer record holds). Empty when there is nothing to say; a card
 *              serialised before flags existed reads as empty.
 */
public record SuggestionCard(String cardId, String item, String question, Decision decision, String script,
        List<Evidence> evidence, List<String> flags) {

    public static final String PROMPT_INJECTION = "PROMPT_INJECTION";
    public static final String PLAN_MISMATCH = "PLAN_MISMATCH";
    public static final String STATE_MISMATCH = "STATE_MISMATCH";

    @JsonCreator
    public SuggestionCard {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A card without flags. */
    public SuggestionCard(String cardId, String item, String question, Decision decision, String script,
            List<Evidence> evidence) {
        this(cardId, item, question, decision, script, evidence, List.of());
    }
}
