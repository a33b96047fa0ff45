package dev.copilotsuite.document.rest;

import java.util.List;

import dev.copilotsuite.events.document.DocumentScenario;

/**
 * A document asked for over REST; the same fields as the DocumentRequested event plus the tenant.
 *
 * @param kind         a DocumentKind name, checked by the resource so an unknown one gets a clear 400
 * @param stateVersion the calculator version to show, or null for the latest
 * @param requestedBy  who asks, printed on the document; optional
 * @param scenarios    what-ifs to compare, each a label and its change ops; optional
 */
public record DocumentRequest(String tenantId, String requestId, String kind, Long stateVersion, String requestedBy,
        List<DocumentScenario> scenarios) {
}
