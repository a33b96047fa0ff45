package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.InputDef;

import static dev.copilotsuite.calculator.model.Figures.assertFigure;
import static dev.copilotsuite.calculator.model.Figures.assertRelative;
import static dev.copilotsuite.calculator.model.Figures.defaultsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

class RoiModelTest {

    private static final RoiOutputs DEFAULTS = RoiModel.evaluate(Defaults.inputs());

    @Test
    void defaultsMatchTheWorkedExampleOperationTable() {
        RoiOutputs out = DEFAULTS;
        assertFigure(23850000, out.totalBalance(), "totalBalance");
        assertFigure(3600892.116790, out.totalRecovered(), "totalRecovered");
        assertFigure(0.150981, out.recoveryRate(), "recoveryRate");
        assertFigure(163171.214674, out.humanMinutes(), "humanMinutes");
        assertFigure(214200, out.capacityMinutes(), "capacityMinutes");
        assertFigure(0.761770, out.utilization(), "utilization");
        assertFigure(1.142656, out.peakUtilization(), "peakUtilization");
        assertFigure(0.962546, out.serviceLevel(), "serviceLevel");
        assertFigure(22.853111, out.fteRequired(), "fteRequired");
        assertFigure(154500, out.humanCost(), "humanCost");
        assertFigure(30000, out.facilityCost(), "facilityCost");
        assertEquals(0, out.aiCost(), "aiCost");
        assertFigure(184500, out.totalCost(), "totalCost");
        assertFigure(3416392.116790, out.netRecovery(), "netRecovery");
        assertFigure(18.517030, out.roi(), "roi");
        assertFigure(0.051237, out.costToCollect(), "costToCollect");
        assertEquals(0, out.incrementalNetRecovery(), "incrementalNetRecovery");
        assertNull(out.paybackMonths(), "paybackMonths");
        assertNull(out.aiAnnualRoi(), "aiAnnualRoi");
    }

    @Test
    void defaultsMatchTheWorkedExampleBucketTable() {
        Map<String, double[]> expected = Map.of(
                "attempts", new double[] {34355.424000, 23199.777619, 15016.758705, 8542.991850},
                "conversations", new double[] {7558.193280, 4175.959971, 2102.346219, 854.299185},
                "humanMinutes", new double[] {66786.944256, 48626.733890, 31354.992176, 16402.544352},
                "promises", new double[] {3273.799967, 1527.430844, 607.081677, 180.906556},
                "keptPromises", new double[] {2455.349975, 1038.652974, 364.249006, 90.453278},
                "recovered", new double[] {2087047.478893, 1028266.444347, 382461.456723, 103116.736827},
                "recoveryRate", new double[] {0.204612, 0.155798, 0.091062, 0.036181},
                "fteRequired", new double[] {9.353914, 6.810467, 4.391455, 2.297275},
                "cost", new double[] {75516.942372, 54982.935689, 35453.533076, 18546.588864},
                "costToCollect", new double[] {0.036184, 0.053471, 0.092698, 0.179860});
        List<BucketOutputs> buckets = DEFAULTS.buckets().values();
        expected.forEach((key, values) -> {
            for (int i = 0; i < values.length; i++) {
                assertFigure(values[i], (Double) component(buckets.get(i), key), BucketSet.NAMES.get(i) + "." + key);
            }
        });
    }

    @Test
    void bucket1ToAiAugmented() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED)));
        assertFigure(0.608759, out.utilization(), "utilization");
        assertFigure(0.913138, out.peakUtilization(), "peakUtilization");
        assertEquals(1.0, out.serviceLevel(), "serviceLevel");
        assertFigure(3957832.296108, out.totalRecovered(), "totalRecovered");
        assertFigure(21653.958520, out.aiCost(), "aiCost");
        assertFigure(3751678.337587, out.netRecovery(), "netRecovery");
        assertFigure(335286.220797, out.incrementalNetRecovery(), "incrementalNetRecovery");
        assertFigure(0.745632, out.paybackMonths(), "paybackMonths");
        assertFigure(15.093739, out.aiAnnualRoi(), "aiAnnualRoi");
        assertFigure(DEFAULTS.netRecovery(), out.baselineNetRecovery(), "baselineNetRecovery");
    }

    @Test
    void humanAgentsTo25() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", 25)));
        assertFigure(0.914124, out.utilization(), "utilization");
        assertFigure(1.371187, out.peakUtilization(), "peakUtilization");
        assertFigure(0.918789, out.serviceLevel(), "serviceLevel");
        assertFigure(3437194.203737, out.totalRecovered(), "totalRecovered");
        assertFigure(3278444.203737, out.netRecovery(), "netRecovery");
    }

    @Test
    void bucket4ToAiFirst() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.strategy("bucket4", Strategy.AI_FIRST)));
        assertFigure(1.059238, out.peakUtilization(), "peakUtilization");
        assertFigure(0.983222, out.serviceLevel(), "serviceLevel");
        assertFigure(16499.458382, out.aiCost(), "aiCost");
        assertFigure(3481399.963791, out.netRecovery(), "netRecovery");
        assertFigure(65007.847001, out.incrementalNetRecovery(), "incrementalNetRecovery");
        assertFigure(3.845690, out.paybackMonths(), "paybackMonths");
    }

    @Test
    void noAgentsMeansNoCapacityAndNoHumanConversations() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", 0)));
        assertEquals(0, out.capacityMinutes());
        assertNull(out.utilization());
        assertNull(out.peakUtilization());
        assertEquals(0, out.serviceLevel());
        assertEquals(0, out.humanCost());
        assertEquals(0, out.totalRecovered());
        assertNull(out.costToCollect(), "nothing recovered");
        assertEquals(-1, out.roi(), "only the rent is spent");
        out.buckets().values().forEach(b -> assertNull(b.costToCollect()));
        assertFigure(DEFAULTS.fteRequired(), out.fteRequired(), "work is still to do");
    }

    @Test
    void noAgentsAndNoWorkIsFullyServed() {
        RoiOutputs out = RoiModel.evaluate(withAllBuckets(defaultsWith(ChangeOp.set("humanAgents", 0)),
                "accounts", 0));
        assertEquals(0.0, out.utilization());
        assertEquals(0.0, out.peakUtilization());
        assertEquals(1, out.serviceLevel());
    }

    @Test
    void noAccountsMeansNoBalanceAndCostSharedEvenly() {
        RoiOutputs out = RoiModel.evaluate(withAllBuckets(Defaults.inputs(), "accounts", 0));
        assertEquals(0, out.totalBalance());
        assertEquals(0, out.recoveryRate());
        assertEquals(0.0, out.utilization());
        assertEquals(1, out.serviceLevel());
        assertNull(out.costToCollect());
        for (BucketOutputs b : out.buckets().values()) {
            assertEquals(0, b.recoveryRate());
            assertEquals(184500 * 0.25, b.cost(), 1e-9);
            assertNull(b.costToCollect());
        }
    }

    @Test
    void noHumanMinutesSharesCostByBalance() {
        RoiInputs in = withAllBuckets(withAllBuckets(Defaults.inputs(), "handleMinutes", 0), "dialMinutes", 0);
        RoiOutputs out = RoiModel.evaluate(in);
        assertEquals(0, out.humanMinutes());
        assertEquals(1, out.serviceLevel());
        assertFigure(184500 * 10200000.0 / 23850000, out.buckets().bucket1().cost(), "bucket1 cost");
        assertFigure(184500 * 2850000.0 / 23850000, out.buckets().bucket4().cost(), "bucket4 cost");
    }

    @Test
    void zeroContactRateDialsEveryAttemptAndReachesNoOne() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.set("buckets.bucket1.contactRate", 0)));
        BucketOutputs b = out.buckets().bucket1();
        assertEquals(0, b.reach());
        assertEquals(12000 * 4, b.attempts(), 1e-9);
        assertEquals(0, b.conversations());
        assertEquals(12000 * 4 * 0.8, b.humanMinutes(), 1e-9);
        assertEquals(0, b.recovered());
        assertNull(b.costToCollect());
    }

    @Test
    void certainContactReachesEveryAccountOnTheFirstAttempt() {
        BucketOutputs b = RoiModel.evaluate(defaultsWith(ChangeOp.set("buckets.bucket1.contactRate", 1)))
                .buckets().bucket1();
        assertEquals(1, b.reach());
        assertEquals(12000, b.attempts(), 1e-9);
        assertEquals(12000, b.conversations(), 1e-9);
    }

    @Test
    void tinyContactRateKeepsItsPrecision() {
        double p = 1e-12;
        BucketOutputs b = RoiModel.evaluate(defaultsWith(ChangeOp.set("buckets.bucket1.contactRate", p)))
                .buckets().bucket1();
        // 1 - (1 - p)^4 = 4p - 6p^2 + ...
        assertRelative(4 * p, b.reach(), 1e-9, "reach");
        assertRelative(12000 * 4, b.attempts(), 1e-9, "attempts");
    }

    @Test
    void aiWithoutAiMinutesKeepsThePlatformFeeInTheTotalOnly() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.set("buckets.bucket1.accounts", 0),
                ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED)));
        assertEquals(0, out.aiMinutes());
        assertEquals(15000, out.aiCost());
        double bucketCosts = out.buckets().values().stream().mapToDouble(BucketOutputs::cost).sum();
        assertFigure(out.totalCost() - 15000, bucketCosts, "bucket costs");
    }

    @Test
    void platformFeeIsAllocatedByAiMinutes() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED),
                ChangeOp.strategy("bucket4", Strategy.AI_FIRST)));
        double bucketCosts = out.buckets().values().stream().mapToDouble(BucketOutputs::cost).sum();
        assertFigure(out.totalCost(), bucketCosts, "bucket costs");
    }

    @Test
    void nothingSpentMeansNoRoi() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", 0), ChangeOp.set("rent", 0)));
        assertEquals(0, out.totalCost());
        assertNull(out.roi());
    }

    @Test
    void aiThatLosesMoneyHasNoPayback() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.strategy("bucket4", Strategy.AI_FIRST),
                ChangeOp.set("aiCostPerMinute", 100)));
        assertTrue(out.incrementalNetRecovery() < 0);
        assertNull(out.paybackMonths());
        assertTrue(out.aiAnnualRoi() < -1);
    }

    @Test
    void freeImplementationHasNoAnnualRoiAndImmediatePayback() {
        RoiOutputs out = RoiModel.evaluate(defaultsWith(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED),
                ChangeOp.set("aiImplementationCost", 0)));
        assertNull(out.aiAnnualRoi());
        assertEquals(0.0, out.paybackMonths());
    }

    @Test
    void noOutputIsNaNOrInfiniteAtTheBounds() {
        List<InputDef> numbers = InputCatalog.all().stream().filter(d -> !d.isStrategy()).toList();
        List<RoiInputs> cases = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            RoiInputs base = withAllStrategies(Defaults.inputs(), strategy);
            for (InputDef def : numbers) {
                for (double value : extremes(def)) {
                    cases.add(InputCatalog.with(base, def, value));
                }
            }
        }
        Random random = new Random(20240611L);
        for (int i = 0; i < 2000; i++) {
            RoiInputs in = Defaults.inputs();
            for (InputDef def : InputCatalog.all()) {
                if (def.isStrategy()) {
                    Strategy s = Strategy.values()[random.nextInt(Strategy.values().length)];
                    in = InputCatalog.with(in, def, s.name());
                } else if (random.nextInt(3) > 0) {
                    double[] extremes = extremes(def);
                    in = InputCatalog.with(in, def, extremes[random.nextInt(extremes.length)]);
                }
            }
            cases.add(in);
        }
        for (RoiInputs in : cases) {
            RoiOutputs out = RoiModel.evaluate(in);
            assertFinite(out, in);
            out.buckets().values().forEach(b -> assertFinite(b, in));
        }
    }

    /** The bounds, the smallest positive double above a 0 bound, and a whole number inside for attempts. */
    private static double[] extremes(InputDef def) {
        if (def.integer()) {
            return new double[] {def.min(), def.max()};
        }
        return def.min() == 0
                ? new double[] {0, Double.MIN_VALUE, 1e-9, def.max()}
                : new double[] {def.min(), def.max()};
    }

    private static void assertFinite(Record record, RoiInputs in) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = component(record, c.getName());
            if (value instanceof Double d && !Double.isFinite(d)) {
                fail(c.getName() + " is " + d + " for " + in);
            }
        }
    }

    static Object component(Record record, String name) {
        try {
            return record.getClass().getMethod(name).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name, e);
        }
    }

    private static RoiInputs withAllBuckets(RoiInputs in, String key, double value) {
        for (String bucket : BucketSet.NAMES) {
            in = InputCatalog.with(in, InputCatalog.byPath(InputCatalog.bucketPath(bucket, key)).orElseThrow(), value);
        }
        return in;
    }

    private static RoiInputs withAllStrategies(RoiInputs in, Strategy strategy) {
        return RoiModel.withBuckets(in, in.buckets().map(b -> RoiModel.withStrategy(b, strategy)));
    }
}
