package dev.copilotsuite.platform.messaging;

import dev.copilotsuite.events.EventEnvelope;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;

/** Writes an {@link EventEnvelope} as JSON with the application's ObjectMapper. */
public class EnvelopeSerializer extends ObjectMapperSerializer<EventEnvelope<?>> {
}
