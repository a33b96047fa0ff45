package dev.copilotsuite.document.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.copilotsuite.document.ai.NarrativeWriter;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;
import dev.copilotsuite.events.format.Figures;

/**
 * The summary's prose. Whoever writes it, templates offline or Gemini when configured, writes named
 * placeholders ({@code {netRecovery}}) and code puts the model's figures in, so no figure is ever typed by a
 * language model. A Gemini draft that types a number itself (a digit or a number word), names an unknown
 * placeholder, or does not come back in time is discarded for the templates.
 */
@ApplicationScoped
public class Narrative {

    /** Who wrote the prose. */
    public enum Source {
        TEMPLATE, GEMINI
    }

    /** The paragraphs as printed, every placeholder replaced. */
    public record Text(List<String> paragraphs, Source source) {
    }

    private static final Logger LOG = Logger.getLogger(Narrative.class);

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Words that state a quantity; the model must use a placeholder instead. */
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?"
            + "|billions?|trillions?|dozens?|twice|double|triple|half|quarter)\\b");
    private static final int MAX_DRAFT = 2400;
    private static final int MAX_PARAGRAPHS = 6;

    private final NarrativeWriter writer;

    public Narrative(NarrativeWriter writer) {
        this.writer = writer;
    }

    /** Gemini's prose when it is configured and its draft passes, else the templates'. */
    public Text write(CalculatorState state, DriversView drivers, int scenarios) {
        Map<String, String> figures = figures(state, drivers);
        if (writer.configured()) {
            try {
                Optional<String> draft = writer.draft(figures.keySet().stream()
                        .map(name -> name + " = " + figures.get(name)).collect(Collectors.joining("\n")), scenarios);
                Optional<List<String>> accepted = draft.flatMap(d -> accept(d, figures));
                if (accepted.isPresent()) {
                    return new Text(accepted.get(), Source.GEMINI);
                }
                LOG.warnf("Gemini's narrative for version %d was rejected; using the templates", state.version());
            } catch (RuntimeException e) {
                LOG.warnf("Gemini did not write the narrative for version %d (%s); using the templates",
                        state.version(), e.toString());
            }
        }
        return new Text(templates(state, scenarios).stream().map(t -> fill(t, figures)).toList(), Source.TEMPLATE);
    }

    /** The figures a narrative may name, each written as the PDF prints it. */
    static Map<String, String> figures(CalculatorState state, DriversView drivers) {
        RoiInputs in = state.inputs();
        RoiOutputs out = state.outputs();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", Long.toString(state.version()));
        f.put("totalBalance", Figures.money(out.totalBalance()));
        f.put("totalRecovered", Figures.money(out.totalRecovered()));
        f.put("totalCost", Figures.money(out.totalCost()));
        f.put("netRecovery", Figures.money(out.netRecovery()));
        f.put("roi", Figures.multiple(out.roi()));
        f.put("recoveryRate", Figures.percent(out.recoveryRate()));
        f.put("costToCollect", Figures.perDollar(out.costToCollect()));
        f.put("utilization", Figures.percent(out.utilization()));
        f.put("peakUtilization", Figures.percent(out.peakUtilization()));
        f.put("peakThreshold", Figures.percent(Risks.PEAK_UTILIZATION_HIGH));
        f.put("serviceLevel", Figures.percent(out.serviceLevel()));
        f.put("fteRequired", Figures.oneDecimal(out.fteRequired()));
        f.put("humanAgents", Figures.oneDecimal(in.humanAgents()));
        f.put("aiCost", Figures.money(out.aiCost()));
        f.put("incrementalNetRecovery", Figures.money(out.incrementalNetRecovery()));
        f.put("paybackMonths", out.paybackMonths() == null ? Figures.MISSING
                : Figures.oneDecimal(out.paybackMonths()) + " months");
        f.put("aiAnnualRoi", Figures.multiple(out.aiAnnualRoi()));
        f.put("aiImplementationCost", Figures.money(in.aiImplementationCost()));
        String best = BucketSet.NAMES.stream()
                .max((a, b) -> Double.compare(out.buckets().get(a).recovered(), out.buckets().get(b).recovered()))
                .orElseThrow();
        f.put("bestBucket", Ink.daysPastDue(best));
        f.put("bestBucketRecovered", Figures.money(out.buckets().get(best).recovered()));
        String costliest = BucketSet.NAMES.stream().filter(b -> out.buckets().get(b).costToCollect() != null)
                .max((a, b) -> Double.compare(out.buckets().get(a).costToCollect(),
                        out.buckets().get(b).costToCollect()))
                .orElse(best);
        BucketOutputs costliestOut = out.buckets().get(costliest);
        f.put("costliestBucket", Ink.daysPastDue(costliest));
        f.put("costliestBucketCostToCollect", Figures.perDollar(costliestOut.costToCollect()));
        f.put("aiBuckets", BucketSet.NAMES.stream().filter(b -> in.buckets().get(b).strategy() != Strategy.HUMAN)
                .map(b -> Ink.daysPastDue(b) + " (" + Ink.strategy(in.buckets().get(b).strategy()) + ")")
                .collect(Collectors.joining(", ")));
        Optional<DriversView.Sensitivity> top = drivers.sensitivities().stream()
                .filter(s -> s.netRecoveryChange() != 0).findFirst();
        f.put("topDriver", top.map(s -> inSentence(s.label())).orElse(Figures.MISSING));
        f.put("topDriverChange", top.map(s -> Charts.signedMoney(s.netRecoveryChange())).orElse(Figures.MISSING));
        return f;
    }

    /** A label inside a sentence: "dial attempts…" for "Dial attempts…", but "AI cost…" stays. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    /** The offline prose, with placeholders; which sentences appear depends on the state. */
    static List<String> templates(CalculatorState state, int scenarios) {
        RoiOutputs out = state.outputs();
        boolean usesAi = state.inputs().buckets().values().stream().anyMatch(b -> b.strategy() != Strategy.HUMAN);
        List<String> p = new ArrayList<>();
        p.add("At calculator version {version} the operation recovers {totalRecovered} a month from {totalBalance} of "
                + "delinquent balances, at a total cost of {totalCost}. It nets {netRecovery} a month, a return of "
                + "{roi} on its cost; each dollar collected costs {costToCollect}.");
        p.add("The {bestBucket} accounts bring in the most, {bestBucketRecovered} a month; the {costliestBucket} "
                + "accounts cost the most to collect, {costliestBucketCostToCollect} per dollar. "
                + (usesAi ? "AI works {aiBuckets}; human agents work the other buckets."
                        : "Human agents work every bucket."));
        if (!usesAi) {
            p.add("No bucket uses AI at this version, so there is no AI case yet."
                    + (scenarios > 0 ? " The scenario table shows what the moves discussed would do." : ""));
        } else if (out.paybackMonths() != null) {
            p.add("Against the same operation with every bucket worked by humans, AI adds {incrementalNetRecovery} of "
                    + "net recovery a month. The {aiImplementationCost} implementation pays back in {paybackMonths}, "
                    + "an annual return of {aiAnnualRoi}.");
        } else {
            p.add("Against the same operation with every bucket worked by humans, AI changes net recovery by "
                    + "{incrementalNetRecovery} a month, so the {aiImplementationCost} implementation does not pay back.");
        }
        String capacity = "Agents are {utilization} utilized on average and {peakUtilization} in the peak hour, "
                + "against a {peakThreshold} threshold, and the service level is {serviceLevel}.";
        if (out.peakUtilization() == null) {
            capacity = "There are no human agents for {fteRequired} FTE of human work, so that work goes undone.";
        } else if (out.peakUtilization() > Risks.PEAK_UTILIZATION_HIGH) {
            capacity += " Peak-hour contacts will queue or be lost: the work needs {fteRequired} FTE on average "
                    + "and the operation employs {humanAgents}.";
        } else if (out.peakUtilization() < Risks.IDLE_CAPACITY) {
            capacity += " Agent capacity sits idle: the work needs {fteRequired} FTE against {humanAgents} employed.";
        }
        p.add(capacity);
        p.add("Of the inputs, {topDriver} moves net recovery most: raising it by 10% changes net recovery by "
                + "{topDriverChange} a month.");
        return p;
    }

    /** The text with every placeholder replaced; an unknown placeholder is an error. */
    static String fill(String text, Map<String, String> figures) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = figures.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A model's draft as paragraphs with the figures filled in, or empty when it typed a number itself,
     * named an unknown placeholder, left a stray brace, or is empty or overlong.
     */
    public static Optional<List<String>> accept(String draft, Map<String, String> figures) {
        if (draft == null || draft.isBlank() || draft.length() > MAX_DRAFT) {
            return Optional.empty();
        }
        String plain = draft.replaceAll("[*#`_]", "").strip();
        if (plain.codePoints().anyMatch(Character::isDigit) || NUMBER_WORD.matcher(plain).find()) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(plain);
        while (m.find()) {
            if (!figures.containsKey(m.group(1))) {
                return Optional.empty();
            }
        }
        if (PLACEHOLDER.matcher(plain).replaceAll("").matches("(?s).*[{}].*")) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : plain.split("\\n\\s*\\n")) {
            String flat = paragraph.strip().replaceAll("\\s+", " ");
            if (!flat.isEmpty()) {
                paragraphs.add(fill(flat, figures));
            }
        }
        return paragraphs.isEmpty() || paragraphs.size() > MAX_PARAGRAPHS ? Optional.empty()
                : Optional.of(List.copyOf(paragraphs));
    }
}
