package dev.copilotsuite.calculator.model;

/**
 * A change batch was refused; nothing of it applies.
 *
 * @see ChangeApplier
 */
public final class ChangeRejectedException extends RuntimeException {

    /** The path names no input, or no bucket. */
    public static final String UNKNOWN_INPUT = "UNKNOWN_INPUT";
    /** Not a finite number, not a strategy, the wrong op for the input, or not a whole number. */
    public static final String INVALID_VALUE = "INVALID_VALUE";
    /** The input would leave its bounds. */
    public static final String OUT_OF_BOUNDS = "OUT_OF_BOUNDS";

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String path;
    private final transient Object value;
    private final Double min;
    private final Double max;

    /**
     * @param code  {@link #UNKNOWN_INPUT}, {@link #INVALID_VALUE} or {@link #OUT_OF_BOUNDS}
     * @param value the value the input would take, or the op's raw value when there is none
     * @param min   the input's lower bound, null when unknown or not a number
     * @param max   the input's upper bound, null when unknown or not a number
     */
    public ChangeRejectedException(String code, String message, String path, Object value, Double min, Double max) {
        super(message);
        this.code = code;
        this.path = path;
        this.value = value;
        this.min = min;
        this.max = max;
    }

    public String code() {
        return code;
    }

    public String path() {
        return path;
    }

    public Object value() {
        return value;
    }

    public Double min() {
        return min;
    }

    public Double max() {
        return max;
    }
}
