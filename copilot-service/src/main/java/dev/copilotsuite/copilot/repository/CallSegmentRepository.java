package dev.copilotsuite.copilot.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CallSegmentRepository implements PanacheMongoRepositoryBase<CallSegment, String> {

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.ascending("callId", "seq"), new IndexOptions().name("callId_seq"));
    }

    public long countOf(String callId) {
        return count("callId", callId);
    }

    public List<CallSegment> transcript(String callId) {
        return list("callId", Sort.ascending("seq"), callId);
    }
}
