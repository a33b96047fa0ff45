package dev.copilotsuite.events.calculator;

/** How a delinquency bucket is worked (shared/design/roi-model.md). */
public enum Strategy {
    HUMAN,
    AI_AUGMENTED,
    AI_FIRST
}
