package dev.copilotsuite.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import dev.copilotsuite.document.repository.Artifact;
import dev.copilotsuite.document.repository.ArtifactStore;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@WithTestResource(CalculatorStub.class)
class ArtifactResourceTest {

    private static final String SERVICE = "Bearer " + TestTokens.service("gateway");
    private static final String UNICODE_NAME = "Zoë Müller – Łódź €";

    @Inject
    ObjectMapper mapper;
    @Inject
    ArtifactStore store;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void postGeneratesTheSummaryWithTheModelsFigures() throws Exception {
        String sessionId = session();
        ExtractableResponse<Response> created = post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1",
                "kind", "EXECUTIVE_SUMMARY", "stateVersion", 7, "requestedBy", UNICODE_NAME))
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("sessionId", is(sessionId)).body("tenantId", is("acme")).body("requestId", is("r-1"))
                .body("kind", is("EXECUTIVE_SUMMARY")).body("title", is("Executive summary, version 7"))
                .body("contentType", is("application/pdf")).body("stateVersion", is(7))
                .extract();
        String artifactId = created.path("artifactId");
        assertTrue(ObjectId.isValid(artifactId), artifactId);
        assertTrue(created.header("Location").endsWith("/internal/sessions/" + sessionId + "/artifacts/" + artifactId),
                created.header("Location"));
        Instant createdAt = Instant.parse(created.path("createdAt"));
        assertTrue(Duration.between(createdAt, Instant.now()).abs().toMinutes() < 1, createdAt.toString());

        ExtractableResponse<Response> download = given().header("Authorization", SERVICE)
                .when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId)
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"executive-summary-v7.pdf\"").extract();
        byte[] pdf = download.asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5));
        assertEquals(((Number) created.path("sizeBytes")).longValue(), pdf.length);
        assertEquals(created.path("sha256"), sha256(pdf));
        assertEquals(2, Fixtures.pages(pdf), "no scenarios: two pages");
        assertTrue(pdf.length < 500 * 1024, "size " + pdf.length);

        RoiOutputs o = Fixtures.defaults().outputs();
        String text = Fixtures.text(pdf).replaceAll("\\s+", " ");
        for (String expected : new String[] {"Executive summary", "Calculator state version 7",
            "Requested by " + UNICODE_NAME, "Tenant acme", "Total recovered " + Figures.money(o.totalRecovered()),
            "Net recovery " + Figures.money(o.netRecovery()), "Peak utilization " + Figures.percent(o.peakUtilization()),
            "Incremental net recovery " + Figures.money(o.incrementalNetRecovery()),
            "Recovery and cost per bucket", "Utilization against capacity", "Sensitivity",
            "State version 7 of session " + sessionId + "."}) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in: " + text);
        }
        assertFalse(text.contains("Scenarios discussed"), text);

        EventEnvelope<?> event = KafkaRecords.ready(mapper, sessionId, 1, Duration.ZERO).get(0);
        ArtifactReady ready = assertInstanceOf(ArtifactReady.class, event.payload());
        assertEquals(artifactId, ready.artifactId());
        assertEquals("r-1", event.causationId());
        assertEquals("acme", event.tenantId());
        assertEquals(sha256(pdf), ready.sha256());
        assertEquals(pdf.length, ready.sizeBytes());
    }

    @Test
    void postedScenariosAreEvaluatedOnTheVersionAndCompared() throws Exception {
        String sessionId = session();
        List<DocumentScenario> scenarios = Fixtures.scenarios(7);
        String artifactId = post(sessionId, Map.of("tenantId", "acme", "requestId", "r-scenarios",
                "kind", "EXECUTIVE_SUMMARY", "stateVersion", 7, "scenarios", scenarios))
                .then().statusCode(201).extract().path("artifactId");
        byte[] pdf = given().header("Authorization", SERVICE)
                .when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId).then().statusCode(200)
                .extract().asByteArray();

        String text = Fixtures.text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Scenarios discussed each evaluated on version 7, none applied"), text);
        for (DocumentScenario scenario : scenarios) {
            ScenarioResult result = Fixtures.scenario(7, scenario.ops());
            if (result == null) {
                assertTrue(text.contains("not evaluated on this version. " + Fixtures.refusal(7, scenario.ops())
                        .substring(0, 20)), text);
            } else {
                String figures = Figures.money(result.outputs().netRecovery());
                assertTrue(text.contains(figures), "missing " + figures + " in " + text);
                assertTrue(text.contains(Figures.percent(result.outputs().peakUtilization())), text);
            }
        }
        // state, drivers, then one evaluation per scenario
        assertEquals(2 + scenarios.size(), DocumentRequestsKafkaTest.calculatorCalls(sessionId));
    }

    @Test
    void malformedOrTooManyScenariosAreRefused() {
        String sessionId = session();
        Map<String, Object> op = Map.of("op", "set", "path", "humanAgents", "value", 25);
        post(sessionId, body(List.of(Map.of("label", "", "ops", List.of(op))))).then().statusCode(400)
                .body("code", is("INVALID_SCENARIO")).body("path", is("scenarios[0].label"));
        post(sessionId, body(List.of(Map.of("label", "more agents", "ops", List.of())))).then().statusCode(400)
                .body("code", is("INVALID_SCENARIO")).body("path", is("scenarios[0].ops"));
        post(sessionId, body(List.of(Map.of("label", "more agents", "ops", List.of(Map.of("path", "humanAgents"))))))
                .then().statusCode(400).body("code", is("INVALID_SCENARIO")).body("path", is("scenarios[0].ops[0]"));
        post(sessionId, body(List.of(Map.of("label", "x".repeat(501), "ops", List.of(op))))).then().statusCode(400)
                .body("code", is("INVALID_SCENARIO"));
        post(sessionId, body(java.util.Collections.nCopies(9, Map.of("label", "more agents", "ops", List.of(op)))))
                .then().statusCode(400).body("code", is("TOO_MANY_SCENARIOS")).body("max", is(8.0f));
        given().header("Authorization", SERVICE).contentType(ContentType.JSON)
                .body("{\"tenantId\":\"acme\",\"requestId\":\"r\",\"kind\":\"EXECUTIVE_SUMMARY\",\"scenarios\":\"many\"}")
                .when().post("/internal/sessions/{s}/documents", sessionId).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        assertNothingStored(sessionId);
    }

    private static Map<String, Object> body(List<?> scenarios) {
        return Map.of("tenantId", "acme", "requestId", "r-bad", "kind", "EXECUTIVE_SUMMARY", "scenarios", scenarios);
    }

    @Test
    void aRepeatedPostAnswersTheSameArtifact() {
        String sessionId = session();
        Map<String, Object> body = Map.of("tenantId", "acme", "requestId", "r-again", "kind", "EXECUTIVE_SUMMARY");
        String first = post(sessionId, body).then().statusCode(201).extract().path("artifactId");
        String second = post(sessionId, body).then().statusCode(200).extract().path("artifactId");

        assertEquals(first, second);
        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(1)).body("[0].artifactId", is(first));
    }

    @Test
    void theListIsTheSessionsOwnNewestFirst() {
        String sessionId = session();
        String older = generate(sessionId, "r-older");
        String newer = generate(sessionId, "r-newer");
        generate(session(), "r-elsewhere");

        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(2))
                .body("[0].artifactId", is(newer)).body("[1].artifactId", is(older))
                .body("[0].fileName", is("executive-summary-v7.pdf"));
    }

    @Test
    void anUnknownMalformedOrForeignArtifactIsNotFound() {
        String sessionId = session();
        String foreign = generate(session(), "r-foreign");

        for (String artifactId : new String[] {new ObjectId().toHexString(), "not-an-id", foreign}) {
            given().header("Authorization", SERVICE)
                    .when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId)
                    .then().statusCode(404).contentType(ContentType.JSON).body("code", is("UNKNOWN_ARTIFACT"))
                    .body("message", is("Session " + sessionId + " has no artifact " + artifactId + "."));
        }
    }

    @Test
    void onlyServicesGetIn() {
        String sessionId = session();
        String artifactId = generate(sessionId, "r-auth");
        String user = "Bearer " + TestTokens.user("u-1", "acme");

        given().when().get("/internal/sessions/{s}/artifacts", sessionId).then().statusCode(401);
        given().when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("tenantId", "acme", "requestId", "r", "kind",
                "EXECUTIVE_SUMMARY")).when().post("/internal/sessions/{s}/documents", sessionId).then().statusCode(401);
        given().header("Authorization", user).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(403);
        given().header("Authorization", user).when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId)
                .then().statusCode(403);
    }

    @Test
    void aRequestWithoutRequestIdOrTenantIsRefused() {
        String sessionId = session();
        post(sessionId, Map.of("tenantId", "acme", "kind", "EXECUTIVE_SUMMARY")).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST")).body("message", is("tenantId and requestId are required."));
        post(sessionId, Map.of("requestId", "r-1", "kind", "EXECUTIVE_SUMMARY")).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        given().header("Authorization", SERVICE).contentType(ContentType.JSON)
                .when().post("/internal/sessions/{s}/documents", sessionId).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        given().header("Authorization", SERVICE).contentType(ContentType.JSON).body("{\"tenantId\":")
                .when().post("/internal/sessions/{s}/documents", sessionId).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        assertNothingStored(sessionId);
    }

    @Test
    void anUnknownOrMissingKindIsRefusedNamingTheAllowedKinds() {
        String sessionId = session();
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1", "kind", "MEMO")).then().statusCode(400)
                .body("code", is("UNKNOWN_KIND")).body("path", is("kind")).body("value", is("MEMO"))
                .body("message", is("Unknown kind 'MEMO'; allowed kinds: EXECUTIVE_SUMMARY."));
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1")).then().statusCode(400)
                .body("code", is("UNKNOWN_KIND")).body("message", containsString("allowed kinds: EXECUTIVE_SUMMARY"));
        assertNothingStored(sessionId);
    }

    @Test
    void aNegativeVersionIsRefused() {
        String sessionId = session();
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1", "kind", "EXECUTIVE_SUMMARY", "stateVersion", -1))
                .then().statusCode(400).body("code", is("INVALID_VALUE")).body("path", is("stateVersion"))
                .body("value", is(-1)).body("min", is(0.0f));
        assertNothingStored(sessionId);
    }

    @Test
    void anUnknownVersionIsNotFoundAndAskedOnce() throws Exception {
        String sessionId = session();
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1", "kind", "EXECUTIVE_SUMMARY", "stateVersion", 99))
                .then().statusCode(404).body("code", is("UNKNOWN_VERSION"))
                .body("message", is("Session " + sessionId + " has no calculator version 99."));
        assertNothingStored(sessionId);
        assertEquals(1, DocumentRequestsKafkaTest.calculatorCalls(sessionId), "a 404 is not retried");
    }

    @Test
    void anUnknownSessionHasNoVersionToPrintAndNoArtifacts() {
        String sessionId = CalculatorStub.UNKNOWN_PREFIX + UUID.randomUUID();
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1", "kind", "EXECUTIVE_SUMMARY", "stateVersion", 7))
                .then().statusCode(404).body("code", is("UNKNOWN_VERSION"))
                .body("message", is("Session " + sessionId + " has no calculator version 7."));
        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(0));
        assertNothingStored(sessionId);
    }

    @Test
    void aFailingCalculatorIsRetriedThenReportedUnavailable() throws Exception {
        String sessionId = CalculatorStub.FAILING_PREFIX + UUID.randomUUID();
        post(sessionId, Map.of("tenantId", "acme", "requestId", "r-1", "kind", "EXECUTIVE_SUMMARY"))
                .then().statusCode(503).body("code", is("CALCULATOR_UNAVAILABLE"));
        assertEquals(3, DocumentRequestsKafkaTest.calculatorCalls(sessionId), "one call and two retries");
        assertNothingStored(sessionId);
    }

    @Test
    void aRacingSecondStoreOfTheSameRequestKeepsTheFirst() {
        String sessionId = session();
        Artifact first = artifact(sessionId, "r-race");
        Artifact second = artifact(sessionId, "r-race");

        assertEquals(first, store.storeOnce(first, new byte[] {1, 2, 3}));
        Artifact kept = store.storeOnce(second, new byte[] {4, 5, 6});

        assertEquals(first.artifactId(), kept.artifactId());
        assertNotEquals(first.artifactId(), second.artifactId());
        assertEquals(1, store.list(sessionId).size());
        assertEquals(0, mongo.getDatabase(database).getCollection("artifacts.chunks", Document.class)
                .countDocuments(Filters.eq("files_id", new ObjectId(second.artifactId()))), "the loser's chunks are gone");
    }

    private static Artifact artifact(String sessionId, String requestId) {
        return new Artifact(ArtifactStore.newId(), sessionId, "acme", requestId, DocumentKind.EXECUTIVE_SUMMARY,
                "Executive summary, version 7", "executive-summary-v7.pdf", "application/pdf", 7, 3, "00",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Response post(String sessionId, Map<String, ?> body) {
        return given().header("Authorization", SERVICE).contentType(ContentType.JSON).body(body)
                .when().post("/internal/sessions/{s}/documents", sessionId);
    }

    private static String generate(String sessionId, String requestId) {
        return post(sessionId, Map.of("tenantId", "acme", "requestId", requestId, "kind", "EXECUTIVE_SUMMARY"))
                .then().statusCode(201).extract().path("artifactId");
    }

    private static void assertNothingStored(String sessionId) {
        given().header("Authorization", SERVICE).when().get("/internal/sessions/{s}/artifacts", sessionId)
                .then().statusCode(200).body("size()", is(0));
    }

    private static String session() {
        return "session-" + UUID.randomUUID();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
