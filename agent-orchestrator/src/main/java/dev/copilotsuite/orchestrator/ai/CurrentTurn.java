package dev.copilotsuite.orchestrator.ai;

import dev.copilotsuite.orchestrator.service.TurnScope;

/** The turn a model's tool call acts on: tools run on the thread that called the model. */
public final class CurrentTurn {

    private static final ThreadLocal<TurnScope> SCOPE = new ThreadLocal<>();

    private CurrentTurn() {
    }

    public static void set(TurnScope scope) {
        SCOPE.set(scope);
    }

    public static void clear() {
        SCOPE.remove();
    }

    static TurnScope get() {
        TurnScope scope = SCOPE.get();
        if (scope == null) {
            throw new IllegalStateException("a copilot tool was called outside a turn");
        }
        return scope;
    }
}
