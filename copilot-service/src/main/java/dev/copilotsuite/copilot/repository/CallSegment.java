package dev.copilotsuite.copilot.repository;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.copilotsuite.events.call.TranscriptLine;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One line of a call's transcript. {@code _id} is {@code callId:key}, where the key is the transcript id
 * a partial shares with its final (or the segment id), so the final overwrites the partial in place.
 */
@MongoEntity(collection = "call_segments")
public class CallSegment {

    @BsonId
    public String id;
    public String callId;
    /** Position in the transcript: the order in which lines first arrived. */
    public long seq;
    /**
     * {@code callId#seq}, uniquely indexed: a transcript is read by these keys ({@code $in}), which every
     * MongoDB serves from the index; the embedded server uses no other kind, and scanned the whole collection.
     */
    public String position;
    public TranscriptLine line;
    /** The event that stored this version of the line. */
    public String eventId;

    public static String idOf(String callId, String key) {
        return callId + ":" + key;
    }

    public static String positionOf(String callId, long seq) {
        return callId + "#" + seq;
    }
}
