package dev.copilotsuite.document.client;

/** calculator-service answered 404: the session has no state at the version asked for. */
public class UnknownStateVersionException extends RuntimeException {

    public UnknownStateVersionException(String message) {
        super(message);
    }
}
