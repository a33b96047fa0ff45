package dev.copilotsuite.orchestrator.model;

/** The routes a message can take through the copilot. */
public final class Routes {

    public static final String MODIFY = "MODIFY";
    public static final String SCENARIO = "SCENARIO";
    public static final String ANALYZE = "ANALYZE";
    public static final String GENERATE = "GENERATE";
    public static final String UNDO = "UNDO";
    public static final String REJECT = "REJECT";
    public static final String OTHER = "OTHER";

    private Routes() {
    }
}
