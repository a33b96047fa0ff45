package dev.copilotsuite.platform.concurrent;

import java.util.concurrent.CompletionException;

/** What failed, as the code that failed threw it. */
public final class Failures {

    private Failures() {
    }

    /**
     * The exception itself, without the {@link CompletionException} a dependent future wraps it in, so a caller
     * maps it as if the work had run on its own thread.
     */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
