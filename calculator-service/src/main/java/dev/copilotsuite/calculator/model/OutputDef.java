package dev.copilotsuite.calculator.model;

/**
 * One output of the model.
 *
 * @param key the component name in RoiOutputs or BucketOutputs
 */
public record OutputDef(String key, String label, Unit unit) {

    /** How a figure is read and formatted. */
    public enum Unit {
        /** A fraction shown as a percentage. */
        PERCENT,
        /** US dollars. */
        MONEY,
        /** Dollars spent per dollar recovered. */
        RATIO,
        FTE,
        MONTHS,
        /** A return as a multiple of the cost. */
        MULTIPLE,
        MINUTES,
        /** Accounts, attempts, conversations or promises in a month. */
        COUNT
    }
}
