package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * The caller was looked up by phone. {@code found} false still tells the agent the phone is unknown;
 * {@code customer} is null then.
 */
@JsonTypeName("customer_update")
public record CustomerUpdated(String phone, boolean found, CustomerCard customer) implements EventPayload {
}
