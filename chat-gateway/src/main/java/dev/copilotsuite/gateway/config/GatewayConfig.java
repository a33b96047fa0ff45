package dev.copilotsuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.gateway")
public interface GatewayConfig {

    Webhook webhook();

    interface Webhook {
        /** Shared secret of the Amazon Connect forwarder; the gateway does not start without one. */
        String secret();

        /** The tenant whose calls this forwarder posts. */
        @WithDefault("demo")
        String tenant();

        /** How far a signed timestamp may be from this clock. */
        @WithDefault("5m")
        Duration tolerance();

        @WithDefault("262144")
        int maxBodyBytes();

        @WithDefault("8000")
        int maxTextLength();
    }
}
