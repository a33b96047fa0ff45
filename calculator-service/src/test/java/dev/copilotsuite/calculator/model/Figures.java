package dev.copilotsuite.calculator.model;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;

/** Shared test helpers. */
final class Figures {

    private Figures() {
    }

    /**
     * Within 1e-6 relative of a figure of the spec; the spec prints six decimals, so a figure below 1 also
     * carries up to half a unit of the sixth decimal of rounding.
     */
    static void assertFigure(double expected, Double actual, String what) {
        assertNotNull(actual, what + " is null");
        double tolerance = Math.max(1e-6 * Math.abs(expected), 5e-7);
        assertTrue(Math.abs(actual - expected) <= tolerance,
                what + ": expected " + expected + " but was " + actual);
    }

    static void assertRelative(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), Double.MIN_NORMAL),
                what + ": expected " + expected + " but was " + actual);
    }

    static RoiInputs defaultsWith(ChangeOp... ops) {
        return ChangeApplier.apply(Defaults.inputs(), List.of(ops)).inputs();
    }

    static ChangeOp strategy(String bucket, Strategy strategy) {
        return ChangeOp.strategy(bucket, strategy);
    }
}
