package dev.copilotsuite.events.call;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One card on the agent's screen: what the caller asked about, whether it is covered, what to say,
 * and the clauses the answer rests on ({@code evidence.get(0)} decides).
 *
 * @param sessionId  the call the card belongs to
 * @param intent     the call's intent when the card was computed (INQUIRY, PROBLEM, CLAIM or OTHER)
 * @param flags      what the agent should know beside the decision, never a reason to change it:
 *                   {@code PROMPT_INJECTION} (the caller tried to instruct the copilot or the agent),
 *                   {@code PLAN_MISMATCH} / {@code STATE_MISMATCH} (the call's plan or state is not the one
 *                   the caller's customer record holds). Empty when there is nothing to say; a card
 *                   serialised before flags existed reads as empty.
 * @param confidence {@link Confidence#HIGH} unless something about the card's making was doubtful
 *                   (see {@link Confidence}); a card serialised before it existed reads as HIGH
 * @param mode       who wrote the script: the offline engine or Gemini (the decision is always the offline
 *                   engine's); a card serialised before it existed reads as offline
 * @param createdAt  when the card took its present content: a recomputation that changes nothing keeps it
 */
public record SuggestionCard(String cardId, String sessionId, String item, String question, String intent,
        Decision decision, String script, List<Evidence> evidence, List<String> flags, Confidence confidence,
        Mode mode, Instant createdAt) {

    public static final String PROMPT_INJECTION = "PROMPT_INJECTION";
    public static final String PLAN_MISMATCH = "PLAN_MISMATCH";
    public static final String STATE_MISMATCH = "STATE_MISMATCH";

    /**
     * Two levels, not a number: nothing here yields a calibrated probability, and a figure such as 0.73
     * would promise a precision no part of the copilot has. The agent needs one bit: can the card be read
     * out as it is, or should the clauses be checked first.
     */
    public enum Confidence {
        /** The decision follows from the retrieved clauses and every citation is one of them. */
        HIGH,
        /**
         * Something was doubtful: the model cited a clause it was not given (dropped), or disagreed with
         * the clauses' decision (overruled). Check the evidence before reading the script out.
         */
        LOW
    }

    /** Who wrote the card's script. Lower case on the wire, as the protocol names them. */
    public enum Mode {
        @JsonProperty("offline")
        OFFLINE,
        @JsonProperty("gemini")
        GEMINI
    }

    @JsonCreator
    public SuggestionCard {
        flags = flags == null ? List.of() : List.copyOf(flags);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        confidence = confidence == null ? Confidence.HIGH : confidence;
        mode = mode == null ? Mode.OFFLINE : mode;
    }

    /** An offline card, high confidence, not yet stamped with a creation time. */
    public static SuggestionCard offline(String cardId, String sessionId, String item, String question, String intent,
            Decision decision, String script, List<Evidence> evidence, List<String> flags) {
        return new SuggestionCard(cardId, sessionId, item, question, intent, decision, script, evidence, flags,
                Confidence.HIGH, Mode.OFFLINE, null);
    }

    public SuggestionCard withCreatedAt(Instant at) {
        return new SuggestionCard(cardId, sessionId, item, question, intent, decision, script, evidence, flags,
                confidence, mode, at);
    }

    /** The same card whatever its creation time: what decides whether a recomputation changed it. */
    public boolean sameContent(SuggestionCard other) {
        return other != null && withCreatedAt(null).equals(other.withCreatedAt(null));
    }

    /** The card with another script, evidence, confidence and mode: what a model's answer may change. */
    public SuggestionCard rewritten(String newScript, List<Evidence> newEvidence, Confidence newConfidence,
            Mode newMode) {
        return new SuggestionCard(cardId, sessionId, item, question, intent, decision,
                Objects.requireNonNull(newScript), newEvidence, flags, newConfidence, newMode, createdAt);
    }
}
