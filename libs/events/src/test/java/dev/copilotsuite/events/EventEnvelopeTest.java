package dev.copilotsuite.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.Strategy;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;

class EventEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesThePayloadTypeBesideTheEnvelopeFields() throws Exception {
        var event = EventEnvelope.of("acme", "acme:u1:s1", null, new ChatMessageSubmitted("m1", "u1", "hello"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));

        assertEquals("chat.message.submitted", json.get("type").asText());
        assertEquals("acme:u1:s1", json.get("sessionId").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("hello", json.get("payload").get("text").asText());
        assertEquals(event.type(), json.get("type").asText());
    }

    @Test
    void readsAnyPayloadBackThroughTheRawEnvelopeType() throws Exception {
        var ops = List.of(ChangeOp.set("humanAgents", 50), ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED));
        var event = EventEnvelope.of("acme", "acme:u1:s1", "m1", new CalculatorChangeRequested("r1", "copilot", "m1", 3L, ops));

        EventEnvelope<?> read = mapper.readValue(mapper.writeValueAsString(event), EventEnvelope.class);

        var payload = assertInstanceOf(CalculatorChangeRequested.class, read.payload());
        assertEquals(event.id(), read.id());
        assertEquals(event.timestamp(), read.timestamp());
        assertEquals(50.0, payload.ops().get(0).number());
        assertEquals(ChangeOp.Kind.STRATEGY, payload.ops().get(1).op());
        assertEquals("AI_AUGMENTED", payload.ops().get(1).value());
    }

    @Test
    void newIdsAreVersion7UuidsInTheOrderTheyWereMade() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(EventEnvelope.newId());
            if (i % 500 == 0) {
                Thread.sleep(2); // across milliseconds too
            }
        }
        assertEquals(ids.stream().sorted().toList(), ids, "string order is creation order");
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertTrue(ids.stream().allMatch(id -> java.util.UUID.fromString(id).version() == 7));
    }

    @Test
    void refusesAnUnknownType() {
        String json = """
                {"id":"e1","schemaVersion":1,"sessionId":"s","tenantId":"t","timestamp":"2026-11-23T10:00:00Z",
                 "type":"no.such.event","payload":{}}""";
        assertThrows(InvalidTypeIdException.class, () -> mapper.readValue(json, EventEnvelope.class));
    }

    @Test
    void everyRegisteredPayloadHasATypeName() {
        var subtypes = EventPayload.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value();
        for (var subtype : subtypes) {
            @SuppressWarnings("unchecked")
            var payloadType = (Class<? extends EventPayload>) subtype.value();
            EventPayload.typeOf(payloadType);
        }
    }
}
