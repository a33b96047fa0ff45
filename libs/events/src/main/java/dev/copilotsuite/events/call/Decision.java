package dev.copilotsuite.events.call;

/** Whether the plan covers what the caller asked about. */
public enum Decision {
    YES,
    NO,
    PARTIAL
}
