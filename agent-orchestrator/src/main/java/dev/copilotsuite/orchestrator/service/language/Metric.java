package dev.copilotsuite.orchestrator.service.language;

import java.util.List;

/**
 * An output people ask about, with the words they use for it and how the suite writes it.
 *
 * @param key       the operation output key in RoiOutputs, or null when it exists per bucket only
 * @param bucketKey the bucket output key in BucketOutputs, or null when it exists for the operation only
 * @param style     how a figure of it is written (Figures)
 * @param higherIsWorse for ranking questions ("most expensive"): true when a high value is the problem
 */
public record Metric(String key, String bucketKey, String label, Style style, boolean higherIsWorse,
        List<String> phrases) {

    public enum Style {
        PERCENT, MONEY, PER_DOLLAR, ONE_DECIMAL, MULTIPLE
    }

    /** The key the evaluation and the focus use: the operation key, else the bucket key. */
    public String name() {
        return key != null ? key : bucketKey;
    }

    /** Every metric the analyst can explain, most specific phrases first within each. */
    public static final List<Metric> ALL = List.of(
            new Metric("peakUtilization", null, "peak utilization", Style.PERCENT, true,
                    List.of("peak utilization", "peak utilisation", "peak-hour utilization", "peak hour utilization",
                            "peak util", "peak usage", "utilization at peak", "utilization in peak hours")),
            new Metric("utilization", null, "utilization", Style.PERCENT, true,
                    List.of("average utilization", "utilization", "utilisation", "how busy", "agent utilization")),
            new Metric("serviceLevel", null, "service level", Style.PERCENT, false,
                    List.of("service level", "service-level", "sla")),
            new Metric("fteRequired", "fteRequired", "FTE required", Style.ONE_DECIMAL, true,
                    List.of("fte required", "required fte", "fte needed", "fte do i need", "fte do we need",
                            "fte i need", "fte we need", "how many fte", "agents do i need", "agents do we need",
                            "agents i need", "agents we need", "agents needed", "staff needed", "staffing need",
                            "staffing requirement", "headcount needed", "need to hire")),
            new Metric("recoveryRate", "recoveryRate", "recovery rate", Style.PERCENT, false,
                    List.of("recovery rate", "recovery rates", "liquidation rate", "recover rate", "recovery %")),
            new Metric("netRecovery", null, "net recovery", Style.MONEY, false,
                    List.of("net recovery", "net recoveries", "net collections", "net", "bottom line", "profit")),
            new Metric("totalRecovered", "recovered", "recovered", Style.MONEY, false,
                    List.of("total recovered", "amount recovered", "recovered", "recoveries", "collections",
                            "collected", "how much do we collect", "how much do i collect", "gross recovery")),
            new Metric("costToCollect", "costToCollect", "cost to collect", Style.PER_DOLLAR, true,
                    List.of("cost to collect", "cost-to-collect", "expensive to collect", "cost per dollar",
                            "cost per dollar collected", "cost per dollar recovered", "collection cost ratio",
                            "most expensive", "least expensive", "cheapest", "efficient")),
            new Metric("totalCost", "cost", "total monthly cost", Style.MONEY, true,
                    List.of("total monthly cost", "total cost", "monthly cost", "operating cost", "costs", "cost",
                            "spend", "spending", "expenses", "opex")),
            new Metric("aiAnnualRoi", null, "annual ROI of the AI investment", Style.MULTIPLE, false,
                    List.of("annual roi", "ai roi", "ai annual roi", "annual return", "return on the ai")),
            new Metric("roi", null, "ROI", Style.MULTIPLE, false,
                    List.of("roi", "return on investment", "return")),
            new Metric("paybackMonths", null, "AI payback", Style.ONE_DECIMAL, true,
                    List.of("payback period", "payback", "pay back", "pays back", "break even", "breakeven",
                            "break-even")),
            new Metric("incrementalNetRecovery", null, "incremental net recovery from AI", Style.MONEY, false,
                    List.of("incremental net recovery", "incremental", "uplift", "ai benefit", "ai gain",
                            "extra net recovery", "ai upside")),
            new Metric("baselineNetRecovery", null, "all-human baseline net recovery", Style.MONEY, false,
                    List.of("baseline net recovery", "baseline", "all-human", "all human")),
            new Metric("humanCost", null, "human cost", Style.MONEY, true,
                    List.of("human cost", "labor cost", "labour cost", "staff cost", "payroll", "people cost")),
            new Metric("aiCost", null, "AI cost", Style.MONEY, true,
                    List.of("ai cost", "ai costs", "ai spend", "ai bill")),
            new Metric("totalBalance", "balance", "balance worked", Style.MONEY, false,
                    List.of("total balance", "balances", "portfolio", "balance worked")),
            new Metric(null, "conversations", "conversations", Style.ONE_DECIMAL, false,
                    List.of("conversations", "right-party conversations")),
            new Metric(null, "promises", "promises to pay", Style.ONE_DECIMAL, false,
                    List.of("promises", "promises to pay")),
            new Metric(null, "reach", "reach", Style.PERCENT, false, List.of("reach")));
}
