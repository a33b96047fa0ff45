package dev.copilotsuite.copilot.service;

/** What the call is about so far, as the caller's lines show it. */
public enum Intent {
    /** Asks about coverage or terms, nothing broken now. */
    INQUIRY,
    /** Something is broken now. */
    PROBLEM,
    /** Opens or follows a service request or claim. */
    CLAIM,
    /** Nothing to go on yet. */
    OTHER
}
