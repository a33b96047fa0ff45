package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** A segment was stored (or a partial replaced); the agent's transcript view shows it. */
@JsonTypeName("transcript_update")
public record TranscriptUpdated(TranscriptLine line, int segmentCount) implements EventPayload {
}
