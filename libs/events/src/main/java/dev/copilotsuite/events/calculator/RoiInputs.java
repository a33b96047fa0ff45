package dev.copilotsuite.events.calculator;

/** A full set of calculator inputs, in the shape of shared/design/roi-model.md. */
public record RoiInputs(
        double humanAgents,
        double humanSalary,
        double benefitsLoad,
        double rent,
        double seatCost,
        double productiveHours,
        double targetOccupancy,
        double peakFactor,
        double peakShare,
        double aiHandleTimeReduction,
        double aiPromiseLift,
        double aiContainment,
        double aiContactLift,
        double aiPromiseFactor,
        double aiCostPerMinute,
        double aiPlatformFee,
        double aiImplementationCost,
        BucketSet<BucketInputs> buckets) {
}
