package dev.copilotsuite.copilot.service;

/** A policy document that is not in the corpus format; the message names the document and the problem. */
public class CorpusFormatException extends RuntimeException {

    public CorpusFormatException(String source, String problem) {
        super("Policy document " + source + ": " + problem);
    }
}
