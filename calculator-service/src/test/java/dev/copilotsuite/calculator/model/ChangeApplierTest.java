package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.FieldChange;

import static dev.copilotsuite.calculator.model.Figures.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.calculator.model.ChangeApplier.Applied;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.ChangeOp.Kind;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;

class ChangeApplierTest {

    private static final RoiInputs DEFAULTS = Defaults.inputs();

    private static Applied apply(ChangeOp... ops) {
        return ChangeApplier.apply(DEFAULTS, List.of(ops));
    }

    private static ChangeRejectedException rejected(ChangeOp... ops) {
        return assertThrows(ChangeRejectedException.class, () -> apply(ops));
    }

    @Test
    void setReplacesTheValueAndReportsTheChange() {
        Applied applied = apply(ChangeOp.set("humanAgents", 50), ChangeOp.scale("rent", 0.9));
        assertEquals(50, applied.inputs().humanAgents());
        assertRelative(27000, applied.inputs().rent(), 1e-12, "rent");
        assertEquals(new FieldChange("humanAgents", 30.0, 50.0), applied.changes().get(0));
        assertEquals("rent", applied.changes().get(1).path());
        assertEquals(2, applied.changes().size());
    }

    @Test
    void scaleMultiplies() {
        Applied applied = apply(ChangeOp.scale("humanSalary", 0.85));
        assertRelative(40800, applied.inputs().humanSalary(), 1e-12, "humanSalary");
    }

    @Test
    void addOnARateAddsPoints() {
        Applied applied = apply(ChangeOp.add("buckets.bucket3.promiseRate", 0.05));
        assertRelative(0.35, applied.inputs().buckets().bucket3().promiseRate(), 1e-12, "promiseRate");
        assertEquals(0.38, applied.inputs().buckets().bucket2().promiseRate(), "other buckets untouched");
    }

    @Test
    void strategyChangesOneBucket() {
        Applied applied = apply(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED));
        assertEquals(Strategy.AI_AUGMENTED, applied.inputs().buckets().bucket1().strategy());
        assertEquals(Strategy.HUMAN, applied.inputs().buckets().bucket2().strategy());
        assertEquals(List.of(new FieldChange("buckets.bucket1.strategy", "HUMAN", "AI_AUGMENTED")),
                applied.changes());
    }

    @Test
    void opsApplyInOrderAndReportOneChangePerPath() {
        Applied applied = apply(ChangeOp.add("humanAgents", 5), ChangeOp.add("humanAgents", 5),
                ChangeOp.scale("humanAgents", 2));
        assertEquals(80, applied.inputs().humanAgents());
        assertEquals(List.of(new FieldChange("humanAgents", 30.0, 80.0)), applied.changes());
    }

    @Test
    void aPathChangedBackIsNoChange() {
        Applied applied = apply(ChangeOp.add("humanAgents", 5), ChangeOp.add("humanAgents", -5));
        assertEquals(DEFAULTS, applied.inputs());
        assertEquals(List.of(), applied.changes());
    }

    @Test
    void anEmptyBatchChangesNothing() {
        Applied applied = ChangeApplier.apply(DEFAULTS, List.of());
        assertSame(DEFAULTS, applied.inputs());
        assertEquals(List.of(), applied.changes());
    }

    @Test
    void jsonNumbersOfAnyTypeAreAccepted() {
        Applied applied = apply(new ChangeOp(Kind.SET, "humanAgents", 45),
                new ChangeOp(Kind.SET, "rent", new BigDecimal("25000")));
        assertEquals(45, applied.inputs().humanAgents());
        assertEquals(25000, applied.inputs().rent());
    }

    @Test
    void attemptsStayWholeNumbers() {
        Applied applied = apply(ChangeOp.scale("buckets.bucket1.attemptsPerAccount", 1.5));
        assertEquals(6, applied.inputs().buckets().bucket1().attemptsPerAccount());
        assertEquals(List.of(new FieldChange("buckets.bucket1.attemptsPerAccount", 4, 6)), applied.changes());
        // 10 * 1.1 is 11.000000000000002 in doubles
        applied = apply(ChangeOp.set("buckets.bucket2.attemptsPerAccount", 10),
                ChangeOp.scale("buckets.bucket2.attemptsPerAccount", 1.1));
        assertEquals(11, applied.inputs().buckets().bucket2().attemptsPerAccount());
    }

    @Test
    void fractionalAttemptsAreInvalid() {
        ChangeRejectedException e = rejected(ChangeOp.set("buckets.bucket1.attemptsPerAccount", 4.5));
        assertEquals(ChangeRejectedException.INVALID_VALUE, e.code());
        assertEquals(4.5, e.value());
        assertEquals("Dial attempts allowed per account in bucket 1 (buckets.bucket1.attemptsPerAccount) must be a "
                + "whole number; it would be 4.5.", e.getMessage());
    }

    @Test
    void noiseJustPastABoundLandsOnIt() {
        Applied applied = apply(ChangeOp.set("buckets.bucket1.contactRate", 0.1),
                ChangeOp.add("buckets.bucket1.contactRate", 0.2), ChangeOp.add("buckets.bucket1.contactRate", 0.7));
        assertEquals(1.0, applied.inputs().buckets().bucket1().contactRate());
    }

    @Test
    void valuesInsideTheBoundsAreKeptExactly() {
        Applied applied = apply(ChangeOp.set("buckets.bucket1.contactRate", 1e-15));
        assertEquals(1e-15, applied.inputs().buckets().bucket1().contactRate());
    }

    @Test
    void aBatchIsAllOrNothing() {
        ChangeRejectedException e = rejected(ChangeOp.add("humanAgents", 10),
                ChangeOp.set("buckets.bucket1.contactRate", 1.2));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, e.code());
        assertEquals("buckets.bucket1.contactRate", e.path());
        assertEquals(30, DEFAULTS.humanAgents());
    }

    @Test
    void laterOpsSeeEarlierOnes() {
        ChangeRejectedException e = rejected(ChangeOp.add("rent", -20000), ChangeOp.add("rent", -20000));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, e.code());
        assertEquals(-10000.0, e.value());
    }

    @Test
    void outOfBoundsNamesTheInputTheValueAndTheBounds() {
        ChangeRejectedException e = rejected(ChangeOp.set("humanAgents", -5));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, e.code());
        assertEquals("Human agents (humanAgents) would be -5, outside its bounds 0 – 100000.", e.getMessage());
        assertEquals("humanAgents", e.path());
        assertEquals(-5.0, e.value());
        assertEquals(0.0, e.min());
        assertEquals(100000.0, e.max());
    }

    @Test
    void outOfBoundsAfterScale() {
        ChangeRejectedException e = rejected(ChangeOp.scale("rent", -0.5));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, e.code());
        assertEquals("Facility rent (rent) would be -15000, outside its bounds 0 – 1000000000.", e.getMessage());
    }

    @Test
    void outOfBoundsInABucket() {
        ChangeRejectedException e = rejected(ChangeOp.set("buckets.bucket1.contactRate", 1.2));
        assertEquals("Right-party contact rate per attempt in bucket 1 (buckets.bucket1.contactRate) would be 1.2, "
                + "outside its bounds 0 – 1.", e.getMessage());
        assertEquals(1.2, e.value());
        assertEquals(0.0, e.min());
        assertEquals(1.0, e.max());
    }

    @Test
    void outOfBoundsForWholeNumbers() {
        ChangeRejectedException e = rejected(ChangeOp.set("buckets.bucket4.attemptsPerAccount", 0));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, e.code());
        assertEquals(1.0, e.min());
    }

    @Test
    void unknownInput() {
        ChangeRejectedException e = rejected(ChangeOp.set("robots", 3));
        assertEquals(ChangeRejectedException.UNKNOWN_INPUT, e.code());
        assertEquals("robots", e.path());
        assertTrue(e.getMessage().contains("'robots'"), e.getMessage());
        assertNull(e.min());
    }

    @Test
    void unknownBucketInputIsNamed() {
        ChangeRejectedException e = rejected(ChangeOp.set("buckets.bucket2.robots", 3));
        assertEquals(ChangeRejectedException.UNKNOWN_INPUT, e.code());
        assertTrue(e.getMessage().contains("'robots'"), e.getMessage());
    }

    @Test
    void unknownBucketIsNamed() {
        ChangeRejectedException e = rejected(ChangeOp.set("buckets.bucket7.accounts", 100));
        assertEquals(ChangeRejectedException.UNKNOWN_INPUT, e.code());
        assertEquals("There is no bucket 'bucket7' (buckets.bucket7.accounts); the buckets are bucket1, bucket2, "
                + "bucket3, bucket4.", e.getMessage());
    }

    @Test
    void missingPathIsUnknown() {
        assertEquals(ChangeRejectedException.UNKNOWN_INPUT, rejected(new ChangeOp(Kind.SET, null, 1)).code());
    }

    @Test
    void nonNumbersAreInvalid() {
        for (Object value : new Object[] {"abc", "50", null, Double.NaN, Double.POSITIVE_INFINITY, true}) {
            ChangeRejectedException e = rejected(new ChangeOp(Kind.ADD, "humanAgents", value));
            assertEquals(ChangeRejectedException.INVALID_VALUE, e.code(), String.valueOf(value));
            assertEquals(value, e.value());
        }
    }

    @Test
    void missingOpIsInvalid() {
        assertEquals(ChangeRejectedException.INVALID_VALUE, rejected(new ChangeOp(null, "humanAgents", 1)).code());
    }

    @Test
    void strategyOpOnANumberIsInvalid() {
        ChangeRejectedException e = rejected(new ChangeOp(Kind.STRATEGY, "humanAgents", "AI_FIRST"));
        assertEquals(ChangeRejectedException.INVALID_VALUE, e.code());
    }

    @Test
    void numericOpOnAStrategyIsInvalid() {
        for (Kind kind : List.of(Kind.SET, Kind.SCALE, Kind.ADD)) {
            ChangeRejectedException e = rejected(new ChangeOp(kind, "buckets.bucket2.strategy", 1));
            assertEquals(ChangeRejectedException.INVALID_VALUE, e.code());
            assertNull(e.min());
        }
    }

    @Test
    void unknownStrategyListsTheStrategies() {
        for (String value : List.of("ROBOT_ONLY", "ai_first")) {
            ChangeRejectedException e = rejected(new ChangeOp(Kind.STRATEGY, "buckets.bucket2.strategy", value));
            assertEquals(ChangeRejectedException.INVALID_VALUE, e.code());
            assertEquals(value, e.value());
            assertTrue(e.getMessage().contains("HUMAN, AI_AUGMENTED, AI_FIRST"), e.getMessage());
        }
    }
}
