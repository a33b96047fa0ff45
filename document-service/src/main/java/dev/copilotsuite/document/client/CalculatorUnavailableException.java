package dev.copilotsuite.document.client;

/** calculator-service answered with a server error; a later attempt may succeed. */
public class CalculatorUnavailableException extends RuntimeException {

    public CalculatorUnavailableException(int status) {
        super("calculator-service answered " + status + ".");
    }
}
