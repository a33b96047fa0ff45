package dev.copilotsuite.platform.messaging;

import dev.copilotsuite.events.EventEnvelope;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads an {@link EventEnvelope}; its {@code type} picks the payload record. A record that does not
 * parse (unknown type, broken JSON) fails here and goes to the channel's dead-letter topic.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class EnvelopeDeserializer extends ObjectMapperDeserializer<EventEnvelope<?>> {

    public EnvelopeDeserializer() {
        super((Class) EventEnvelope.class);
    }
}
