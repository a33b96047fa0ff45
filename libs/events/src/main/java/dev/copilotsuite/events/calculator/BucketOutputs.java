package dev.copilotsuite.events.calculator;

/** The outputs of one bucket; {@code costToCollect} is null when nothing is recovered. */
public record BucketOutputs(
        double reach,
        double attempts,
        double conversations,
        double aiConversations,
        double humanConversations,
        double humanMinutes,
        double aiMinutes,
        double promises,
        double keptPromises,
        double recovered,
        double balance,
        double recoveryRate,
        double fteRequired,
        double cost,
        Double costToCollect) {
}
