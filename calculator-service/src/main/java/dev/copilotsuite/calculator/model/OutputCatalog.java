package dev.copilotsuite.calculator.model;

import java.util.List;
import java.util.Optional;

import dev.copilotsuite.calculator.model.OutputDef.Unit;

/** The outputs of the model, by their keys in RoiOutputs (operation) and BucketOutputs (bucket). */
public final class OutputCatalog {

    private static final List<OutputDef> OPERATION = List.of(
            new OutputDef("totalBalance", "Total balance worked", Unit.MONEY),
            new OutputDef("totalRecovered", "Recovered per month", Unit.MONEY),
            new OutputDef("recoveryRate", "Recovery rate", Unit.PERCENT),
            new OutputDef("humanMinutes", "Human workload", Unit.MINUTES),
            new OutputDef("capacityMinutes", "Human capacity", Unit.MINUTES),
            new OutputDef("utilization", "Utilization", Unit.PERCENT),
            new OutputDef("peakUtilization", "Peak-hour utilization", Unit.PERCENT),
            new OutputDef("serviceLevel", "Service level", Unit.PERCENT),
            new OutputDef("fteRequired", "FTE required", Unit.FTE),
            new OutputDef("humanCost", "Human cost", Unit.MONEY),
            new OutputDef("facilityCost", "Facility cost", Unit.MONEY),
            new OutputDef("aiCost", "AI cost", Unit.MONEY),
            new OutputDef("aiMinutes", "AI minutes", Unit.MINUTES),
            new OutputDef("totalCost", "Total monthly cost", Unit.MONEY),
            new OutputDef("netRecovery", "Net recovery", Unit.MONEY),
            new OutputDef("roi", "ROI", Unit.MULTIPLE),
            new OutputDef("costToCollect", "Cost to collect", Unit.RATIO),
            new OutputDef("baselineNetRecovery", "Net recovery without AI", Unit.MONEY),
            new OutputDef("incrementalNetRecovery", "Net recovery gained with AI", Unit.MONEY),
            new OutputDef("paybackMonths", "Payback of the AI implementation", Unit.MONTHS),
            new OutputDef("aiAnnualRoi", "Annual ROI of the AI implementation", Unit.MULTIPLE));

    private static final List<OutputDef> BUCKET = List.of(
            new OutputDef("reach", "Accounts reached", Unit.PERCENT),
            new OutputDef("attempts", "Dial attempts", Unit.COUNT),
            new OutputDef("conversations", "Conversations", Unit.COUNT),
            new OutputDef("aiConversations", "Conversations resolved by AI", Unit.COUNT),
            new OutputDef("humanConversations", "Conversations for humans", Unit.COUNT),
            new OutputDef("humanMinutes", "Human workload", Unit.MINUTES),
            new OutputDef("aiMinutes", "AI minutes", Unit.MINUTES),
            new OutputDef("promises", "Promises to pay", Unit.COUNT),
            new OutputDef("keptPromises", "Promises kept", Unit.COUNT),
            new OutputDef("recovered", "Recovered per month", Unit.MONEY),
            new OutputDef("balance", "Balance worked", Unit.MONEY),
            new OutputDef("recoveryRate", "Recovery rate", Unit.PERCENT),
            new OutputDef("fteRequired", "FTE required", Unit.FTE),
            new OutputDef("cost", "Monthly cost", Unit.MONEY),
            new OutputDef("costToCollect", "Cost to collect", Unit.RATIO));

    private OutputCatalog() {
    }

    /** The operation outputs, in RoiOutputs component order. */
    public static List<OutputDef> operation() {
        return OPERATION;
    }

    /** The bucket outputs, in BucketOutputs component order. */
    public static List<OutputDef> bucket() {
        return BUCKET;
    }

    public static Optional<OutputDef> operation(String key) {
        return OPERATION.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public static Optional<OutputDef> bucket(String key) {
        return BUCKET.stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
