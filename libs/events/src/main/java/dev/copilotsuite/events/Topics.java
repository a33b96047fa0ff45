package dev.copilotsuite.events;

/**
 * Every Kafka topic of the suite. Records are keyed by session id so that one session's events
 * stay in order on one partition. docs/architecture.md holds the catalog of producers and consumers.
 */
public final class Topics {

    /** Chat messages from the gateway to the orchestrator. */
    public static final String CHAT_REQUESTS = "copilot.chat.requests";
    /** The orchestrator's replies, fanned out by the gateway. */
    public static final String CHAT_REPLIES = "copilot.chat.replies";
    /** Calculator changes asked for by a user's edit in the UI. */
    public static final String CALCULATOR_COMMANDS = "copilot.calculator.commands";
    /** Every new calculator state version, and every refused change. */
    public static final String CALCULATOR_STATE = "copilot.calculator.state";
    /** Transcript segments accepted by the webhook, and the agent's copilot toggles. */
    public static final String CALL_TRANSCRIPTS = "copilot.call.transcripts";
    /** What the live-call copilot pushes to the agent: transcript, customer, suggestions. */
    public static final String CALL_UPDATES = "copilot.call.updates";
    /** Requests for a generated document. */
    public static final String DOCUMENT_REQUESTS = "copilot.document.requests";
    /** A generated document is stored and can be downloaded. */
    public static final String DOCUMENT_READY = "copilot.document.ready";

    /**
     * chat-gateway's own topic, keyed by session, so one offset orders all of a session's messages alike on every
     * replica (the browser's seq): every event of the outbound topics, copied by its sequencer, and the
     * transcript events, written here by the webhook itself beside {@link #CALL_TRANSCRIPTS}.
     */
    public static final String GATEWAY_SESSIONS = "copilot.gateway.sessions";

    /** Topics whose events the gateway's sequencer copies into {@link #GATEWAY_SESSIONS} for browser sockets. */
    public static final String[] GATEWAY_OUTBOUND = {CHAT_REPLIES, CALCULATOR_STATE, CALL_UPDATES, DOCUMENT_READY};

    private Topics() {
    }
}
