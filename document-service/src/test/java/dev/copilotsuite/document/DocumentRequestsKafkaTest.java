package dev.copilotsuite.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@WithTestResource(CalculatorStub.class)
class DocumentRequestsKafkaTest {

    private static final String SERVICE = "Bearer " + TestTokens.service("gateway");
    private static final String UNICODE_NAME = "Zoë Müller – Łódź €";

    @Inject
    ObjectMapper mapper;

    @Test
    void aRequestOnKafkaStoresThePdfAndAnnouncesIt() throws Exception {
        String sessionId = "session-" + UUID.randomUUID();
        EventEnvelope<DocumentRequested> request = EventEnvelope.of("acme", sessionId, null,
                new DocumentRequested("req-1", DocumentKind.EXECUTIVE_SUMMARY, CalculatorStub.VERSION, UNICODE_NAME,
                        Fixtures.scenarios(CalculatorStub.VERSION)));
        KafkaRecords.send(mapper, request);

        EventEnvelope<?> event = KafkaRecords.ready(mapper, sessionId, 1, Duration.ZERO).get(0);
        assertEquals("acme", event.tenantId());
        assertEquals(request.id(), event.causationId());
        ArtifactReady ready = assertInstanceOf(ArtifactReady.class, event.payload());
        assertEquals("req-1", ready.requestId());
        assertEquals(DocumentKind.EXECUTIVE_SUMMARY, ready.kind());
        assertEquals("Executive summary, version 7", ready.title());
        assertEquals("application/pdf", ready.contentType());
        assertEquals(CalculatorStub.VERSION, ready.stateVersion());

        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(1))
                .body("[0].artifactId", is(ready.artifactId()))
                .body("[0].sha256", is(ready.sha256()));
        byte[] pdf = given().header("Authorization", SERVICE)
                .when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, ready.artifactId())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals(ready.sizeBytes(), pdf.length);
        assertEquals(ready.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        String text = Fixtures.text(pdf);
        assertTrue(text.contains("Requested by " + UNICODE_NAME), text);
        assertTrue(text.contains("Calculator state version 7"), text);
        String flat = text.replaceAll("\\s+", " ");
        RoiOutputs o = Fixtures.defaults().outputs();
        assertTrue(flat.contains("Total recovered " + Figures.money(o.totalRecovered())), flat);
        assertTrue(flat.contains("Scenarios discussed each evaluated on version 7, none applied"), flat);
        for (DocumentScenario scenario : Fixtures.scenarios(CalculatorStub.VERSION)) {
            ScenarioResult result = Fixtures.scenario(CalculatorStub.VERSION, scenario.ops());
            assertTrue(result == null ? flat.contains("not evaluated on this version")
                    : flat.contains(Figures.money(result.outputs().netRecovery())), scenario.label());
        }
        assertTrue(flat.contains("Peak utilization " + Figures.percent(o.peakUtilization())), flat);
    }

    @Test
    void theSameRequestIdTwiceYieldsOneArtifactAnnouncedTwice() throws Exception {
        String sessionId = "session-" + UUID.randomUUID();
        DocumentRequested request = new DocumentRequested("req-twice", DocumentKind.EXECUTIVE_SUMMARY, null, "copilot", null);
        KafkaRecords.send(mapper, EventEnvelope.of("acme", sessionId, null, request));
        KafkaRecords.send(mapper, EventEnvelope.of("acme", sessionId, null, request));

        List<EventEnvelope<?>> events = KafkaRecords.ready(mapper, sessionId, 2, Duration.ofSeconds(1));
        assertEquals(2, events.size());
        ArtifactReady first = (ArtifactReady) events.get(0).payload();
        ArtifactReady second = (ArtifactReady) events.get(1).payload();
        assertEquals(first.artifactId(), second.artifactId());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(CalculatorStub.VERSION, first.stateVersion(), "no version asked means the latest");
        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(1));
        assertEquals(2, calculatorCalls(sessionId), "the state and its drivers, once: the repeat is served from the store");
    }

    @Test
    void anUnknownVersionPublishesNothingAndIsNotRetried() throws Exception {
        String sessionId = "session-" + UUID.randomUUID();
        KafkaRecords.send(mapper, EventEnvelope.of("acme", sessionId, null,
                new DocumentRequested("req-unknown", DocumentKind.EXECUTIVE_SUMMARY, 99L, "copilot", null)));
        // same session, same partition: once this one is announced, the one before it was handled
        KafkaRecords.send(mapper, EventEnvelope.of("acme", sessionId, null,
                new DocumentRequested("req-known", DocumentKind.EXECUTIVE_SUMMARY, CalculatorStub.VERSION, "copilot", null)));

        List<EventEnvelope<?>> events = KafkaRecords.ready(mapper, sessionId, 1, Duration.ofSeconds(1));
        assertEquals(1, events.size(), events.toString());
        assertEquals("req-known", ((ArtifactReady) events.get(0).payload()).requestId());
        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(1))
                .body("[0].requestId", is("req-known"));
        assertEquals(3, calculatorCalls(sessionId), "a 404 is asked once, never retried; then the state and its drivers");
    }

    /** How often calculator-service was called for the session (state, drivers and scenarios alike). */
    static int calculatorCalls(String sessionId) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.calculator.url", String.class);
        HttpResponse<String> calls = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/stub/calls/" + sessionId)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(calls.body());
    }
}
