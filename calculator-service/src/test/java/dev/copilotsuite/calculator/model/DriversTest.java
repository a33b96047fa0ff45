package dev.copilotsuite.calculator.model;

import static dev.copilotsuite.calculator.model.Figures.assertFigure;
import static dev.copilotsuite.calculator.model.Figures.assertRelative;
import static dev.copilotsuite.calculator.model.Figures.defaultsWith;
import static dev.copilotsuite.calculator.model.Figures.strategy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.DriversView.ActivityPeak;
import dev.copilotsuite.events.calculator.DriversView.BucketPeak;
import dev.copilotsuite.events.calculator.DriversView.RecoveryFactors;
import dev.copilotsuite.events.calculator.DriversView.Sensitivity;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RecoveryComparison;
import dev.copilotsuite.events.calculator.RecoveryComparison.FactorRatio;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

class DriversTest {

    private static final RoiInputs DEFAULTS = Defaults.inputs();
    private static final DriversView VIEW = Drivers.of(DEFAULTS);

    @Test
    void peakByBucketSharesTheWorkedPeak() {
        assertFigure(1.142656, VIEW.peakUtilization(), "peakUtilization");
        assertFigure(3416392.116790, VIEW.netRecovery(), "netRecovery");
        List<BucketPeak> peaks = VIEW.peakByBucket();
        assertEquals(BucketSet.NAMES, peaks.stream().map(BucketPeak::bucket).toList());
        double[] minutes = {66786.944256, 48626.733890, 31354.992176, 16402.544352};
        for (int i = 0; i < 4; i++) {
            assertFigure(minutes[i], peaks.get(i).humanMinutes(), "humanMinutes");
            assertFigure(minutes[i] / 163171.214674, peaks.get(i).share(), "share");
            assertFigure(minutes[i] / 163171.214674 * 1.142656, peaks.get(i).peakContribution(), "contribution");
        }
        assertRelative(1, peaks.stream().mapToDouble(BucketPeak::share).sum(), 1e-12, "shares");
        assertRelative(VIEW.peakUtilization(), peaks.stream().mapToDouble(BucketPeak::peakContribution).sum(), 1e-12,
                "contributions");
    }

    @Test
    void peakByActivitySplitsHumanTimeIntoTalkAndDial() {
        BucketOutputs b1 = RoiModel.evaluate(DEFAULTS).buckets().bucket1();
        ActivityPeak bucket1 = VIEW.peakByActivity().get(0);
        assertEquals("bucket1", bucket1.bucket());
        assertFigure(7558.193280 * 6, bucket1.talkMinutes(), "talk: conversations × handleMinutes");
        assertFigure((34355.424000 - 7558.193280) * 0.8, bucket1.dialMinutes(), "dial: nonContacts × dialMinutes");
        assertRelative(b1.humanMinutes(), bucket1.talkMinutes() + bucket1.dialMinutes(), 1e-12, "humanMinutes");
        assertRelative(VIEW.peakByBucket().get(0).peakContribution(),
                bucket1.talkContribution() + bucket1.dialContribution(), 1e-12, "bucket1 contribution");

        ActivityPeak total = VIEW.peakByActivity().get(4);
        assertNull(total.bucket());
        assertFigure(163171.214674, total.talkMinutes() + total.dialMinutes(), "humanMinutes");
        assertRelative(VIEW.peakUtilization(), total.talkContribution() + total.dialContribution(), 1e-12, "peak");
        assertRelative(VIEW.peakByActivity().subList(0, 4).stream().mapToDouble(ActivityPeak::dialMinutes).sum(),
                total.dialMinutes(), 1e-12, "total dial");
    }

    @Test
    void aiBucketsHaveNoHumanDialingAndAiFirstOnlyTheHandedOverTalk() {
        RoiInputs in = defaultsWith(strategy("bucket1", Strategy.AI_AUGMENTED), strategy("bucket4", Strategy.AI_FIRST));
        RoiOutputs out = RoiModel.evaluate(in);
        DriversView view = Drivers.of(in);
        ActivityPeak augmented = view.peakByActivity().get(0);
        assertEquals(0, augmented.dialMinutes());
        assertFigure(7558.193280 * 6 * (1 - 0.25), augmented.talkMinutes(), "assisted talk");
        ActivityPeak aiFirst = view.peakByActivity().get(3);
        assertEquals(0, aiFirst.dialMinutes());
        BucketOutputs b4 = out.buckets().bucket4();
        assertRelative(b4.humanConversations() * 12, aiFirst.talkMinutes(), 1e-12, "handed-over talk");
        assertRelative(b4.conversations() * (1 - 0.60) * 12, aiFirst.talkMinutes(), 1e-12, "40% of conversations");
        assertRelative(out.peakUtilization(), view.peakByBucket().stream().mapToDouble(BucketPeak::peakContribution)
                .sum(), 1e-12, "contributions");
    }

    @Test
    void withoutAgentsThereIsNoPeakToContributeTo() {
        DriversView view = Drivers.of(defaultsWith(ChangeOp.set("humanAgents", 0)));
        assertNull(view.peakUtilization());
        view.peakByBucket().forEach(p -> {
            assertNull(p.peakContribution());
            assertTrue(p.share() > 0);
        });
        view.peakByActivity().forEach(p -> assertNull(p.talkContribution()));
        view.sensitivities().forEach(s -> assertNull(s.peakUtilizationChange(), s.inputPath()));
    }

    @Test
    void withoutHumanWorkThereAreNoSharesAndNothingContributes() {
        RoiInputs in = DEFAULTS;
        for (String bucket : BucketSet.NAMES) {
            in = ChangeApplier.apply(in, List.of(ChangeOp.set(InputCatalog.bucketPath(bucket, "accounts"), 0)))
                    .inputs();
        }
        DriversView view = Drivers.of(in);
        assertEquals(0.0, view.peakUtilization());
        view.peakByBucket().forEach(p -> {
            assertNull(p.share());
            assertEquals(0.0, p.peakContribution());
        });
    }

    @Test
    void recoveryFactorsMultiplyToTheRecoveryRate() {
        double[] rates = {0.204612, 0.155798, 0.091062, 0.036181};
        double[] promiseRates = {0.45, 0.38, 0.30, 0.22};
        for (int i = 0; i < 4; i++) {
            RecoveryFactors f = VIEW.recoveryFactors().get(i);
            assertEquals(BucketSet.NAMES.get(i), f.bucket());
            assertFigure(rates[i], f.recoveryRate(), "recoveryRate");
            assertRelative(f.recoveryRate(), f.product(), 1e-9, "product");
            assertRelative(f.reach() * f.effectivePromiseRate() * f.keptRate() * f.paymentShare(), f.product(), 1e-15,
                    "product of the factors");
            // All HUMAN: the promise rate, cut by the share of conversations capacity lets happen.
            assertFigure(promiseRates[i] * 0.962546, f.effectivePromiseRate(), "effectivePromiseRate");
        }
        assertFigure(1 - Math.pow(1 - 0.22, 4), VIEW.recoveryFactors().get(0).reach(), "bucket1 reach");
    }

    @Test
    void theEffectivePromiseRateIsPromisesPerConversationUnderEveryStrategy() {
        RoiInputs in = defaultsWith(strategy("bucket1", Strategy.AI_AUGMENTED), strategy("bucket2", Strategy.AI_FIRST),
                ChangeOp.set("humanAgents", 20));
        RoiOutputs out = RoiModel.evaluate(in);
        DriversView view = Drivers.of(in);
        for (int i = 0; i < 4; i++) {
            BucketOutputs b = out.buckets().values().get(i);
            RecoveryFactors f = view.recoveryFactors().get(i);
            assertRelative(b.promises() / b.conversations(), f.effectivePromiseRate(), 1e-12, "promises/conversations");
            assertRelative(b.recoveryRate(), f.product(), 1e-9, "product");
        }
    }

    @Test
    void aBucketWithoutConversationsStillHasItsPromiseRate() {
        RoiInputs in = defaultsWith(ChangeOp.set("buckets.bucket2.contactRate", 0));
        RecoveryFactors f = Drivers.of(in).recoveryFactors().get(1);
        assertEquals(0, f.reach());
        assertEquals(0, f.product());
        assertEquals(0, f.recoveryRate());
        assertTrue(f.effectivePromiseRate() > 0);
    }

    @Test
    void everyNumericInputHasASensitivitySortedByItsNetRecoveryMove() {
        List<Sensitivity> sensitivities = VIEW.sensitivities();
        List<String> numeric = InputCatalog.all().stream().filter(d -> !d.isStrategy()).map(InputDef::path).toList();
        assertEquals(17 + 4 * 9, numeric.size());
        assertEquals(numeric.size(), sensitivities.size());
        assertEquals(new HashSet<>(numeric), new HashSet<>(sensitivities.stream().map(Sensitivity::inputPath).toList()));
        for (int i = 1; i < sensitivities.size(); i++) {
            assertTrue(Math.abs(sensitivities.get(i - 1).netRecoveryChange())
                    >= Math.abs(sensitivities.get(i).netRecoveryChange()), "sorted at " + i);
        }
        // The largest: a fifth attempt on the biggest bucket.
        assertEquals("buckets.bucket1.attemptsPerAccount", sensitivities.get(0).inputPath());
    }

    @Test
    void aSensitivityIsTheMoveOfATenPercentRaise() {
        Sensitivity agents = sensitivity(VIEW, "humanAgents");
        assertEquals("Human agents", agents.label());
        assertEquals(30, agents.value());
        assertRelative(33, agents.raisedValue(), 1e-12, "raised");
        RoiOutputs at33 = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", agents.raisedValue())));
        assertEquals(at33.netRecovery() - VIEW.netRecovery(), agents.netRecoveryChange());
        assertEquals(at33.peakUtilization() - VIEW.peakUtilization(), agents.peakUtilizationChange());
        assertTrue(agents.peakUtilizationChange() < 0);

        Sensitivity salary = sensitivity(VIEW, "humanSalary");
        assertRelative(-30 * 4800 / 12.0 * 1.25, salary.netRecoveryChange(), 1e-9, "30 agents × $400 × 1.25");
        assertEquals(0.0, salary.peakUtilizationChange());
    }

    @Test
    void aWholeNumberInputIsRaisedToTheNextWholeNumber() {
        assertEquals(5, sensitivity(VIEW, "buckets.bucket1.attemptsPerAccount").raisedValue());
        assertEquals(9, sensitivity(VIEW, "buckets.bucket3.attemptsPerAccount").raisedValue());
        DriversView ten = Drivers.of(defaultsWith(ChangeOp.set("buckets.bucket1.attemptsPerAccount", 10)));
        assertEquals(11, sensitivity(ten, "buckets.bucket1.attemptsPerAccount").raisedValue(), "10 × 1.1 is 11");
    }

    @Test
    void aRaiseStopsAtTheUpperBound() {
        DriversView view = Drivers.of(defaultsWith(ChangeOp.set("peakShare", 0.95),
                ChangeOp.set("buckets.bucket2.attemptsPerAccount", 100)));
        assertEquals(1, sensitivity(view, "peakShare").raisedValue());
        Sensitivity atMax = sensitivity(view, "buckets.bucket2.attemptsPerAccount");
        assertEquals(100, atMax.raisedValue());
        assertEquals(0, atMax.netRecoveryChange());
        // paymentShare of bucket1 is already at its bound of 1
        assertEquals(0, sensitivity(view, "buckets.bucket1.paymentShare").netRecoveryChange());
    }

    private static Sensitivity sensitivity(DriversView view, String path) {
        return view.sensitivities().stream().filter(s -> s.inputPath().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void bucket3RecoversLessThanBucket1MostlyForItsPromiseRate() {
        RecoveryComparison comparison = Drivers.compareRecovery(DEFAULTS, "bucket3", "bucket1");
        assertEquals("effectivePromiseRate", comparison.factor());
        assertFigure(0.091062, comparison.recoveryRateA(), "bucket3");
        assertFigure(0.204612, comparison.recoveryRateB(), "bucket1");
        List<String> order = comparison.factors().stream().map(FactorRatio::factor).toList();
        assertEquals(List.of("effectivePromiseRate", "paymentShare", "keptRate", "reach"), order);
        assertFigure(Math.log(0.30 / 0.45), comparison.factors().get(0).logRatio(), "ln(0.30 / 0.45)");
        double sum = comparison.factors().stream().mapToDouble(FactorRatio::logRatio).sum();
        assertRelative(Math.log(comparison.recoveryRateA() / comparison.recoveryRateB()), sum, 1e-12, "log ratios");
        assertTrue(comparison.message().contains("promise rate per conversation: 29% in bucket 3 against 43% in "
                + "bucket 1"), comparison.message());
        assertTrue(comparison.message().startsWith("Bucket 3 recovers 9% of its balance, bucket 1 20%."),
                comparison.message());
    }

    @Test
    void aFactorThatIsZeroInOneBucketExplainsEverything() {
        RoiInputs in = defaultsWith(ChangeOp.set("buckets.bucket2.contactRate", 0));
        RecoveryComparison comparison = Drivers.compareRecovery(in, "bucket2", "bucket1");
        assertEquals("reach", comparison.factor());
        assertNull(comparison.factors().get(0).logRatio());
    }

    @Test
    void aBucketComparedWithItselfDiffersInNothing() {
        RecoveryComparison comparison = Drivers.compareRecovery(DEFAULTS, "bucket2", "bucket2");
        assertNull(comparison.factor());
        comparison.factors().forEach(f -> assertEquals(0.0, f.logRatio()));
        assertTrue(comparison.message().contains("the same"), comparison.message());
    }

    @Test
    void anUnknownBucketIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Drivers.compareRecovery(DEFAULTS, "bucket5", "bucket1"));
        assertTrue(e.getMessage().contains("bucket5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Drivers.compareRecovery(DEFAULTS, "bucket1", null));
    }
}
