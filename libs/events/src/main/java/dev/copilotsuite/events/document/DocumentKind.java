package dev.copilotsuite.events.document;

/** The documents document-service can generate. */
public enum DocumentKind {
    EXECUTIVE_SUMMARY
}
