package dev.copilotsuite.copilot.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.copilotsuite.platform.mongo.BatchedById;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CallSegmentRepository implements PanacheMongoRepositoryBase<CallSegment, String> {

    /** Lines looked for at once past a call's count. */
    private static final int PROBE = 8;

    /** Concurrent lanes' reads and writes of single lines share round trips, as their calls' do. */
    private BatchedById<CallSegment> byId;

    @PostConstruct
    void batch() {
        byId = new BatchedById<>("call-segments", mongoCollection(), segment -> segment.id, 500, CallRepository.MONGO_TIMEOUT);
    }

    @PreDestroy
    void close() {
        byId.close();
    }

    /** One line by id, read in a batch with other lanes' lines. */
    public Optional<CallSegment> line(String id) {
        return byId.find(id);
    }

    /** Stores a line whole, in a batch with other lanes' lines. */
    public void save(CallSegment segment) {
        byId.upsert(segment);
    }

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.ascending("callId", "seq"), new IndexOptions().name("callId_seq"));
        // Sparse: lines stored before positions were kept have none until their call's next line (countLines).
        mongoCollection().createIndex(Indexes.ascending("position"), new IndexOptions().name("position").unique(true).sparse(true));
    }

    /**
     * The call's transcript in order, read by its lines' positions once the call counts them, and any lines
     * stored past its count (a call's saved count can be behind its lines: it is saved when its state changes).
     */
    public List<CallSegment> transcript(Call call) {
        if (call.segmentCount == null) {
            return list("callId", Sort.ascending("seq"), call.id);
        }
        List<CallSegment> lines = new ArrayList<>(atPositions(call.id, 1, call.segmentCount));
        lines.addAll(after(call.id, call.segmentCount));
        return lines;
    }

    /**
     * Brings the call's count of lines up to the lines stored: a call stored before calls counted their lines is
     * counted once (and its lines given their positions), and any call's count moves past the lines stored after
     * it was last saved. Lines are numbered from 1 as they first arrive, so the highest number is the count.
     */
    public void countLines(Call call) {
        if (call.segmentCount == null) {
            List<CallSegment> lines = list("callId", Sort.ascending("seq"), call.id);
            for (CallSegment line : lines) {
                if (line.position == null) {
                    line.position = CallSegment.positionOf(call.id, line.seq);
                    update(line);
                }
            }
            call.segmentCount = lines.stream().mapToLong(line -> line.seq).max().orElse(0);
            return;
        }
        call.segmentCount = Math.max(call.segmentCount,
                after(call.id, call.segmentCount).stream().mapToLong(line -> line.seq).max().orElse(0));
    }

    /** The lines past {@code seq}, probed by position a few at a time until a probe comes back short. */
    private List<CallSegment> after(String callId, long seq) {
        List<CallSegment> found = new ArrayList<>();
        for (long from = seq + 1;; from += PROBE) {
            List<CallSegment> probe = atPositions(callId, from, from + PROBE - 1);
            found.addAll(probe);
            if (probe.size() < PROBE) {
                return found;
            }
        }
    }

    private List<CallSegment> atPositions(String callId, long first, long last) {
        if (last < first) {
            return List.of();
        }
        List<String> positions = LongStream.rangeClosed(first, last).mapToObj(seq -> CallSegment.positionOf(callId, seq)).toList();
        return list(new Document("position", new Document("$in", positions)), new Document("seq", 1));
    }
}
