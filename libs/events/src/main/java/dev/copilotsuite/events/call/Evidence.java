package dev.copilotsuite.events.call;

/** A policy clause a suggestion rests on, identified by (docId, section, item), with its text. */
public record Evidence(String docId, String section, String item, String text) {
}
