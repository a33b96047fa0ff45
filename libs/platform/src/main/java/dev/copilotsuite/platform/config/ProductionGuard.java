package dev.copilotsuite.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Refuses to start a production service that would accept the development tokens of ./copilot token. */
@ApplicationScoped
class ProductionGuard {

    static final String DEV_ISSUER = "copilot-suite-dev";

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile) {
        check(LaunchMode.current() == LaunchMode.NORMAL && "prod".equals(profile), issuer);
    }

    static void check(boolean production, String issuer) {
        if (production && DEV_ISSUER.equals(issuer)) {
            throw new IllegalStateException("The production profile does not accept development tokens: set JWT_ISSUER "
                    + "to your identity provider's issuer, and JWT_PUBLIC_KEY_LOCATION to its key.");
        }
    }
}
