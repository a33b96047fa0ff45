package dev.copilotsuite.orchestrator.service;

/**
 * Where a turn's progress goes while it runs: the tools it calls and its text, piece by piece. The
 * messaging side publishes them as chat.tool.called and chat.reply.delta events.
 */
public interface TurnStream {

    void tool(String name, Object args, Object result, boolean error);

    void text(String delta);

    /** A stream that drops everything, for work whose progress nobody watches. */
    TurnStream NONE = new TurnStream() {
        @Override
        public void tool(String name, Object args, Object result, boolean error) {
        }

        @Override
        public void text(String delta) {
        }
    };
}
