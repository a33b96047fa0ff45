package dev.copilotsuite.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production gateway that could not sign anyone in: the prod profile signs users in with
 * OpenID Connect only (the development sign-in is off), so its provider settings must all be there.
 */
@ApplicationScoped
class OidcSignInGuard {

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile,
            @ConfigProperty(name = "quarkus.oidc.sign-in.tenant-enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.sign-in.auth-server-url") Optional<String> server,
            @ConfigProperty(name = "quarkus.oidc.sign-in.client-id") Optional<String> client,
            @ConfigProperty(name = "quarkus.oidc.sign-in.credentials.secret") Optional<String> secret) {
        check(LaunchMode.current() == LaunchMode.NORMAL && "prod".equals(profile), enabled, server, client, secret);
    }

    static void check(boolean production, boolean enabled, Optional<String> server, Optional<String> client,
            Optional<String> secret) {
        if (!production) {
            return;
        }
        if (!enabled) {
            throw new IllegalStateException("The production profile signs users in with OpenID Connect: "
                    + "quarkus.oidc.sign-in.tenant-enabled must stay true.");
        }
        List<String> missing = new ArrayList<>();
        if (server.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("OIDC_AUTH_SERVER_URL");
        }
        if (client.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("OIDC_CLIENT_ID");
        }
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("OIDC_CLIENT_SECRET");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The production profile signs users in with OpenID Connect: set " + missing
                    + " (the identity provider's URL, and this suite's client id and secret there).");
        }
    }
}
