package dev.copilotsuite.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Short-lived bearer tokens this service presents to the others. Internal endpoints accept only the
 * {@code service} group, so a user's token never reaches them.
 */
@ApplicationScoped
public class ServiceTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final String serviceName;
    private final String issuer;
    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.serviceName = serviceName;
        this.issuer = issuer;
    }

    public String bearer() {
        if (Instant.now().isAfter(renewAfter)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAfter)) {
                    token = Jwt.issuer(issuer).subject(serviceName).upn(serviceName).groups(Set.of("service"))
                            .expiresIn(LIFETIME).sign();
                    renewAfter = Instant.now().plus(LIFETIME.dividedBy(2));
                }
            }
        }
        return "Bearer " + token;
    }
}
