package dev.copilotsuite.calculator.model;

/**
 * A goal seek that cannot be run as asked.
 *
 * @see GoalSeek
 */
public final class GoalSeekException extends IllegalArgumentException {

    /** The input path names no input, or no bucket. */
    public static final String UNKNOWN_INPUT = "UNKNOWN_INPUT";
    /** The output key names no operation output and no bucket output. */
    public static final String UNKNOWN_OUTPUT = "UNKNOWN_OUTPUT";
    /** The input is not a number (a strategy), or the target is not a finite number. */
    public static final String INVALID_GOAL = "INVALID_GOAL";

    private static final long serialVersionUID = 1L;

    private final String code;

    /** @param code {@link #UNKNOWN_INPUT}, {@link #UNKNOWN_OUTPUT} or {@link #INVALID_GOAL} */
    public GoalSeekException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
