package dev.copilotsuite.calculator.model;

import java.util.ArrayList;
import java.util.List;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * The Collections ROI model of shared/design/roi-model.md, for inputs within the bounds of
 * {@link InputCatalog}. No output is NaN or infinite: a ratio whose denominator is 0, or that
 * overflows a double, is reported as the spec reports the zero-denominator case.
 */
public final class RoiModel {

    private RoiModel() {
    }

    public static RoiOutputs evaluate(RoiInputs in) {
        Operation op = operation(in);
        // Without AI the baseline is these very inputs, so the increment is exactly 0.
        double baselineNetRecovery = op.usesAi ? operation(allHuman(in)).netRecovery : op.netRecovery;
        double incrementalNetRecovery = op.netRecovery - baselineNetRecovery;
        Double paybackMonths = op.usesAi && incrementalNetRecovery > 0
                ? ratio(in.aiImplementationCost(), incrementalNetRecovery)
                : null;
        Double aiAnnualRoi = op.usesAi && in.aiImplementationCost() > 0
                ? ratio(12 * incrementalNetRecovery - in.aiImplementationCost(), in.aiImplementationCost())
                : null;
        return new RoiOutputs(op.totalBalance, op.totalRecovered, orZero(ratio(op.totalRecovered, op.totalBalance)),
                op.humanMinutes, op.capacityMinutes, op.utilization, op.peakUtilization, op.serviceLevel,
                op.humanMinutes / op.perFte, op.humanCost, op.facilityCost, op.aiCost, op.aiMinutes, op.totalCost,
                op.netRecovery, ratio(op.netRecovery, op.totalCost), ratio(op.totalCost, op.totalRecovered),
                baselineNetRecovery, incrementalNetRecovery, paybackMonths, aiAnnualRoi, op.buckets);
    }

    /** The operation's total recovery if capacity let the given share of human conversations happen. */
    static double totalRecoveredAt(RoiInputs in, double serviceLevel) {
        double total = 0;
        for (BucketInputs b : in.buckets().values()) {
            total += flow(in, b).recovered(b, serviceLevel);
        }
        return total;
    }

    /** Minutes one FTE can work in a month. */
    static double perFte(RoiInputs in) {
        return in.productiveHours() * 60 * in.targetOccupancy();
    }

    /** The same inputs with every bucket worked by humans. */
    static RoiInputs allHuman(RoiInputs in) {
        return withBuckets(in, in.buckets().map(b -> withStrategy(b, Strategy.HUMAN)));
    }

    static RoiInputs withBuckets(RoiInputs in, BucketSet<BucketInputs> buckets) {
        return new RoiInputs(in.humanAgents(), in.humanSalary(), in.benefitsLoad(), in.rent(), in.seatCost(),
                in.productiveHours(), in.targetOccupancy(), in.peakFactor(), in.peakShare(),
                in.aiHandleTimeReduction(), in.aiPromiseLift(), in.aiContainment(), in.aiContactLift(),
                in.aiPromiseFactor(), in.aiCostPerMinute(), in.aiPlatformFee(), in.aiImplementationCost(), buckets);
    }

    /** A bucket's humanMinutes split into talking and dialing; humans dial only in a HUMAN bucket. */
    record HumanWork(double talk, double dial) {
    }

    static HumanWork humanWork(RoiInputs in, BucketInputs b) {
        Flow f = flow(in, b);
        return new HumanWork(f.humanTalk, f.humanDial);
    }

    /**
     * A bucket's promises per conversation at a service level: promises / conversations, defined also where
     * there are no conversations, as it depends on the rates and not on the volume.
     */
    static double promisesPerConversation(RoiInputs in, BucketInputs b, double serviceLevel) {
        Flow f = flow(in, b);
        double aiShare = b.strategy() == Strategy.AI_FIRST ? in.aiContainment() : 0;
        return (1 - aiShare) * serviceLevel * f.humanPromiseRate + aiShare * f.aiPromiseRate;
    }

    static BucketInputs withStrategy(BucketInputs b, Strategy strategy) {
        return new BucketInputs(b.accounts(), b.avgBalance(), b.attemptsPerAccount(), b.contactRate(),
                b.handleMinutes(), b.dialMinutes(), b.promiseRate(), b.keptRate(), b.paymentShare(), strategy);
    }

    /** What a bucket does before capacity is known. */
    private record Flow(double reach, double attempts, double conversations, double aiConversations,
            double humanConversations, double humanTalk, double humanDial, double humanMinutes, double aiMinutes,
            double humanPromiseRate, double aiPromiseRate, double balance) {

        double promises(double serviceLevel) {
            return humanConversations * serviceLevel * humanPromiseRate + aiConversations * aiPromiseRate;
        }

        double recovered(BucketInputs b, double serviceLevel) {
            return promises(serviceLevel) * b.keptRate() * b.avgBalance() * b.paymentShare();
        }
    }

    private static Flow flow(RoiInputs in, BucketInputs b) {
        Strategy s = b.strategy();
        int n = b.attemptsPerAccount();
        double p = s == Strategy.AI_FIRST ? Math.min(1, b.contactRate() * (1 + in.aiContactLift())) : b.contactRate();
        // 1 - (1 - p)^n without the cancellation that loses a small p.
        double reach = -Math.expm1(n * Math.log1p(-p));
        double perAccount = p == 0 ? n : reach / p;
        double attempts = b.accounts() * perAccount;
        double conversations = b.accounts() * reach;
        double nonContacts = attempts - conversations;
        double aiConversations = s == Strategy.AI_FIRST ? conversations * in.aiContainment() : 0;
        double humanConversations = conversations - aiConversations;
        double talk = s == Strategy.AI_AUGMENTED
                ? b.handleMinutes() * (1 - in.aiHandleTimeReduction())
                : b.handleMinutes();
        double humanTalk = humanConversations * talk;
        double dialTotal = nonContacts * b.dialMinutes();
        double humanDial = s == Strategy.HUMAN ? dialTotal : 0;
        double humanMinutes = humanTalk + humanDial;
        double aiMinutes = switch (s) {
            case HUMAN -> 0;
            case AI_AUGMENTED -> dialTotal + humanTalk;
            case AI_FIRST -> dialTotal + aiConversations * b.handleMinutes();
        };
        double humanPromiseRate = s == Strategy.AI_AUGMENTED
                ? Math.min(1, b.promiseRate() * (1 + in.aiPromiseLift()))
                : b.promiseRate();
        double aiPromiseRate = Math.min(1, b.promiseRate() * in.aiPromiseFactor());
        return new Flow(reach, attempts, conversations, aiConversations, humanConversations, humanTalk, humanDial,
                humanMinutes, aiMinutes, humanPromiseRate, aiPromiseRate, b.accounts() * b.avgBalance());
    }

    private record Operation(double perFte, double capacityMinutes, double humanMinutes, Double utilization,
            Double peakUtilization, double serviceLevel, double humanCost, double facilityCost, double aiCost,
            double aiMinutes, double totalCost, double totalBalance, double totalRecovered, double netRecovery,
            boolean usesAi, BucketSet<BucketOutputs> buckets) {
    }

    private static Operation operation(RoiInputs in) {
        List<BucketInputs> inputs = in.buckets().values();
        List<Flow> flows = new ArrayList<>();
        double humanMinutes = 0;
        double aiMinutes = 0;
        double totalBalance = 0;
        boolean usesAi = false;
        for (BucketInputs b : inputs) {
            Flow f = flow(in, b);
            flows.add(f);
            humanMinutes += f.humanMinutes;
            aiMinutes += f.aiMinutes;
            totalBalance += f.balance;
            usesAi |= b.strategy() != Strategy.HUMAN;
        }

        double perFte = perFte(in);
        double capacityMinutes = in.humanAgents() * perFte;
        Double utilization;
        Double peakUtilization;
        if (humanMinutes == 0) {
            utilization = 0.0;
            peakUtilization = 0.0;
        } else {
            // null stands for "no capacity for work to do": capacity 0, or a utilization beyond a double.
            utilization = capacityMinutes == 0 ? null : finiteOrNull(humanMinutes / capacityMinutes);
            peakUtilization = utilization == null ? null : finiteOrNull(utilization * in.peakFactor());
        }
        double serviceLevel = in.peakShare() * servedShare(peakUtilization)
                + (1 - in.peakShare()) * servedShare(utilization);

        double humanCost = in.humanAgents() * (in.humanSalary() / 12 * (1 + in.benefitsLoad()) + in.seatCost());
        double facilityCost = in.rent();
        double aiCost = aiMinutes * in.aiCostPerMinute() + (usesAi ? in.aiPlatformFee() : 0);
        double totalCost = humanCost + facilityCost + aiCost;

        List<BucketOutputs> outputs = new ArrayList<>();
        double totalRecovered = 0;
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            BucketInputs b = inputs.get(i);
            double promises = f.promises(serviceLevel);
            double keptPromises = promises * b.keptRate();
            double recovered = keptPromises * b.avgBalance() * b.paymentShare();
            double share = humanMinutes > 0 ? f.humanMinutes / humanMinutes
                    : totalBalance > 0 ? f.balance / totalBalance
                    : 1.0 / flows.size();
            // With no AI minute anywhere the platform fee has nothing to be allocated by: it stays in the total only.
            double platformFee = usesAi && aiMinutes > 0 ? in.aiPlatformFee() * (f.aiMinutes / aiMinutes) : 0;
            double cost = (humanCost + facilityCost) * share + f.aiMinutes * in.aiCostPerMinute() + platformFee;
            outputs.add(new BucketOutputs(f.reach, f.attempts, f.conversations, f.aiConversations,
                    f.humanConversations, f.humanMinutes, f.aiMinutes, promises, keptPromises, recovered, f.balance,
                    orZero(ratio(recovered, f.balance)), f.humanMinutes / perFte, cost, ratio(cost, recovered)));
            totalRecovered += recovered;
        }

        return new Operation(perFte, capacityMinutes, humanMinutes, utilization, peakUtilization, serviceLevel,
                humanCost, facilityCost, aiCost, aiMinutes, totalCost, totalBalance, totalRecovered,
                totalRecovered - totalCost, usesAi,
                new BucketSet<>(outputs.get(0), outputs.get(1), outputs.get(2), outputs.get(3)));
    }

    /** The share of conversations a utilization lets happen; null is an unbounded utilization. */
    private static double servedShare(Double utilization) {
        if (utilization == null) {
            return 0;
        }
        return utilization == 0 ? 1 : Math.min(1, 1 / utilization);
    }

    /** num / den, or null when den is 0 or the quotient overflows. */
    private static Double ratio(double num, double den) {
        return den == 0 ? null : finiteOrNull(num / den);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
