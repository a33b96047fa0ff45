package dev.copilotsuite.calculator.service;

/** A session has no state at the version asked for. */
public class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(String sessionId, long version) {
        super("Session " + sessionId + " has no calculator version " + version + ".");
    }
}
