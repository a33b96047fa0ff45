package dev.copilotsuite.copilot.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CallRepository implements PanacheMongoRepositoryBase<Call, String> {

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.descending("tenantId", "updatedAt"), new IndexOptions().name("tenantId_updatedAt"));
    }

    /** The tenant's calls touched at or after {@code since}, the most recent first. */
    public List<Call> activeSince(String tenantId, Instant since, int limit) {
        return find("tenantId = ?1 and updatedAt >= ?2", Sort.descending("updatedAt"), tenantId, since).page(0, limit).list();
    }

    public Optional<Call> find(String tenantId, String sessionId) {
        return findByIdOptional(Call.idOf(tenantId, sessionId));
    }

    public Call findOrStart(String tenantId, String sessionId) {
        return find(tenantId, sessionId).orElseGet(() -> Call.start(tenantId, sessionId));
    }
}
