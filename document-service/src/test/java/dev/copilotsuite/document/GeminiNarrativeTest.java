package dev.copilotsuite.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.document.service.Narrative;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The narrative with Gemini configured, against a local server speaking Gemini's JSON (GeminiStub). */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@WithTestResource(CalculatorStub.class)
@WithTestResource(GeminiStub.class)
class GeminiNarrativeTest {

    private static final String DRAFT = """
            The operation nets {netRecovery} a month on {totalRecovered} recovered, a return of {roi}.

            Agents run at {peakUtilization} in the peak hour against a {peakThreshold} threshold.""";

    @Inject
    Narrative narrative;

    private final CalculatorState state = Fixtures.defaults();

    @Test
    void geminiWritesThePlaceholdersAndCodeInsertsTheFigures() {
        GeminiStub.answerWith(DRAFT);

        Narrative.Text text = narrative.write(state, Fixtures.drivers(7), 0);

        RoiOutputs o = state.outputs();
        assertEquals(Narrative.Source.GEMINI, text.source());
        assertEquals(List.of("The operation nets " + Figures.money(o.netRecovery()) + " a month on "
                + Figures.money(o.totalRecovered()) + " recovered, a return of " + Figures.multiple(o.roi()) + ".",
                "Agents run at " + Figures.percent(o.peakUtilization()) + " in the peak hour against a 120% threshold."),
                text.paragraphs());
        assertEquals(1, GeminiStub.requests.size());
        GeminiStub.Received request = GeminiStub.requests.get(0);
        assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", request.path());
        assertEquals(GeminiStub.API_KEY, request.apiKey());
        assertTrue(request.body().contains("netRecovery = " + Figures.money(o.netRecovery())), request.body());
    }

    @Test
    void aDraftThatTypesAFigureFallsBackToTheTemplates() {
        for (String draft : new String[] {"The operation nets $3.4M a month.", "Net recovery is {netRecovery}, about three million.",
            "It nets {netRecovery} and {happiness}.", "It nets {netRecovery} {", ""}) {
            GeminiStub.answerWith(draft);
            Narrative.Text text = narrative.write(state, Fixtures.drivers(7), 0);
            assertEquals(Narrative.Source.TEMPLATE, text.source(), draft);
            assertEquals(1, GeminiStub.requests.size(), "Gemini was asked");
        }
    }

    @Test
    void aFailingOrSlowGeminiFallsBackToTheTemplates() {
        GeminiStub.answerWith(DRAFT);
        GeminiStub.status = 500;
        assertEquals(Narrative.Source.TEMPLATE, narrative.write(state, Fixtures.drivers(7), 0).source());

        GeminiStub.answerWith(DRAFT);
        GeminiStub.delayMillis = 4000;
        long start = System.nanoTime();
        Narrative.Text text = narrative.write(state, Fixtures.drivers(7), 0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Narrative.Source.TEMPLATE, text.source());
        assertTrue(millis < 3000, "gave up after " + millis + " ms, not at the 1.5 s bound");
        GeminiStub.delayMillis = 0;
    }

    @Test
    void theDocumentSaysGeminiWroteTheSummary() {
        GeminiStub.answerWith(DRAFT);
        String sessionId = "session-" + UUID.randomUUID();
        String auth = "Bearer " + TestTokens.service("gateway");
        String artifactId = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("tenantId", "acme", "requestId", "r-gemini", "kind", "EXECUTIVE_SUMMARY"))
                .when().post("/internal/sessions/{s}/documents", sessionId).then().statusCode(201)
                .extract().path("artifactId");
        byte[] pdf = given().header("Authorization", auth)
                .when().get("/internal/sessions/{s}/artifacts/{a}", sessionId, artifactId).then().statusCode(200)
                .extract().asByteArray();

        String text = Fixtures.text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Summary written by Gemini; every figure inserted from the model"), text);
        assertTrue(text.contains("The operation nets " + Figures.money(state.outputs().netRecovery()) + " a month"), text);
    }
}
