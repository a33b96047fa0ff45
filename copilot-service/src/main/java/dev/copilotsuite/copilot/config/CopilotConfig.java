package dev.copilotsuite.copilot.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.copilot")
public interface CopilotConfig {

    Customers customers();

    /** The region a phone number without a country code is read in. */
    @WithDefault("US")
    String phoneRegion();

    /** ENABLE_LIVE_COPILOT: off, no call gets suggestion cards, whatever its agent chose. */
    @WithDefault("true")
    boolean liveEnabled();

    /**
     * COPILOT_TODAY: the date contract dates (waiting periods, expiry) are judged against, instead of the
     * real one. Ignored in the prod profile.
     */
    Optional<LocalDate> today();

    Milvus milvus();

    Gemini gemini();

    /**
     * How long the copilot stays on for a call without activity: a segment or the agent's toggle moves the
     * expiry on; once it passed, the call gets no cards until the agent switches the copilot on again.
     */
    @WithDefault("30m")
    java.time.Duration copilotTtl();

    /** How long after its last segment or toggle a call still counts as active on the agent desk. */
    @WithDefault("15m")
    java.time.Duration activeCallIdle();

    /**
     * How many calls' events are handled at once (each call's own events always one at a time, in order):
     * threads of the consumer's lanes. The work is partly waiting on MongoDB and Kafka, so more threads
     * than cores pays off.
     */
    @WithDefault("8")
    int callWorkers();

    /**
     * How often a call whose state did not change is saved for its activity alone (its last event's time, which
     * the desk's active list reads, and the copilot's expiry): at most this far behind. A change of state (the
     * context, the caller, the cards, a switch) is saved at once; a line is stored at once either way.
     */
    @WithDefault("10s")
    java.time.Duration activitySaved();

    /** Events taken from Kafka and not yet handled, all calls together, before the consumer stops pulling. */
    @WithDefault("256")
    int maxQueuedEvents();

    /**
     * Calls kept in memory with their transcripts between their events (KeptCalls), the least recently used
     * dropped first: about 30 KB each for a call of 100 lines.
     */
    @WithDefault("2000")
    int transcriptsKept();

    /** Where policy clauses are searched by embedding when not in-process. */
    interface Milvus {

        /** MILVUS_URI (http://host:19530); absent, the in-process store is used. */
        Optional<String> uri();

        /** MILVUS_TOKEN: user:password or an API key, when the server wants one. */
        Optional<String> token();

        @WithDefault("policy_clauses")
        String collection();
    }

    /** Gemini rewrites cards' scripts only when a key is set (the model, base URL and timeout are langchain4j's). */
    interface Gemini {

        /** GEMINI_API_KEY or GOOGLE_API_KEY; absent or blank, nothing calls Gemini. */
        Optional<String> apiKey();

        /** Answers kept per (card, content), so a recomputation that changes nothing does not ask again. */
        @WithDefault("2000")
        int cacheSize();
    }

    interface Customers {

        /**
         * A customer directory in the shape of shared/data/customers.json, imported at start-up; without
         * one, the seed shipped with the service (seed/customers.json) is.
         */
        Optional<Path> file();

        /** The tenant the imported customers belong to: a call finds only its own tenant's customers. */
        String tenant();
    }
}
