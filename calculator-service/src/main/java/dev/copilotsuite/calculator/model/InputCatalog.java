package dev.copilotsuite.calculator.model;

import dev.copilotsuite.events.calculator.InputDef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * Every input of shared/design/roi-model.md, defined once, with reading and writing by path.
 * Per-bucket inputs are defined once and expanded for the four buckets.
 */
public final class InputCatalog {

    static final String BUCKETS_PREFIX = "buckets.";
    private static final String STRATEGY = "strategy";

    /** An input before it is placed: operation-wide, or once for every bucket. */
    private record Spec(String key, String label, String unit, Double min, Double max, boolean integer,
            String description, List<String> synonyms) {
    }

    private static Spec number(String key, String label, String unit, double min, double max, String description,
            String... synonyms) {
        return new Spec(key, label, unit, min, max, false, description, List.of(synonyms));
    }

    // In RoiInputs component order: the position is the slot in operationValues/withOperationValues.
    private static final List<Spec> OPERATION = List.of(
            number("humanAgents", "Human agents", "FTE", 0, 100000,
                    "Full-time-equivalent human collectors; may be fractional.",
                    "agents", "human agents", "headcount", "agent count", "number of agents", "fte", "collectors",
                    "staff", "staffing"),
            number("humanSalary", "Annual salary per agent", "USD / year", 0, 10000000,
                    "Gross annual salary of one agent.",
                    "salary", "wage", "wages", "pay", "annual salary", "agent salary", "human salary", "compensation"),
            number("benefitsLoad", "Benefits and payroll taxes", "fraction of salary", 0, 2,
                    "Benefits and payroll taxes on top of salary, as a fraction of it.",
                    "benefits", "benefits load", "payroll taxes", "burden", "burden rate", "fringe", "fringe benefits"),
            number("rent", "Facility rent", "USD / month", 0, 1e9,
                    "Monthly rent of the contact-centre facility.",
                    "rent", "facility cost", "facility rent", "facilities", "office rent", "real estate"),
            number("seatCost", "Technology cost per agent seat", "USD / month", 0, 1e6,
                    "Monthly technology cost (dialer, CRM, telephony) of one agent seat.",
                    "seat cost", "technology cost", "tech cost", "cost per seat", "per-seat cost", "telephony cost",
                    "software cost"),
            number("productiveHours", "Productive hours per agent", "hours / month", 1, 744,
                    "Hours an agent is available for work in a month.",
                    "productive hours", "hours per agent", "working hours", "available hours", "agent hours"),
            number("targetOccupancy", "Target occupancy", "fraction", 0.01, 1,
                    "Share of productive time an agent can spend on accounts.",
                    "occupancy", "target occupancy", "occupancy target"),
            number("peakFactor", "Peak-hour load vs average", "multiplier", 1, 10,
                    "How much the peak-hour workload exceeds the average.",
                    "peak factor", "peak load", "peak-hour load", "peak multiplier"),
            number("peakShare", "Share of contacts made in peak hours", "fraction", 0, 1,
                    "Share of the contacts that happen in peak hours.",
                    "peak share", "peak-hour share", "share of contacts in peak hours", "peak traffic share"),
            number("aiHandleTimeReduction", "AI assist: handle-time reduction", "fraction", 0, 0.95,
                    "How much AI assist shortens a human conversation (AI_AUGMENTED).",
                    "ai handle-time reduction", "handle time reduction", "aht reduction", "aht savings",
                    "ai assist handle time"),
            number("aiPromiseLift", "AI assist: promise-rate lift", "relative", 0, 5,
                    "Relative lift of the promise rate under AI assist (AI_AUGMENTED).",
                    "ai promise lift", "promise lift", "ptp lift", "promise-rate lift", "ai assist lift"),
            number("aiContainment", "AI first: conversations resolved by AI alone", "fraction", 0, 1,
                    "Share of conversations the AI voice agent resolves without a human (AI_FIRST).",
                    "containment", "ai containment", "containment rate", "ai resolution rate", "self-service rate"),
            number("aiContactLift", "AI first: contact-rate lift", "relative", 0, 5,
                    "Relative lift of the contact rate from AI dial timing (AI_FIRST).",
                    "ai contact lift", "contact lift", "rpc lift", "contact-rate lift"),
            number("aiPromiseFactor", "AI first: promise rate vs a human", "multiplier", 0, 2,
                    "The AI voice agent's promise rate as a multiple of a human's (AI_FIRST).",
                    "ai promise factor", "ai promise rate", "ai ptp factor", "bot promise rate"),
            number("aiCostPerMinute", "AI cost per minute", "USD / minute", 0, 100,
                    "What the AI bills per dialing, assisted or talking minute.",
                    "ai cost per minute", "ai per-minute cost", "ai minute rate", "ai usage cost", "per-minute price"),
            number("aiPlatformFee", "AI platform fee", "USD / month", 0, 1e9,
                    "Monthly AI platform fee, due when any bucket uses AI.",
                    "platform fee", "ai platform fee", "ai subscription", "ai license fee", "monthly ai fee"),
            number("aiImplementationCost", "AI implementation, one time", "USD", 0, 1e10,
                    "One-time cost of implementing the AI, against which payback is measured.",
                    "implementation cost", "ai implementation", "ai implementation cost", "setup cost",
                    "one-time cost", "upfront cost", "ai investment"));

    // In BucketInputs component order, strategy last as there.
    private static final List<Spec> BUCKET = List.of(
            number("accounts", "Accounts worked", "per month", 0, 1e9,
                    "Delinquent accounts worked in a month",
                    "accounts", "accounts worked", "volume", "account volume", "number of accounts", "placements"),
            number("avgBalance", "Average balance", "USD", 0, 1e9,
                    "Average delinquent balance of an account",
                    "average balance", "avg balance", "balance", "account balance", "average debt"),
            new Spec("attemptsPerAccount", "Dial attempts allowed per account", "per month", 1.0, 100.0, true,
                    "Dial attempts allowed per account in a month; a whole number",
                    List.of("attempts", "dial attempts", "attempts per account", "call attempts", "dials per account",
                            "dial cap")),
            number("contactRate", "Right-party contact rate per attempt", "fraction", 0, 1,
                    "Chance that one attempt reaches the right party",
                    "rpc rate", "rpc", "contact rate", "right party contact", "right-party contact",
                    "right-party contact rate"),
            number("handleMinutes", "Handle time per conversation", "minutes", 0, 600,
                    "Minutes of one conversation with the right party",
                    "aht", "handle time", "average handle time", "handle minutes", "talk time", "call length"),
            number("dialMinutes", "Agent time per unanswered attempt", "minutes", 0, 60,
                    "Agent minutes spent on an attempt that reaches no one",
                    "dial time", "dial minutes", "dialing time", "time per unanswered attempt", "non-contact time"),
            number("promiseRate", "Promise-to-pay rate per conversation", "fraction", 0, 1,
                    "Share of conversations that end in a promise to pay",
                    "ptp rate", "ptp", "promise rate", "promise-to-pay rate", "promise to pay"),
            number("keptRate", "Promises kept", "fraction", 0, 1,
                    "Share of promises to pay that are kept",
                    "kept rate", "keep rate", "promises kept", "kept promise rate", "ptp kept rate"),
            number("paymentShare", "Share of balance paid on a kept promise", "fraction", 0, 1,
                    "Share of the balance a kept promise pays",
                    "payment share", "share paid", "share of balance paid", "payment size"),
            new Spec(STRATEGY, "Strategy", "enum", null, null, false,
                    "Who works the accounts (HUMAN, AI_AUGMENTED or AI_FIRST)",
                    List.of("strategy", "approach", "treatment", "mode")));

    private static final Map<String, String> BUCKET_DAYS = Map.of(
            "bucket1", "1–30", "bucket2", "31–60", "bucket3", "61–90", "bucket4", "91–120");

    private static final Map<String, String> BUCKET_ALIASES = aliases(Map.of(
            "bucket1", List.of("bucket 1", "bucket one", "b1", "first bucket", "early-stage", "early stage",
                    "1-30", "1–30", "1-30 days"),
            "bucket2", List.of("bucket 2", "bucket two", "b2", "second bucket", "31-60", "31–60", "31-60 days"),
            "bucket3", List.of("bucket 3", "bucket three", "b3", "third bucket", "61-90", "61–90", "61-90 days"),
            "bucket4", List.of("bucket 4", "bucket four", "b4", "fourth bucket", "last bucket", "late-stage",
                    "late stage", "90+", "91-120", "91–120", "91-120 days")));

    // AI_FIRST hands unresolved conversations to humans, so "robot-only" or "fully automated" is no alias of it.
    private static final Map<String, String> STRATEGY_ALIASES = aliases(Map.of(
            Strategy.HUMAN.name(), List.of("human", "humans", "human only", "manual", "agents only"),
            Strategy.AI_AUGMENTED.name(), List.of("ai augmented", "ai-augmented", "ai augmentation", "ai assist",
                    "ai-assisted", "agent assist", "augmented"),
            Strategy.AI_FIRST.name(), List.of("ai first", "ai-first", "ai voice agent", "voice bot first",
                    "ai agent first")));

    private static final Map<String, Integer> OPERATION_SLOTS = slots(OPERATION);
    private static final Map<String, Integer> BUCKET_SLOTS = slots(BUCKET);
    private static final List<InputDef> ALL = expand();
    private static final Map<String, InputDef> BY_PATH = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(InputDef::path, Function.identity()));

    private InputCatalog() {
    }

    /** Every input: the operation inputs, then bucket1's, bucket2's, … in record component order. */
    public static List<InputDef> all() {
        return ALL;
    }

    public static Optional<InputDef> byPath(String path) {
        return path == null ? Optional.empty() : Optional.ofNullable(BY_PATH.get(path));
    }

    /** The keys of the operation inputs (also their paths). */
    public static List<String> operationKeys() {
        return OPERATION.stream().map(Spec::key).toList();
    }

    /** The keys of the inputs every bucket has, as in {@code buckets.bucket2.<key>}. */
    public static List<String> bucketKeys() {
        return BUCKET.stream().map(Spec::key).toList();
    }

    public static String bucketPath(String bucket, String key) {
        return BUCKETS_PREFIX + bucket + "." + key;
    }

    /** Lower-case phrases for the buckets ("early-stage", "31-60", "last bucket") to their names. */
    public static Map<String, String> bucketAliases() {
        return BUCKET_ALIASES;
    }

    /** Lower-case phrases for the strategies ("ai first", "ai assist") to their names. */
    public static Map<String, String> strategyAliases() {
        return STRATEGY_ALIASES;
    }

    /** The input's value in these inputs, typed as {@link InputDef#defaultValue()}. */
    public static Object valueOf(RoiInputs in, InputDef def) {
        return read(in, def.bucket(), def.key(), def.integer());
    }

    /** These inputs with one input replaced, unchecked: a Double, or a Strategy name for a strategy. */
    static RoiInputs with(RoiInputs in, InputDef def, Object value) {
        if (def.bucket() == null) {
            double[] values = operationValues(in);
            values[OPERATION_SLOTS.get(def.key())] = (Double) value;
            return withOperationValues(values, in.buckets());
        }
        BucketInputs b = in.buckets().get(def.bucket());
        BucketInputs changed;
        if (def.isStrategy()) {
            changed = RoiModel.withStrategy(b, Strategy.valueOf((String) value));
        } else {
            double[] values = bucketValues(b);
            values[BUCKET_SLOTS.get(def.key())] = (Double) value;
            changed = withBucketValues(values, b.strategy());
        }
        return RoiModel.withBuckets(in, in.buckets().with(def.bucket(), changed));
    }

    private static double[] operationValues(RoiInputs in) {
        return new double[] {in.humanAgents(), in.humanSalary(), in.benefitsLoad(), in.rent(), in.seatCost(),
                in.productiveHours(), in.targetOccupancy(), in.peakFactor(), in.peakShare(),
                in.aiHandleTimeReduction(), in.aiPromiseLift(), in.aiContainment(), in.aiContactLift(),
                in.aiPromiseFactor(), in.aiCostPerMinute(), in.aiPlatformFee(), in.aiImplementationCost()};
    }

    private static RoiInputs withOperationValues(double[] v, BucketSet<BucketInputs> buckets) {
        return new RoiInputs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                v[14], v[15], v[16], buckets);
    }

    private static double[] bucketValues(BucketInputs b) {
        return new double[] {b.accounts(), b.avgBalance(), b.attemptsPerAccount(), b.contactRate(),
                b.handleMinutes(), b.dialMinutes(), b.promiseRate(), b.keptRate(), b.paymentShare()};
    }

    private static BucketInputs withBucketValues(double[] v, Strategy strategy) {
        return new BucketInputs(v[0], v[1], (int) Math.round(v[2]), v[3], v[4], v[5], v[6], v[7], v[8], strategy);
    }

    private static Object read(RoiInputs in, String bucket, String key, boolean integer) {
        if (bucket == null) {
            return operationValues(in)[OPERATION_SLOTS.get(key)];
        }
        BucketInputs b = in.buckets().get(bucket);
        if (key.equals(STRATEGY)) {
            return b.strategy().name();
        }
        double value = bucketValues(b)[BUCKET_SLOTS.get(key)];
        return integer ? (Object) (int) value : (Object) value;
    }

    private static List<InputDef> expand() {
        List<InputDef> defs = new ArrayList<>();
        for (Spec spec : OPERATION) {
            defs.add(define(spec, null, spec.description()));
        }
        for (String bucket : BucketSet.NAMES) {
            for (Spec spec : BUCKET) {
                defs.add(define(spec, bucket, spec.description() + " in bucket " + bucket.substring("bucket".length())
                        + " (" + BUCKET_DAYS.get(bucket) + " days past due)."));
            }
        }
        return List.copyOf(defs);
    }

    private static InputDef define(Spec spec, String bucket, String description) {
        String path = bucket == null ? spec.key() : bucketPath(bucket, spec.key());
        List<String> values = spec.key().equals(STRATEGY)
                ? Arrays.stream(Strategy.values()).map(Strategy::name).toList()
                : List.of();
        Object defaultValue = read(Defaults.inputs(), bucket, spec.key(), spec.integer());
        return new InputDef(path, spec.key(), bucket, spec.label(), spec.unit(), defaultValue, spec.min(), spec.max(),
                spec.integer(), values, description, spec.synonyms());
    }

    private static Map<String, Integer> slots(List<Spec> specs) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            slots.put(specs.get(i).key(), i);
        }
        return slots;
    }

    /** Inverts name → phrases into phrase → name. */
    private static Map<String, String> aliases(Map<String, List<String>> byName) {
        return byName.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(alias -> Map.entry(alias, e.getKey())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
