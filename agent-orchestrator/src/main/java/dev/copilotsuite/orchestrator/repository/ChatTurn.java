package dev.copilotsuite.orchestrator.repository;

import java.time.Instant;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One turn of a session's thread: the user's message, the copilot's reply (dual output) and the focus
 * after it. {@code _id} is {@code sessionId:messageId}, so a redelivered message finds its stored answer
 * instead of running twice.
 */
@MongoEntity(collection = "chat_turns")
public class ChatTurn {

    @BsonId
    public String id;
    public String sessionId;
    public String tenantId;
    public String messageId;
    public String userId;
    public String text;
    public Instant at;
    /** The ChatReplied payload, as a document. */
    public Document reply;
    /** The Focus after the turn, as a document. */
    public Document focus;

    public static String idOf(String sessionId, String messageId) {
        return sessionId + ":" + messageId;
    }
}
