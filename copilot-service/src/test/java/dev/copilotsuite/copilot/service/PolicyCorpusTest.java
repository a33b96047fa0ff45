package dev.copilotsuite.copilot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The policy corpus: the Markdown format, one clause per item, document applicability, ingestion. */
class PolicyCorpusTest {

    private static final String STATE_WA = """
            ---
            docId: state-wa
            title: HearthGuard Washington Addendum
            plans: [ALL]
            contractTypes: [ALL]
            states: [WA]
            ---
            # HearthGuard Washington Addendum

            This addendum applies to every contract for a home in Washington.

            ## Conditions

            ### Service fee
            The service fee for Washington contracts is $90 per service request.
            """;

    @Test
    void loadsEveryShippedDocumentOneClausePerItem() {
        PolicyCorpus corpus = new PolicyCorpus();

        assertEquals(137, corpus.clauses().size());
        assertEquals(26, corpus.document("general-terms").size());
        Clause dishwasher = corpus.document("plan-plus").stream()
                .filter(clause -> clause.section() == SectionKind.COVERED && clause.isItem("Dishwasher")).findFirst()
                .orElseThrow();
        assertEquals("HearthGuard Plus Plan", dishwasher.title());
        assertEquals(List.of("PLUS"), dishwasher.plans());
        assertEquals(List.of("ALL"), dishwasher.contractTypes());
        assertEquals(List.of("ALL"), dishwasher.states());
        assertEquals("The built-in dishwasher, including its pump, motor, timer, control board, door latch, inlet valve "
                + "and heating element.", dishwasher.text());
        assertEquals(2, corpus.document("plan-plus").stream().filter(clause -> clause.isItem("Water heater")).count(),
                "a plan heads an item under Covered and its cap under Limits");
    }

    @Test
    void theIndexNamesEveryDocumentOfTheCorpusFolder() throws IOException {
        Path folder = Path.of("src/main/resources/corpus");
        List<String> index = Files.readAllLines(folder.resolve("index.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).sorted().toList();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted()
                    .toList(), index);
        }
    }

    @Test
    void aDocumentAppliesWhenEachListHoldsTheContractsValueOrAll() {
        PolicyCorpus corpus = new PolicyCorpus();
        Clause radiators = corpus.document("state-ny").get(0);
        Clause plusDishwasher = corpus.document("plan-plus").stream().filter(clause -> clause.isItem("Dishwasher"))
                .findFirst().orElseThrow();

        assertTrue(radiators.appliesTo(new ContractScope("ESSENTIAL", "REAL_ESTATE", "NY", "SELLER")));
        assertFalse(radiators.appliesTo(new ContractScope("ESSENTIAL", "HOMEOWNER", "CA", null)));
        assertTrue(plusDishwasher.appliesTo(new ContractScope("PLUS", "HOMEOWNER", "TX", null)));
        assertFalse(plusDishwasher.appliesTo(new ContractScope("PREMIER", "HOMEOWNER", "TX", null)));
        assertFalse(plusDishwasher.appliesTo(new ContractScope(null, "HOMEOWNER", "TX", null)), "an unknown plan is no plan");
        assertEquals(List.of(0, 1, 2, 3), Stream.of("state-ny", "contract-homeowner", "plan-plus", "general-terms")
                .map(docId -> corpus.document(docId).get(0).precedence()).toList(), "state over type over plan over general");
    }

    @Test
    void ingestingADocumentAddsItAndIngestingItAgainReplacesItsClauses() {
        PolicyCorpus corpus = new PolicyCorpus();
        corpus.ingest("state-wa", STATE_WA);
        assertEquals(List.of("Service fee"), corpus.document("state-wa").stream().map(Clause::item).toList());
        assertEquals(List.of("WA"), corpus.document("state-wa").get(0).states());

        corpus.ingest("state-wa", STATE_WA.replace("$90", "$95").replace("### Service fee", """
                ### Cancellation
                A Washington contract may be cancelled at any time.

                ### Service fee"""));

        assertEquals(List.of("Cancellation", "Service fee"), corpus.document("state-wa").stream().map(Clause::item).toList());
        assertTrue(corpus.document("state-wa").get(1).text().contains("$95"));
        assertEquals(139, corpus.clauses().size(), "the old clauses are gone, the other documents untouched");
    }

    @Test
    void aMalformedDocumentIsRefusedWithItsNameAndTheProblem() {
        PolicyCorpus corpus = new PolicyCorpus();

        assertRefused(corpus, "state-wa", STATE_WA.substring(STATE_WA.indexOf("# HearthGuard")),
                "Policy document state-wa: has no YAML front matter (a first line '---')");
        assertRefused(corpus, "state-wa", STATE_WA.replace("## Conditions", "## Exclusions"),
                "Policy document state-wa: unknown section kind 'Exclusions' (expected one of Covered, Not covered, "
                        + "Limits, Conditions, Claims process, Definitions)");
        assertRefused(corpus, "state-wa", STATE_WA.replace("docId: state-wa\n", ""),
                "Policy document state-wa: its front matter has no docId");
        assertRefused(corpus, "state-wa", STATE_WA.replace("states: [WA]\n", ""),
                "Policy document state-wa: its front matter has no states (a list of codes, or [ALL])");
        assertRefused(corpus, "state-wa", STATE_WA.replace("The service fee for Washington contracts is $90 per service request.", ""),
                "Policy document state-wa: item 'Service fee' under Conditions has no text");
        assertRefused(corpus, "state-wa", STATE_WA.replace("## Conditions\n", ""),
                "Policy document state-wa: item 'Service fee' comes before any section");
        assertRefused(corpus, "state-wa", STATE_WA.replace("plans: [ALL]", "plans: [ALL"),
                "Policy document state-wa: its front matter is not valid YAML");
        assertRefused(corpus, "state-or", STATE_WA, "Policy document state-or: its front matter declares docId state-wa");
        assertTrue(corpus.document("state-wa").isEmpty(), "nothing of a refused document is kept");
    }

    private static void assertRefused(PolicyCorpus corpus, String docId, String markdown, String message) {
        CorpusFormatException refused = assertThrows(CorpusFormatException.class, () -> corpus.ingest(docId, markdown));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
