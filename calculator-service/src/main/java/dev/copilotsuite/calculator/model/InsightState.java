package dev.copilotsuite.calculator.model;

import java.util.Set;

/**
 * What the insights of a session remember between changes.
 *
 * @param armedOff the ids of insights that fired and have not re-armed since
 */
public record InsightState(Set<String> armedOff) {

    public InsightState {
        armedOff = Set.copyOf(armedOff);
    }

    /** Every insight armed, as for a new session. */
    public static InsightState initial() {
        return new InsightState(Set.of());
    }
}
