package dev.copilotsuite.copilot.repository;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One live call as the copilot knows it. {@code _id} is {@code tenantId:sessionId}: a session id is only
 * unique within its tenant, and nothing of one tenant's call may leak into another's.
 */
@MongoEntity(collection = "calls")
public class Call {

    @BsonId
    public String id;
    public String tenantId;
    public String sessionId;
    public boolean enabled;
    /** The copilot switches itself off when nothing happened on the call by then; activity moves it on. */
    public Instant enabledUntil;
    /** What the transcript segments carried; the first value of each field sticks. */
    public CallContext reported;
    /** What the agent chose with copilot_enable; it overrides the segments. */
    public CallContext agentSet;
    /** The phone last looked up (E.164 when it parses), and the customer found for it or null. */
    public String lookedUpPhone;
    public String customerId;
    /** The event that made that lookup, so its redelivery publishes the result again. */
    public String lookupEventId;
    /** The intent and cards last published to the agent, null before any; a new set is published only if it differs. */
    public SuggestionsUpdated suggestions;
    /** The event that computed them, so its redelivery publishes them again. */
    public String suggestionsEventId;
    /**
     * An event's suggestion work was dropped because a newer event of the call was queued to recompute
     * them; the next event of the call recomputes them even if it stores nothing new (say, a redelivery).
     */
    public boolean suggestionsOwed;
    /**
     * How many lines the transcript holds, so the next line's position needs no count query; null on a call
     * stored before it was kept (counted once, then kept). As saved it can be behind the lines stored since (the
     * call is saved when its state changes), so a call read back is counted on from there (CallSegmentRepository).
     */
    public Long segmentCount;
    /**
     * Moves on every save; a call is saved only on the revision it was read at, so an instance that kept it in
     * memory (KeptCalls) finds out when another saved it meanwhile. A call stored before is given 0 at start.
     */
    public long revision;
    public Instant startedAt;
    public Instant updatedAt;

    /** What the call knows, less its activity (the times) and its line count: a change of it is saved at once. */
    public State state() {
        return new State(enabled, reported, agentSet, lookedUpPhone, customerId, lookupEventId, suggestions,
                suggestionsEventId, suggestionsOwed);
    }

    public record State(boolean enabled, CallContext reported, CallContext agentSet, String lookedUpPhone,
            String customerId, String lookupEventId, SuggestionsUpdated suggestions, String suggestionsEventId,
            boolean suggestionsOwed) {
    }

    public static String idOf(String tenantId, String sessionId) {
        return tenantId + ":" + sessionId;
    }

    /** A call no event has touched yet: the copilot is on until the agent switches it off. */
    public static Call start(String tenantId, String sessionId) {
        Call call = new Call();
        call.id = idOf(tenantId, sessionId);
        call.tenantId = tenantId;
        call.sessionId = sessionId;
        call.enabled = true;
        call.reported = CallContext.EMPTY;
        call.agentSet = CallContext.EMPTY;
        call.segmentCount = 0L;
        call.startedAt = Instant.now();
        return call;
    }
}
