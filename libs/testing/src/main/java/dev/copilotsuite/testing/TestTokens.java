package dev.copilotsuite.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with {@link TestKeys}, shaped like the ones a real run accepts. */
public final class TestTokens {

    public static final String ISSUER = "copilot-suite";

    /** A browser user of a tenant. */
    public static String user(String userId, String tenantId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).claim("tenant", tenantId).groups(Set.of("user"))
                .expiresIn(Duration.ofMinutes(30)).jws().sign(TestKeys.get().privateKey().toString());
    }

    /** Another service of the suite. */
    public static String service(String name) {
        return Jwt.issuer(ISSUER).subject(name).upn(name).groups(Set.of("service"))
                .expiresIn(Duration.ofMinutes(30)).jws().sign(TestKeys.get().privateKey().toString());
    }

    /** A user token that expired a minute ago. */
    public static String expiredUser(String userId, String tenantId) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(userId).claim("tenant", tenantId).groups(Set.of("user"))
                .issuedAt(now - 3600).expiresAt(now - 60).jws().sign(TestKeys.get().privateKey().toString());
    }

    private TestTokens() {
    }
}
