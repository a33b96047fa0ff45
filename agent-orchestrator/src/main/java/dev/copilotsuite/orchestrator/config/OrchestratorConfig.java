package dev.copilotsuite.orchestrator.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.orchestrator")
public interface OrchestratorConfig {

    Gemini gemini();

    interface Gemini {
        /** GEMINI_API_KEY, or GOOGLE_API_KEY as the original backend named it; absent means the offline brain. */
        Optional<String> apiKey();

        @WithDefault("gemini-2.5-flash")
        String model();

        /** How long a streamed reply may stay silent before the turn falls back (GEMINI_TIMEOUT). */
        @WithDefault("20s")
        java.time.Duration timeout();
    }
}
