package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;

/** The default inputs of shared/design/roi-model.md, a new session's starting state. */
public final class Defaults {

    private static final RoiInputs INPUTS = new RoiInputs(
            30,         // humanAgents
            48000,      // humanSalary
            0.25,       // benefitsLoad
            30000,      // rent
            150,        // seatCost
            140,        // productiveHours
            0.85,       // targetOccupancy
            1.5,        // peakFactor
            0.30,       // peakShare
            0.25,       // aiHandleTimeReduction
            0.10,       // aiPromiseLift
            0.60,       // aiContainment
            0.15,       // aiContactLift
            0.90,       // aiPromiseFactor
            0.12,       // aiCostPerMinute
            15000,      // aiPlatformFee
            250000,     // aiImplementationCost
            new BucketSet<>(
                    // accounts, avgBalance, attemptsPerAccount, contactRate, handleMinutes, dialMinutes,
                    // promiseRate, keptRate, paymentShare, strategy
                    new BucketInputs(12000, 850, 4, 0.22, 6, 0.8, 0.45, 0.75, 1.00, Strategy.HUMAN),
                    new BucketInputs(6000, 1100, 6, 0.18, 8, 0.8, 0.38, 0.68, 0.90, Strategy.HUMAN),
                    new BucketInputs(3000, 1400, 8, 0.14, 10, 0.8, 0.30, 0.60, 0.75, Strategy.HUMAN),
                    new BucketInputs(1500, 1900, 8, 0.10, 12, 0.8, 0.22, 0.50, 0.60, Strategy.HUMAN)));

    private Defaults() {
    }

    public static RoiInputs inputs() {
        return INPUTS;
    }
}
