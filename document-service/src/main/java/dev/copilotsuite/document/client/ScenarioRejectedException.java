package dev.copilotsuite.document.client;

/** calculator-service refused a scenario's ops on the version asked for (its 400, with its message). */
public class ScenarioRejectedException extends RuntimeException {

    public ScenarioRejectedException(String message) {
        super(message);
    }
}
