package dev.copilotsuite.document.rest;

/**
 * A document asked for over REST; the same fields as the DocumentRequested event plus the tenant.
 *
 * @param kind         a DocumentKind name, checked by the resource so an unknown one gets a clear 400
 * @param stateVersion the calculator version to show, or null for the latest
 * @param requestedBy  who asks, printed on the document; optional
 */
public record DocumentRequest(String tenantId, String requestId, String kind, Long stateVersion, String requestedBy) {
}
