package dev.copilotsuite.copilot.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

@ApplicationScoped
public class CallRepository implements PanacheMongoRepositoryBase<Call, String> {

    public Optional<Call> find(String tenantId, String sessionId) {
        return findByIdOptional(Call.idOf(tenantId, sessionId));
    }

    public Call findOrStart(String tenantId, String sessionId) {
        return find(tenantId, sessionId).orElseGet(() -> Call.start(tenantId, sessionId));
    }
}
