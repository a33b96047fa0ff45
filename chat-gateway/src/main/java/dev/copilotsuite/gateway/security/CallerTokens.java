package dev.copilotsuite.gateway.security;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller's verified bearer token, for the resources and the socket that inject {@link JsonWebToken}. With
 * quarkus-oidc present (the production sign-in) its own producer would answer an empty token for a bearer token
 * that smallrye-jwt verified (it looks for an OIDC access-token credential), so every user would look anonymous;
 * this one takes the token from the request's identity, whichever mechanism verified it.
 */
@ApplicationScoped
public class CallerTokens {

    @Produces
    @RequestScoped
    @Alternative
    @Priority(10) // above quarkus-oidc's own alternative (2)
    JsonWebToken caller(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        return NONE;
    }

    /** No token: no subject, no claims, so {@link Caller#of} names no one. */
    static final JsonWebToken NONE = new JsonWebToken() {
        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of();
        }

        @Override
        public <T> T getClaim(String claimName) {
            return null;
        }
    };
}
