package dev.copilotsuite.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.document.ai.NarrativeWriter;
import dev.copilotsuite.document.service.Narrative;
import dev.copilotsuite.document.service.ScenarioOutcome;
import dev.copilotsuite.document.service.SummaryContent;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.document.DocumentScenario;

/**
 * The calculator's answers written by its own model (calculator-fixtures.json: versions 7, 8 and 9, their
 * drivers and scenarios), summaries built from them, and PDF reading for tests.
 */
public final class Fixtures {

    public static final Instant GENERATED = Instant.parse("2026-03-14T09:26:53.589Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode FIXTURE = load();

    private Fixtures() {
    }

    /** Version 7: the spec's defaults. */
    public static CalculatorState defaults() {
        return state(7);
    }

    /** Version 8: the defaults with bucket1 on AI_AUGMENTED. */
    public static CalculatorState bucket1AiAugmented() {
        return state(8);
    }

    /** Version 9: the defaults with 20 agents, so peak utilization is over the threshold. */
    public static CalculatorState highPeak() {
        return state(9);
    }

    public static CalculatorState state(long version) {
        return read(FIXTURE.path("states").path(Long.toString(version)), CalculatorState.class);
    }

    public static DriversView drivers(long version) {
        return read(FIXTURE.path("drivers").path(Long.toString(version)), DriversView.class);
    }

    /** The scenarios of the fixture on a version, in its order, refused ones included. */
    public static List<DocumentScenario> scenarios(long version) {
        List<DocumentScenario> scenarios = new ArrayList<>();
        for (JsonNode entry : FIXTURE.path("scenarios")) {
            if (entry.path("version").asLong() == version) {
                List<ChangeOp> ops = read(entry.path("ops"), new TypeReference<List<ChangeOp>>() { });
                scenarios.add(new DocumentScenario(label(ops), ops));
            }
        }
        return scenarios;
    }

    /** The calculator's evaluation of the ops on a version, or null when it refuses them. */
    public static ScenarioResult scenario(long version, List<ChangeOp> ops) {
        String asked = CalculatorStub.canonical(JSON.valueToTree(ops));
        for (JsonNode entry : FIXTURE.path("scenarios")) {
            if (entry.path("version").asLong() == version && CalculatorStub.canonical(entry.path("ops")).equals(asked)) {
                return entry.has("result") ? read(entry.path("result"), ScenarioResult.class) : null;
            }
        }
        throw new IllegalArgumentException("no such scenario in the fixture: " + asked);
    }

    /** The message the calculator refuses the ops with on a version. */
    public static String refusal(long version, List<ChangeOp> ops) {
        String asked = CalculatorStub.canonical(JSON.valueToTree(ops));
        for (JsonNode entry : FIXTURE.path("scenarios")) {
            if (entry.path("version").asLong() == version && CalculatorStub.canonical(entry.path("ops")).equals(asked)) {
                return entry.path("error").path("message").asText(null);
            }
        }
        throw new IllegalArgumentException("no such scenario in the fixture: " + asked);
    }

    /** A question a user could have asked for these ops. */
    public static String label(List<ChangeOp> ops) {
        return "What if " + ops.stream().map(op -> op.op().name().toLowerCase() + " " + op.path() + " " + op.value())
                .reduce((a, b) -> a + " and " + b).orElse("") + "?";
    }

    /** The summary of a version with its drivers and the given scenarios, the narrative from the templates. */
    public static SummaryContent summary(long version, List<DocumentScenario> scenarios, String tenantId,
            String requestedBy) {
        CalculatorState state = state(version);
        DriversView drivers = drivers(version);
        List<ScenarioOutcome> outcomes = scenarios.stream().map(s -> {
            ScenarioResult result = scenario(version, s.ops());
            return new ScenarioOutcome(s.label(), result, result == null ? refusal(version, s.ops()) : null);
        }).toList();
        Narrative.Text text = offlineNarrative().write(state, drivers, outcomes.size());
        return new SummaryContent(state, drivers, outcomes, text, tenantId, requestedBy, GENERATED);
    }

    /** A narrative without Gemini configured. */
    public static Narrative offlineNarrative() {
        return new Narrative(new NarrativeWriter(Optional.empty(), true, null));
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(JsonNode node, TypeReference<T> type) {
        return JSON.convertValue(node, type);
    }

    private static JsonNode load() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/calculator-fixtures.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a PDF, as a reader copying it would get it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
