package dev.copilotsuite.platform.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    @Test
    void productionRefusesTheDevelopmentIssuer() {
        assertThrows(IllegalStateException.class, () -> ProductionGuard.check(true, ProductionGuard.DEV_ISSUER));
    }

    @Test
    void aLocalRunAcceptsIt() {
        assertDoesNotThrow(() -> ProductionGuard.check(false, ProductionGuard.DEV_ISSUER));
        assertDoesNotThrow(() -> ProductionGuard.check(true, "https://login.example.com/realms/acme"));
    }
}
