package dev.copilotsuite.copilot.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PolicyDocumentRepository implements PanacheMongoRepositoryBase<PolicyDocument, String> {

    /** In the order they were first ingested, so a restart rebuilds the same corpus. */
    public List<PolicyDocument> inIngestOrder() {
        return listAll(Sort.ascending("ingestedAt"));
    }
}
