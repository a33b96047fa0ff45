package dev.copilotsuite.events.calculator;

import java.time.Instant;
import java.util.List;

/**
 * One version of a session's calculator, as the history lists it.
 *
 * @param kind            CHANGE (a batch), UNDO (restored {@code restoredVersion}'s inputs) or RESET (the defaults)
 * @param actor           {@code user} or {@code copilot}
 * @param actorRef        the user id, or the chat message id the copilot acted on
 */
public record HistoryEntry(long version, String kind, String actor, String actorRef, String requestId,
        List<ChangeOp> ops, Long restoredVersion, Instant createdAt) {

    public static final String CHANGE = "CHANGE";
    public static final String UNDO = "UNDO";
    public static final String RESET = "RESET";
}
