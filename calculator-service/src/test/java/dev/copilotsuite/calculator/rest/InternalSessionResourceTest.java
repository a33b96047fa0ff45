package dev.copilotsuite.calculator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class InternalSessionResourceTest {

    static TopicProbe stateEvents;

    @BeforeAll
    static void probe() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        stateEvents = new TopicProbe(bootstrap(), Topics.CALCULATOR_STATE);
    }

    @AfterAll
    static void close() {
        stateEvents.close();
    }

    @Test
    void aNewSessionStartsAtTheSpecsDefaults() {
        asService().get("/internal/sessions/{id}/state", session()).then().statusCode(200)
                .body("version", is(0))
                .body("inputs.humanAgents", is(30.0))
                .body("outputs.peakUtilization", closeTo(1.142656, 1e-6))
                .body("outputs.totalRecovered", closeTo(3600892.116790, 1e-3));
    }

    @Test
    void aChangeMakesANewVersionAndPublishesTheStateAfterSavingIt() {
        String session = session();
        change(session, "r-1", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 25)))
                .then().statusCode(200)
                .body("state.version", is(1))
                .body("state.outputs.peakUtilization", closeTo(1.371187, 1e-6))
                .body("changes[0].path", is("humanAgents"))
                .body("changes[0].before", is(30.0))
                .body("changes[0].after", is(25.0));

        var event = stateEvents.await(r -> r.key().equals(session), Duration.ofSeconds(10)).value();
        assertEquals("calculator.state.changed", event.path("type").asText());
        assertEquals("acme", event.path("tenantId").asText());
        assertEquals(1, event.path("payload").path("version").asInt());
        assertEquals("r-1", event.path("payload").path("requestId").asText());
        assertEquals(25.0, event.path("payload").path("inputs").path("humanAgents").asDouble());

        asService().get("/internal/sessions/{id}/state?version=1", session).then().statusCode(200)
                .body("inputs.humanAgents", is(25.0));
        asService().get("/internal/sessions/{id}/state?version=0", session).then().statusCode(200)
                .body("inputs.humanAgents", is(30.0));
    }

    @Test
    void aRepeatedRequestIdIsAppliedOnce() {
        String session = session();
        var ops = List.of(Map.of("op", "add", "path", "humanAgents", "value", 5));
        change(session, "same", null, ops).then().statusCode(200).body("state.version", is(1)).body("replayed", is(false));
        change(session, "same", null, ops).then().statusCode(200).body("state.version", is(1)).body("replayed", is(true))
                .body("state.inputs.humanAgents", is(35.0));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String session = session();
        change(session, "a", 0L, List.of(Map.of("op", "set", "path", "rent", "value", 1000))).then().statusCode(200);
        change(session, "b", 0L, List.of(Map.of("op", "set", "path", "rent", "value", 2000))).then().statusCode(409)
                .body("code", is("VERSION_CONFLICT"));
        asService().get("/internal/sessions/{id}/state", session).then().body("version", is(1)).body("inputs.rent", is(1000.0));
    }

    @Test
    void anInvalidBatchIsRefusedWholeNamingTheInputValueAndBounds() {
        String session = session();
        change(session, "bad", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 50),
                Map.of("op", "add", "path", "buckets.bucket2.contactRate", "value", 2)))
                .then().statusCode(400)
                .body("code", is("OUT_OF_BOUNDS"))
                .body("path", is("buckets.bucket2.contactRate"))
                .body("min", is(0.0)).body("max", is(1.0))
                .body("message", containsString("contactRate"));
        change(session, "bad2", null, List.of(Map.of("op", "set", "path", "buckets.bucket9.contactRate", "value", 0.1)))
                .then().statusCode(400).body("code", is("UNKNOWN_INPUT"));
        change(session, "bad3", null, List.of(Map.of("op", "strategy", "path", "buckets.bucket1.strategy", "value", "ROBOTS")))
                .then().statusCode(400).body("code", is("INVALID_VALUE"));
        asService().get("/internal/sessions/{id}/state", session).then().body("version", is(0)).body("inputs.humanAgents", is(30.0));
    }

    @Test
    void malformedRequestsGetAClearError() {
        asService().contentType(ContentType.JSON).body("{\"tenantId\": ").post("/internal/sessions/{id}/changes", session())
                .then().log().ifValidationFails().statusCode(400).body("code", is("MALFORMED_REQUEST"));
        asService().contentType(ContentType.JSON).body(Map.of("tenantId", "acme", "requestId", "x", "actor", "user", "ops", List.of()))
                .post("/internal/sessions/{id}/changes", session()).then().log().ifValidationFails().statusCode(400).body("code", is("MALFORMED_REQUEST"));
        asService().contentType(ContentType.JSON).body("{\"tenantId\":\"acme\",\"requestId\":\"x\",\"actor\":\"user\",\"ops\":[{\"op\":\"explode\",\"path\":\"rent\",\"value\":1}]}")
                .post("/internal/sessions/{id}/changes", session()).then().log().ifValidationFails().statusCode(400).body("code", is("MALFORMED_REQUEST"))
                .body("message", containsString("ops"));
        asService().get("/internal/sessions/{id}/state?version=7", session()).then().statusCode(404).body("code", is("UNKNOWN_VERSION"));
    }

    @Test
    void onlyServicesReachTheInternalApi() {
        given().get("/internal/sessions/{id}/state", session()).then().statusCode(401);
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/internal/sessions/{id}/state", session()).then().statusCode(403);
        given().auth().oauth2(TestTokens.expiredUser("ana", "acme")).get("/internal/sessions/{id}/state", session()).then().statusCode(401);
    }

    @Test
    void aUserEditArrivesOverKafkaAndARefusedOneIsPublishedWithItsReason() {
        String session = session();
        TopicProbe.produce(bootstrap(), Topics.CALCULATOR_COMMANDS, session, TopicProbe.json(TopicProbe.envelope(
                "calculator.change.requested", "acme", session, Map.of("requestId", "ui-1", "actor", "user", "actorRef", "ana",
                        "ops", List.of(Map.of("op", "scale", "path", "humanSalary", "value", 0.85))))));
        var applied = stateEvents.await(r -> r.key().equals(session), Duration.ofSeconds(15)).value();
        assertEquals(40800.0, applied.path("payload").path("inputs").path("humanSalary").asDouble(), 1e-9);

        TopicProbe.produce(bootstrap(), Topics.CALCULATOR_COMMANDS, session, TopicProbe.json(TopicProbe.envelope(
                "calculator.change.requested", "acme", session, Map.of("requestId", "ui-2", "actor", "user", "actorRef", "ana",
                        "ops", List.of(Map.of("op", "set", "path", "targetOccupancy", "value", 3))))));
        var rejected = stateEvents.await(r -> r.key().equals(session)
                && r.value().path("type").asText().equals("calculator.change.rejected"), Duration.ofSeconds(15)).value();
        assertEquals("OUT_OF_BOUNDS", rejected.path("payload").path("code").asText());
        assertTrue(rejected.path("payload").path("message").asText().contains("3"));
        assertEquals(1, rejected.path("payload").path("currentVersion").asInt());
    }

    @Test
    void undoRevertsTheLastAppliedBatchAndRepeatedUndosWalkBack() {
        String session = session();
        change(session, "c-1", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 50))).then().statusCode(200);
        change(session, "c-2", null, List.of(Map.of("op", "scale", "path", "rent", "value", 0.9))).then().statusCode(200);

        command(session, "undo", "u-1").then().statusCode(200).body("state.version", is(3))
                .body("state.inputs.rent", is(30000.0)).body("state.inputs.humanAgents", is(50.0))
                .body("changes[0].path", is("rent"));
        command(session, "undo", "u-2").then().statusCode(200).body("state.version", is(4))
                .body("state.inputs.humanAgents", is(30.0));
        command(session, "undo", "u-3").then().statusCode(409).body("code", is("NOTHING_TO_UNDO"));

        asService().get("/internal/sessions/{id}/history", session).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.contains("CHANGE", "CHANGE", "UNDO", "UNDO"))
                .body("restoredVersion", org.hamcrest.Matchers.contains(null, null, 1, 0))
                .body("[0].actor", is("copilot")).body("[0].ops[0].path", is("humanAgents"));
    }

    @Test
    void resetGoesBackToTheDefaultsAndCanItselfBeUndone() {
        String session = session();
        change(session, "c-1", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 12))).then().statusCode(200);
        command(session, "reset", "r-1").then().statusCode(200).body("state.inputs.humanAgents", is(30.0));
        command(session, "undo", "u-1").then().statusCode(200).body("state.inputs.humanAgents", is(12.0));
    }

    @Test
    void aCrossedThresholdPublishesItsInsightOnceWithAComputedAction() {
        String session = session();
        change(session, "i-1", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 25))).then().statusCode(200);
        var insight = stateEvents.await(r -> r.key().equals(session)
                && r.value().path("type").asText().equals("calculator.insight"), Duration.ofSeconds(10)).value();
        var payload = insight.path("payload");
        assertEquals("PEAK_UTILIZATION_HIGH", payload.path("insightId").asText());
        assertEquals(1.371187, payload.path("figures").path("peakUtilization").asDouble(), 1e-6);
        assertEquals(1, payload.path("version").asInt());
        assertEquals("strategy", payload.path("actions").path(0).path("ops").path(0).path("op").asText());
        assertEquals(35.0, payload.path("actions").path(1).path("ops").path(0).path("value").asDouble(),
                "ceil(humanMinutes * peakFactor / perFte) agents bring the peak to 100%");

        // Still above 120%: held back. Then back under the re-arm level, and over again: fires again.
        change(session, "i-2", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 24))).then().statusCode(200);
        change(session, "i-3", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 30))).then().statusCode(200);
        change(session, "i-4", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 25))).then().statusCode(200);
        stateEvents.await(r -> r.key().equals(session) && r.value().path("payload").path("version").asInt() == 4
                && r.value().path("type").asText().equals("calculator.insight"), Duration.ofSeconds(10));
        long fired = stateEvents.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().equals(session)
                && r.value().path("type").asText().equals("calculator.insight")).count();
        assertEquals(2, fired, "fired at version 1 and 4, held back at 2, re-armed at 3");
    }

    @Test
    void batchAndBodyLimits() {
        var ops = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> Map.<String, Object>of("op", "add", "path", "rent", "value", 1)).toList();
        change(session(), "big", null, ops).then().statusCode(400).body("code", is("TOO_MANY_OPS"));
        asService().contentType(ContentType.JSON).body("{\"tenantId\":\"acme\",\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .post("/internal/sessions/{id}/changes", session()).then().statusCode(413);
        asService().contentType(ContentType.JSON)
                .body("{\"tenantId\":\"acme\",\"requestId\":\"n\",\"actor\":\"user\",\"ops\":[{\"op\":\"set\",\"path\":\"rent\",\"value\":\"NaN\"}]}")
                .post("/internal/sessions/{id}/changes", session()).then().statusCode(400).body("code", is("INVALID_VALUE"));
        change(session(), "frac", null, List.of(Map.of("op", "set", "path", "buckets.bucket1.attemptsPerAccount", "value", 2.5)))
                .then().statusCode(400).body("code", is("INVALID_VALUE"));
    }

    @Test
    void evaluateIsStatelessAndStrict() {
        var defaults = asService().get("/internal/sessions/{id}/state", session()).then().extract().path("inputs");
        asService().contentType(ContentType.JSON).body(defaults).post("/internal/evaluate").then().statusCode(200)
                .body("peakUtilization", closeTo(1.142656, 1e-6))
                .body("buckets.bucket3.recoveryRate", closeTo(0.091062, 1e-6));

        @SuppressWarnings("unchecked")
        Map<String, Object> bad = new java.util.HashMap<>((Map<String, Object>) defaults);
        bad.put("targetOccupancy", 1.5);
        asService().contentType(ContentType.JSON).body(bad).post("/internal/evaluate").then().statusCode(400)
                .body("code", is("OUT_OF_BOUNDS")).body("path", is("targetOccupancy")).body("max", is(1.0));
        bad.remove("targetOccupancy");
        asService().contentType(ContentType.JSON).body(bad).post("/internal/evaluate").then().statusCode(400)
                .body("code", is("MISSING_INPUT")).body("message", containsString("targetOccupancy"));
        bad.put("targetOccupancy", 0.85);
        bad.put("bonus", 1);
        asService().contentType(ContentType.JSON).body(bad).post("/internal/evaluate").then().statusCode(400)
                .body("code", is("UNKNOWN_INPUT"));
    }

    @Test
    void aScenarioAGoalSeekAndDriversNeverChangeTheState() {
        String session = session();
        asService().contentType(ContentType.JSON)
                .body(Map.of("ops", List.of(Map.of("op", "strategy", "path", "buckets.bucket1.strategy", "value", "AI_AUGMENTED"))))
                .post("/internal/sessions/{id}/scenario", session).then().statusCode(200)
                .body("outputs.peakUtilization", closeTo(0.913138, 1e-6))
                .body("diffs.find { it.key == 'peakUtilization' }.before", closeTo(1.142656, 1e-6));
        asService().contentType(ContentType.JSON)
                .body(Map.of("inputPath", "humanAgents", "outputKey", "peakUtilization", "target", 1.0))
                .post("/internal/sessions/{id}/goal-seek", session).then().statusCode(200)
                .body("reached", is(true)).body("value", closeTo(34.279667, 1e-5));
        asService().get("/internal/sessions/{id}/drivers", session).then().statusCode(200)
                .body("recoveryFactors.find { it.bucket == 'bucket3' }.product", closeTo(0.091062, 1e-6));
        asService().get("/internal/sessions/{id}/drivers/recovery?a=bucket3&b=bucket1", session).then().statusCode(200)
                .body("factor", org.hamcrest.Matchers.notNullValue());
        asService().get("/internal/sessions/{id}/state", session).then().body("version", is(0));

        asService().contentType(ContentType.JSON)
                .body(Map.of("inputPath", "humanAgents", "outputKey", "happiness", "target", 1.0))
                .post("/internal/sessions/{id}/goal-seek", session).then().statusCode(400).body("code", is("UNKNOWN_OUTPUT"));
        asService().get("/internal/sessions/{id}/drivers/recovery?a=bucket9&b=bucket1", session).then().statusCode(400);
        asService().contentType(ContentType.JSON).body(Map.of("ops", List.of(Map.of("op", "set", "path", "rent", "value", -1))))
                .post("/internal/sessions/{id}/scenario", session).then().statusCode(400).body("code", is("OUT_OF_BOUNDS"));
    }

    @Test
    void aScenarioAndDriversCanReadAnEarlierVersion() {
        String session = session();
        change(session, "r-agents", null, List.of(Map.of("op", "set", "path", "humanAgents", "value", 25)))
                .then().statusCode(200).body("state.version", is(1));
        List<Map<String, String>> toAi = List.of(Map.of("op", "strategy", "path", "buckets.bucket1.strategy",
                "value", "AI_AUGMENTED"));

        // version 0 is the defaults, whatever the session is at now
        asService().get("/internal/sessions/{id}/drivers?version=0", session).then().statusCode(200)
                .body("peakUtilization", closeTo(1.142656, 1e-6));
        asService().contentType(ContentType.JSON).body(Map.of("ops", toAi))
                .post("/internal/sessions/{id}/scenario?version=0", session).then().statusCode(200)
                .body("outputs.peakUtilization", closeTo(0.913138, 1e-6))
                .body("diffs.find { it.key == 'peakUtilization' }.before", closeTo(1.142656, 1e-6));
        // without a version, the current state (25 agents)
        asService().get("/internal/sessions/{id}/drivers", session).then().statusCode(200)
                .body("peakUtilization", closeTo(1.371187, 1e-6));
        asService().get("/internal/sessions/{id}/drivers?version=1", session).then().statusCode(200)
                .body("peakUtilization", closeTo(1.371187, 1e-6));

        asService().get("/internal/sessions/{id}/drivers?version=2", session).then().statusCode(404)
                .body("code", is("UNKNOWN_VERSION"));
        asService().contentType(ContentType.JSON).body(Map.of("ops", toAi))
                .post("/internal/sessions/{id}/scenario?version=9", session).then().statusCode(404)
                .body("code", is("UNKNOWN_VERSION"));
        asService().get("/internal/sessions/{id}/drivers?version=-1", session).then().statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
    }

    private static io.restassured.response.Response command(String session, String command, String requestId) {
        return asService().contentType(ContentType.JSON)
                .body(Map.of("tenantId", "acme", "requestId", requestId, "actor", "user", "actorRef", "ana"))
                .post("/internal/sessions/{id}/" + command, session);
    }

    private static io.restassured.response.Response change(String session, String requestId, Long expectedVersion,
            List<? extends Map<String, ?>> ops) {
        var body = new java.util.HashMap<String, Object>(Map.of("tenantId", "acme", "requestId", requestId, "actor", "copilot",
                "actorRef", "m-1", "ops", ops));
        if (expectedVersion != null) {
            body.put("expectedVersion", expectedVersion);
        }
        return asService().contentType(ContentType.JSON).body(body).post("/internal/sessions/{id}/changes", session);
    }

    private static RequestSpecification asService() {
        return given().auth().oauth2(TestTokens.service("agent-orchestrator"));
    }

    private static String session() {
        return "chat:acme:ana:" + UUID.randomUUID();
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
