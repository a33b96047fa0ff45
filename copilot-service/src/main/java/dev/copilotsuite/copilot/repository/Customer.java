package dev.copilotsuite.copilot.repository;

import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.copilotsuite.events.call.CustomerCard;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A customer of a tenant, in the shape of shared/data/customers.json. {@code _id} is
 * {@code tenantId:customerId}; phones are stored in E.164 so a lookup compares like with like.
 */
@MongoEntity(collection = "customers")
public class Customer {

    @BsonId
    public String id;
    public String tenantId;
    public String customerId;
    public String firstName;
    public String lastName;
    public List<String> phones;
    public String email;
    public List<CustomerCard.Contract> contracts;
    public List<CustomerCard.Claim> claims;

    public static String idOf(String tenantId, String customerId) {
        return tenantId + ":" + customerId;
    }
}
