package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.format.Figures;

/**
 * One output of the model.
 *
 * @param key the component name in RoiOutputs or BucketOutputs
 */
public record OutputDef(String key, String label, Unit unit) {

    /** The value as people read it, written by {@link Figures}; minutes and counts with one decimal. */
    public String format(Double value) {
        return switch (unit) {
            case PERCENT -> Figures.percent(value);
            case MONEY -> Figures.money(value);
            case RATIO -> Figures.perDollar(value);
            case FTE, MONTHS, MULTIPLE, MINUTES, COUNT -> Figures.oneDecimal(value);
        };
    }

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
