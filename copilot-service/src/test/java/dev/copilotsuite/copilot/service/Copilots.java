package dev.copilotsuite.copilot.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The copilot's engine built by hand, without Quarkus: the classpath corpus and alias table, a fixed date. */
final class Copilots {

    /** The date the sample data in shared/data assumes. */
    static final LocalDate SAMPLE_TODAY = LocalDate.parse("2026-11-23");

    static final PolicyCorpus CORPUS = new PolicyCorpus();
    static final Vocabulary VOCABULARY = new Vocabulary(CORPUS);
    static final ClauseRetriever RETRIEVER = new StructuredClauseRetriever(CORPUS);
    static final CallReader READER = new CallReader(VOCABULARY);

    private Copilots() {
    }

    static SuggestionEngine engine(LocalDate today) {
        return new SuggestionEngine(READER, new CoverageDecider(RETRIEVER, VOCABULARY), RETRIEVER,
                Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }
}
