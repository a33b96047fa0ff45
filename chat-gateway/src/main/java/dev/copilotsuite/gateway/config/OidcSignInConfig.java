package dev.copilotsuite.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Production sign-in: after the OpenID Connect code flow the gateway hands the browser a suite user token
 * (the one the socket and REST check), naming the identity provider's user and the tenant read from a claim.
 */
@ConfigMapping(prefix = "copilot.gateway.oidc")
public interface OidcSignInConfig {

    /** The ID token claim that names the user's tenant. */
    @WithDefault("tenant")
    String tenantClaim();

    /** The tenant of a user whose ID token has no tenant claim; without it such a user is refused. */
    Optional<String> defaultTenant();

    /** How long the suite token lives; then the browser signs in again (silently while the IdP session lasts). */
    @WithDefault("1h")
    Duration tokenLifetime();
}
