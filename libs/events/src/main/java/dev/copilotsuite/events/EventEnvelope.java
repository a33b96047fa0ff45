package dev.copilotsuite.events;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * What every Kafka record carries: an id consumers are idempotent on, the session it belongs to
 * (also the record key), its tenant, when it happened, the schema version of the payload, and the
 * id of the event that caused it. The payload's type name is written as {@code type}.
 *
 * @param id            unique per event; a consumer that sees an id twice processes it once
 * @param schemaVersion version of the payload's schema; a consumer refuses versions it does not know
 * @param sessionId     the chat/calculator or call session, scoped by tenant (see docs/architecture.md)
 * @param tenantId      the tenant owning the session
 * @param timestamp     when the producer created the event
 * @param causationId   the id of the event (or request) this one answers, or null
 */
public record EventEnvelope<P extends EventPayload>(
        String id,
        int schemaVersion,
        String sessionId,
        String tenantId,
        Instant timestamp,
        String causationId,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        P payload) {

    public static final int SCHEMA_VERSION = 1;

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * A fresh id: a version 7 UUID, which sorts by its creation time. Stores keyed by event ids
     * ({@code processed_events}) then add each new key at the end of their B-tree, not on a random page of it:
     * a random key costs a page write per insert once the index outgrows what one commit touches
     * (tools/mongo-server/README.md, "Key order").
     */
    public static String newId() {
        return IDS.generate().toString();
    }

    /** A new event for a session, with a fresh id. */
    public static <P extends EventPayload> EventEnvelope<P> of(String tenantId, String sessionId, String causationId, P payload) {
        return new EventEnvelope<>(newId(), SCHEMA_VERSION, sessionId, tenantId, Instant.now(),
                causationId, payload);
    }

    /** A new event in the same session and tenant as this one, caused by it. */
    public <R extends EventPayload> EventEnvelope<R> answer(R reply) {
        return of(tenantId, sessionId, id, reply);
    }

    @JsonIgnore
    public String type() {
        return EventPayload.typeOf(payload.getClass());
    }
}
