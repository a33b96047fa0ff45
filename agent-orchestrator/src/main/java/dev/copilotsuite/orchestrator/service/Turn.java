package dev.copilotsuite.orchestrator.service;

import java.util.List;

/** What one user message produced: the routes taken and the reply the user reads. */
public record Turn(List<String> routes, String reply, boolean error) {

    public static Turn of(String route, String reply) {
        return new Turn(List.of(route), reply, false);
    }

    public static Turn refused(String reply) {
        return new Turn(List.of(Routes.REJECT), reply, true);
    }
}
