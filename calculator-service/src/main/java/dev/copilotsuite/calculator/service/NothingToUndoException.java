package dev.copilotsuite.calculator.service;

/** The session is at its defaults with no change left to revert. */
public class NothingToUndoException extends RuntimeException {

    public NothingToUndoException() {
        super("There is no change to undo: the calculator is at the state it started from.");
    }
}
