package dev.copilotsuite.gateway.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who holds a socket or makes a request: the token's subject and its tenant claim. */
public record Caller(String userId, String tenantId) {

    public static final String TENANT_CLAIM = "tenant";

    /** The caller named by a verified token, or null when it lacks a subject or a tenant. */
    public static Caller of(JsonWebToken token) {
        if (token == null || token.getSubject() == null) {
            return null;
        }
        Object tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.toString().isBlank()) {
            return null;
        }
        return new Caller(token.getSubject(), tenant.toString().replace("\"", ""));
    }

    public String sessionKey(SessionKeys.Kind kind, String clientId) {
        return SessionKeys.of(kind, tenantId, userId, clientId);
    }
}
