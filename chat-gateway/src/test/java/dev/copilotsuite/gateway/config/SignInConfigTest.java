package dev.copilotsuite.gateway.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The gateway's own application.properties, read as each profile reads it, and the guard that refuses a
 * production start: prod signs in with OpenID Connect and needs the provider's environment; dev and test keep
 * the development sign-in and need none of it.
 */
class SignInConfigTest {

    static SmallRyeConfig config(String profile, Map<String, String> env) throws Exception {
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(SignInConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new MapBackedConfigSource("env", env, 300) {
                })
                .build();
    }

    static void guard(SmallRyeConfig config, boolean production) {
        OidcSignInGuard.check(production, config.getValue("quarkus.oidc.sign-in.tenant-enabled", Boolean.class),
                config.getOptionalValue("quarkus.oidc.sign-in.auth-server-url", String.class),
                config.getOptionalValue("quarkus.oidc.sign-in.client-id", String.class),
                config.getOptionalValue("quarkus.oidc.sign-in.credentials.secret", String.class));
    }

    @Test
    void prodRefusesToStartWithoutTheProvidersSettings() throws Exception {
        SmallRyeConfig prod = config("prod", Map.of());
        assertTrue(prod.getValue("quarkus.oidc.sign-in.tenant-enabled", Boolean.class));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> guard(prod, true));
        assertTrue(refused.getMessage().contains("[OIDC_AUTH_SERVER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET]"), refused.getMessage());
        IllegalStateException oneMissing = assertThrows(IllegalStateException.class, () -> guard(config("prod",
                Map.of("OIDC_AUTH_SERVER_URL", "https://idp.example.com/realms/acme", "OIDC_CLIENT_ID", "copilot")), true));
        assertTrue(oneMissing.getMessage().contains("[OIDC_CLIENT_SECRET]"), oneMissing.getMessage());
        assertThrows(IllegalStateException.class, () -> OidcSignInGuard.check(true, false, Optional.of("u"), Optional.of("c"),
                Optional.of("s")), "prod may not switch OIDC off");
        assertEquals("/api/auth/login", prod.getValue("quarkus.oidc.sign-in.tenant-paths", String.class));
        assertFalse(prod.getValue("quarkus.oidc.tenant-enabled", Boolean.class), "the default tenant stays off: bearer tokens are smallrye-jwt's");
        assertFalse(prod.getOptionalValue("copilot.gateway.dev-token.enabled", Boolean.class).orElse(false));
    }

    @Test
    void prodTakesTheProviderFromTheEnvironment() throws Exception {
        SmallRyeConfig prod = config("prod", Map.of("OIDC_AUTH_SERVER_URL", "https://idp.example.com/realms/acme",
                "OIDC_CLIENT_ID", "copilot", "OIDC_CLIENT_SECRET", "s3cret", "OIDC_TENANT_CLAIM", "org"));
        assertDoesNotThrow(() -> guard(prod, true));
        assertEquals("https://idp.example.com/realms/acme", prod.getValue("quarkus.oidc.sign-in.auth-server-url", String.class));
        assertEquals("copilot", prod.getValue("quarkus.oidc.sign-in.client-id", String.class));
        assertEquals("s3cret", prod.getValue("quarkus.oidc.sign-in.credentials.secret", String.class));
        assertEquals("org", prod.getValue("copilot.gateway.oidc.tenant-claim", String.class));
    }

    @Test
    void devAndTestKeepTheDevelopmentSignInAndNeedNoProvider() throws Exception {
        for (String profile : new String[] { "dev", "test" }) {
            SmallRyeConfig config = config(profile, Map.of());
            assertFalse(config.getValue("quarkus.oidc.sign-in.tenant-enabled", Boolean.class), profile);
            assertTrue(config.getOptionalValue("quarkus.oidc.sign-in.auth-server-url", String.class).isEmpty(), profile);
            assertTrue(config.getOptionalValue("quarkus.http.auth.permission.oidc-sign-in.policy", String.class).isEmpty(), profile);
            assertDoesNotThrow(() -> guard(config, false));
        }
        assertTrue(config("dev", Map.of()).getValue("copilot.gateway.dev-token.enabled", Boolean.class));
    }
}
