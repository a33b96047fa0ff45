package dev.copilotsuite.events.calculator;

/** The inputs of one delinquency bucket; rates and shares are fractions. */
public record BucketInputs(
        double accounts,
        double avgBalance,
        int attemptsPerAccount,
        double contactRate,
        double handleMinutes,
        double dialMinutes,
        double promiseRate,
        double keptRate,
        double paymentShare,
        Strategy strategy) {
}
