package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** A transcript segment the webhook accepted, with whatever call context its payload carried. */
@JsonTypeName("call.segment.received")
public record TranscriptSegmentReceived(TranscriptLine line, CallContext context) implements EventPayload {
}
