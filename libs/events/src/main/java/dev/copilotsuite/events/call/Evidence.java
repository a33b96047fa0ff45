package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A policy clause a suggestion rests on, identified by (docId, section, item), with the clause's words it
 * quotes and the title of its document ({@code title} is null in evidence serialised before it existed;
 * {@code quote} was called {@code text} before, and stored cards still read).
 */
public record Evidence(String docId, String section, String item, @JsonAlias("text") String quote, String title) {

    @JsonCreator
    public Evidence {
    }

    /** Evidence without its document's title. */
    public Evidence(String docId, String section, String item, String quote) {
        this(docId, section, item, quote, null);
    }
}
