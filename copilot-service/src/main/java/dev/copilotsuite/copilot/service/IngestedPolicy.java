package dev.copilotsuite.copilot.service;

/**
 * What an ingestion did: the document, how many clause chunks it now has, and whether it replaced a
 * document of the same docId.
 *
 * @param format MARKDOWN or PDF
 */
public record IngestedPolicy(String docId, String title, String format, int clauses, boolean replaced) {
}
