package dev.copilotsuite.calculator.repository;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One version of a session's calculator inputs. {@code _id} is {@code sessionId:version}, so two
 * writers racing for the same next version cannot both win: that unique key is the optimistic lock.
 */
@MongoEntity(collection = "calculator_versions")
public class CalculatorVersion {

    @BsonId
    public String id;
    public String sessionId;
    public String tenantId;
    public long version;
    /** {@code sessionId:requestId}, unique, so a change request is applied at most once. */
    public String requestKey;
    public String requestId;
    public String actor;
    public String actorRef;
    /** The version this one was made from. */
    public long parentVersion;
    /** CHANGE, UNDO or RESET (HistoryEntry's kinds). */
    public String kind;
    /** For an UNDO: the version whose inputs it restored. */
    public Long restoredVersion;
    /** The insights fired and not re-armed as of this version, so hysteresis survives restarts. */
    public List<String> insightsArmedOff;
    public Document inputs;
    public List<Document> ops;
    public Instant createdAt;
    /**
     * Set once the state event is on Kafka, for a version above its session's published mark
     * ({@code calculator_heads.published}, which covers every version up to it without rewriting each);
     * a retried request republishes a version that neither covers.
     */
    public boolean published;

    public static String idOf(String sessionId, long version) {
        return sessionId + ":" + version;
    }
}
