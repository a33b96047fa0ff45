package dev.copilotsuite.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.gateway")
public interface GatewayConfig {

    Webhook webhook();

    Replay replay();

    Socket socket();

    Chat chat();

    DevToken devToken();

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

        /** How long a post waits for Kafka to acknowledge its segments before it is answered 503 UNAVAILABLE. */
        @WithDefault("5s")
        Duration publishTimeout();

        /**
         * Transcript events handed to Kafka and not yet acknowledged, at most; a post that would pass it gets
         * 503 with Retry-After instead of waiting in an unbounded queue. At most
         * {@code CommandPublisher.TRANSCRIPTS_BUFFER}, the channel's buffer, which must never overflow.
         */
        @WithDefault("2048")
        int maxPending();

        /** What a 503 OVERLOADED tells the forwarder to wait before it retries. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** What a replica keeps so a client can resume (docs/protocol.md, "Resume"). */
    interface Replay {
        /** Sessions whose recent messages are kept; the least recently active go first. */
        @WithDefault("20000")
        int sessions();

        /** Messages kept per session: a client further behind is told to resync. */
        @WithDefault("256")
        int messagesPerSession();

        /** Records of a partition read back at most to rebuild a session this replica did not keep. */
        @WithDefault("200000")
        int maxScan();
    }

    /** Each socket's bounded send queue (docs/protocol.md, "Backpressure"). */
    interface Socket {
        /** Messages waiting for a socket; past this, its sessions get resync and further messages are dropped. */
        @WithDefault("512")
        int sendQueue();

        /** Writes handed to the network and not yet flushed, per socket. */
        @WithDefault("16")
        int inFlight();

        /** How long an overflowed socket may stay stuck before it is closed with 1008. */
        @WithDefault("10s")
        Duration stuckTimeout();

        /** Sessions one socket may join at once. */
        @WithDefault("64")
        int maxSessions();
    }

    interface Chat {
        /** How long POST /api/sessions/{id}/chat and POST /api/agui wait for the copilot's turn. */
        @WithDefault("60s")
        Duration timeout();
    }

    /** POST /api/dev/token, for the web app's development sign-in; on in the dev profile only. */
    interface DevToken {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("demo")
        String tenant();

        @WithDefault("dev-user")
        String user();

        @WithDefault("8h")
        Duration lifetime();
    }
}
