package dev.copilotsuite.events.call;

import java.util.List;

/**
 * One transcript segment of a call.
 *
 * @param segmentId    idempotency key: a segment posted twice is stored once
 * @param transcriptId the final transcript a partial belongs to, so the final replaces it
 * @param speaker      CUSTOMER or AGENT
 * @param partial      true while the utterance is still being spoken
 * @param sentiment    POSITIVE, NEUTRAL or NEGATIVE when Contact Lens supplied it
 */
public record TranscriptLine(String segmentId, String transcriptId, String speaker, String text, boolean partial,
        Long beginOffsetMillis, Long endOffsetMillis, String sentiment, List<String> categories) {
}
