package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A policy clause a suggestion rests on, identified by (docId, section, item), with its text and the
 * title of its document ({@code title} is null in evidence serialised before it existed).
 */
public record Evidence(String docId, String section, String item, String text, String title) {

    @JsonCreator
    public Evidence {
    }

    /** Evidence without its document's title. */
    public Evidence(String docId, String section, String item, String text) {
        this(docId, section, item, text, null);
    }
}
