package dev.copilotsuite.copilot.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CustomerRepository implements PanacheMongoRepositoryBase<Customer, String> {

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.ascending("tenantId", "phones"), new IndexOptions().name("tenantId_phones"));
    }

    /** The customer holding {@code phone}; should two share it, the lowest customer id, so the answer is stable. */
    public Optional<Customer> byPhone(String tenantId, String phone) {
        return find("tenantId = ?1 and phones = ?2", Sort.ascending("customerId"), tenantId, phone).firstResultOptional();
    }

    public Optional<Customer> byCustomerId(String tenantId, String customerId) {
        return findByIdOptional(Customer.idOf(tenantId, customerId));
    }
}
