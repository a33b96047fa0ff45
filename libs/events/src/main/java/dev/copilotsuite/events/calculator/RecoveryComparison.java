package dev.copilotsuite.events.calculator;

import java.util.List;

/**
 * Why one bucket's recovery rate differs from another's: the factors of
 * {@link DriversView.RecoveryFactors} side by side. The log ratios add up to ln(recoveryRateA / recoveryRateB),
 * so the factor with the largest |logRatio| explains most of the gap.
 *
 * @param factor  the key of the factor that differs most, null when none differs
 * @param factors reach, effectivePromiseRate, keptRate and paymentShare, largest |logRatio| first
 * @param message the answer in a sentence, with its figures
 */
public record RecoveryComparison(String bucketA, String bucketB, double recoveryRateA, double recoveryRateB,
        String factor, List<FactorRatio> factors, String message) {

    /**
     * One factor in both buckets.
     *
     * @param logRatio ln(valueA / valueB); 0 when both are 0, null when only one is (an unbounded ratio,
     *                 listed first)
     */
    public record FactorRatio(String factor, double valueA, double valueB, Double logRatio) {
    }
}
