package dev.copilotsuite.orchestrator.ai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.copilotsuite.orchestrator.service.TurnScope;

/**
 * The turn a model's tool call acts on, found by the session the model was called for: a streamed reply
 * runs its tools on another thread than the one that called the model, so a thread-local cannot carry it.
 * A session runs one turn at a time (its messages are consumed in order from one partition).
 */
@ApplicationScoped
public class OpenTurns {

    private final Map<String, TurnScope> turns = new ConcurrentHashMap<>();

    /** Makes the turn visible to the tools until the returned handle is closed. */
    public Handle open(TurnScope scope) {
        turns.put(scope.sessionId, scope);
        return () -> turns.remove(scope.sessionId, scope);
    }

    TurnScope of(String sessionId) {
        TurnScope scope = sessionId == null ? null : turns.get(sessionId);
        if (scope == null) {
            throw new IllegalStateException("a copilot tool was called outside a turn of session " + sessionId);
        }
        return scope;
    }

    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
