package dev.copilotsuite.orchestrator.service.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.Strategy;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.model.Focus;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.model.Step;
import dev.copilotsuite.orchestrator.model.Step.Ask;

/**
 * The offline brain's understanding: a message and the conversation's focus in, the steps it asks for out,
 * with exact change batches. It only proposes: bounds and paths are checked where the state lives, in
 * calculator-service, so a hostile or confused message can never bypass validation.
 */
public final class MessageReader {

    private static final Pattern UNDO = Pattern.compile(
            "\\b(undo|revert|roll ?back|put (it|that|them|those|this) back|take (it|that) back|go back to (how|what) it was|"
                    + "cancel (that|the last) change|reverse (that|it|the last change)|change it back|set it back)\\b");
    private static final Pattern GENERATE = Pattern.compile(
            "\\b(executive summary|summary|summarise|summarize|report|pdf|1[- ]pager|1[- ]page|board deck|deck|briefing|"
                    + "brief|memo|write[- ]up|slide)\\b");
    private static final Pattern APPLY = Pattern.compile(
            "\\b(apply|go ahead|make (that|the|this|those) changes?|do (it|that|this)|let do (it|that|this)|go with|"
                    + "lock (it|that|this) in|commit (it|that|this)|implement (it|that|this)|make it so|keep (it|that|this))\\b");
    private static final Pattern SAME = Pattern.compile("\\b(do the same|same (thing |change )?(for|to|in|on)|likewise (for|in)|"
            + "repeat (that|it|this) (for|in|on))\\b");
    private static final Pattern MEANT = Pattern.compile("\\b(i meant|i mean|meant|should have been|should be)\\b");
    private static final Pattern JUST = Pattern.compile("^(?:ok(?:ay)?\\s+|fine\\s+|then\\s+)?(?:just|only)\\b|\\b(?:just|only) the\\b");
    private static final Pattern WHAT_ABOUT = Pattern.compile("\\b(what about|how about|what if it were|what if it was|"
            + "and with|try)\\b");
    private static final Pattern MORE = Pattern.compile("^(?:and\\s+|plus\\s+|another\\s+)?(?<n>-?\\d[\\d,.]*)\\s*(?<more>more|extra|less|fewer)?$"
            + "|\\b(?<n2>\\d[\\d,.]*)\\s+(?<more2>more|extra|less|fewer)\\b");
    private static final Pattern WHAT_IF = Pattern.compile("\\b(what if|what happens if|what would happen|what would|"
            + "what will happen if|suppose|supposing|imagine|hypothetically|how much would|how would|would it help|"
            + "if (i|we) (had|have|were|moved|switched|went|cut|added|raised|increased|reduced|lowered|dropped|doubled|"
            + "halved|set|made|hired|lost|put)|simulate|what-if|scenario)\\b");
    private static final Pattern REFERS = Pattern.compile("\\b(that|it|this|those|these|them)\\b");
    private static final Pattern SINCE_CHANGE = Pattern.compile("\\b(how did (that|it|this)|what did (that|it|this)|"
            + "did (that|it|this) (change|help|improve|move|affect|do)|what (does|did) (that|it|this) do|how (has|does) (that|it|this)|"
            + "(that|it|this) (change|changes|affect|affects|impact|impacts|do to|does to|mean for|means for))\\b");
    private static final Pattern THAN = Pattern.compile("\\b(than|versus|vs|compared (to|with)|compare|difference between)\\b");
    private static final Pattern WHY = Pattern.compile("\\b(why|explain|what drives|what is driving|what driving|how come|"
            + "reason|cause|causing|break down|breakdown)\\b");
    private static final Pattern WHICH = Pattern.compile("\\b(which|what) buckets?\\b|\\brank\\b|\\bworst bucket\\b|\\bbest bucket\\b");
    private static final Pattern QUESTION = Pattern.compile("^(what|why|how|which|who|where|when|is|are|does|do|did|can|could|"
            + "would|will|should|show|tell|give|explain|list|compare)\\b|\\b(what|why|how many|how much|tell me|show me)\\b");
    private static final Pattern GREETING = Pattern.compile("^(hi|hello|hey|good (morning|afternoon|evening)|yo)\\b|"
            + "\\b(what can you (do|help)|help me with|how do (i|you) use|who are you|what are you)\\b|^help$");
    private static final Pattern THANKS = Pattern.compile("^(ok(ay)?\\s+)?(thanks|thank you|thx|cheers|great|perfect|"
            + "awesome|nice|cool|got it|ok|okay|bye|goodbye)\\b");
    private static final Pattern CHANGE_VERB = Pattern.compile("\\b(set|setting|make|making|change|changing|increas\\w*|"
            + "rais\\w*|bump\\w*|boost\\w*|lift\\w*|grow\\w*|reduc\\w*|decreas\\w*|lower\\w*|cut|cutting|drop\\w*|trim\\w*|"
            + "shrink\\w*|slash\\w*|add|adding|added|hire|hiring|hired|remov\\w*|lose|losing|lost|fire|firing|doubl\\w*|"
            + "halv\\w*|tripl\\w*|quadrupl\\w*|switch\\w*|mov\\w*|put|putting|updat\\w*|adjust\\w*|bring\\w*|push\\w*|"
            + "turn\\w*|convert\\w*|modify|shift\\w*|go to|take)\\b");
    private static final Pattern SCENARIO_VERB = Pattern.compile("\\b(had|have|having|went|go|goes|were|was|with)\\b");
    private static final Pattern DECREASE = Pattern.compile("\\b(reduc\\w*|decreas\\w*|lower\\w*|cut|cutting|drop\\w*|trim\\w*|"
            + "shrink\\w*|slash\\w*|remov\\w*|lose|losing|lost|fire|firing|fewer|less|down|minus|subtract\\w*|take away)\\b");
    private static final Pattern ADD_VERB = Pattern.compile("\\b(add|adding|added|hire|hiring|hired|remov\\w*|lose|losing|lost|"
            + "fire|firing|plus|minus|more|fewer|extra|another)\\b");
    private static final Pattern MOVE_VERB = Pattern.compile("\\b(increas\\w*|rais\\w*|bump\\w*|boost\\w*|lift\\w*|grow\\w*|"
            + "reduc\\w*|decreas\\w*|lower\\w*|cut|cutting|drop\\w*|trim\\w*|shrink\\w*|slash\\w*)\\b");
    private static final Pattern SET_VERB = Pattern.compile("\\b(set|setting|make|making|change|changing|put|update\\w*|"
            + "adjust\\w*|switch\\w*|mov\\w*|bring\\w*|had|have|having|were|was|with|go to)\\b");
    private static final Pattern STRATEGY_VERB = Pattern.compile("\\b(make|making|switch\\w*|mov\\w*|put|turn\\w*|convert\\w*|"
            + "change\\w*|set|go|went|run|use|using)\\b");
    private static final Pattern UNIT = Pattern.compile("^\\s*(?<unit>%|percent(?:age)?\\s+points?|percent|pct|points?|pts?|pp|"
            + "basis points?|bps|cents?)");
    private static final Pattern CONNECTOR = Pattern.compile(
            "\\s*(?:;|,\\s*and then\\b|\\band then\\b|,\\s*then\\b|\\bthen\\b|,\\s*and\\b|\\band\\b|\\balso\\b|\\bplus\\b)\\s*");
    private static final Pattern BUCKET_AND = Pattern.compile(
            "\\b(buckets?\\s*\\d+(?:\\s*[,&]\\s*\\d+)*)\\s*(?:,\\s*)?and\\s+(bucket\\s*)?(\\d+)\\b");
    private static final Pattern ALSO = Pattern.compile("\\b(also|too|as well|additionally|on top)\\b");
    private static final Pattern PRONOUN_BUCKET = Pattern.compile("\\b(its|it|there|this bucket|that bucket|same bucket|"
            + "this one|that one|this|that)\\b");
    private static final Pattern EVERY = Pattern.compile("\\b(all|every|each|everything|everywhere)\\b");

    /** Longer messages are refused whole: no request needs more, and it bounds the work one message can cost. */
    public static final int MAX_LENGTH = 2000;

    private final Lexicon lexicon;

    public MessageReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** The steps a message asks for, in order; a REJECT step alone when any part of a change is impossible. */
    public List<Step> read(String message, Focus focus) {
        if (message.length() > MAX_LENGTH) {
            return List.of(Step.other(Ask.CLARIFY, "That message is too long for me to act on safely. Please ask "
                    + "for one thing at a time, in under " + MAX_LENGTH + " characters; nothing was changed."));
        }
        String text = normalise(message);
        boolean whatIf = WHAT_IF.matcher(text).find();
        List<String> clauses = clauses(text);
        List<Step> steps = new ArrayList<>();
        Step previous = null;
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            String next = i + 1 < clauses.size() ? clauses.get(i + 1) : "";
            Step step = clause(clause, next, text, focus, whatIf, previous);
            if (step != null) {
                steps.add(step);
                previous = step;
            }
        }
        return merge(steps, text);
    }

    static String normalise(String message) {
        String text = message.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-').replace('\u2014', '-')
                .replace('\u00d7', 'x');
        text = text.replaceAll("[!?]+", " ").replaceAll("\\.(\\s|$)", " ").replaceAll("[\"“”()]", " ");
        text = text.replaceAll("(\\w)'s\\b", "$1").replaceAll("(\\w)'(re|ve|ll|d|m)\\b", "$1");
        text = Numbers.digits(text);
        text = text.replaceAll("(\\d)\\s*%", "$1%");
        return text.replaceAll("\\s+", " ").trim();
    }

    private List<String> clauses(String text) {
        String protectedText = text;
        for (int i = 0; i < 8 && BUCKET_AND.matcher(protectedText).find(); i++) {
            protectedText = BUCKET_AND.matcher(protectedText).replaceFirst("$1 & $3");
        }
        protectedText = protectedText.replaceAll("\\b(between|compare)\\s+(bucket\\s*\\d)\\s+and\\s+", "$1 $2 & ");
        List<String> clauses = new ArrayList<>();
        for (String part : CONNECTOR.split(protectedText)) {
            String clause = part.replaceAll("^[,\\s]+|[,\\s]+$", "").replaceAll("^(ok|okay|so|well|great|fine|"
                    + "actually|sorry|right|alright)\\b[,\\s]*", "").trim();
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        if (clauses.isEmpty() && !text.isBlank()) {
            clauses.add(text);
        }
        return clauses;
    }

    private Step clause(String clause, String next, String whole, Focus focus, boolean whatIf, Step previous) {
        if (UNDO.matcher(clause).find()) {
            return Step.of(Routes.UNDO);
        }
        if (GENERATE.matcher(clause).find() && !WHAT_IF.matcher(clause).find()) {
            return Step.of(Routes.GENERATE);
        }
        Step followUp = followUp(clause, whole, focus, whatIf);
        if (followUp != null) {
            return followUp;
        }
        Step change = change(clause, next, whole, focus, whatIf, previous);
        if (change != null) {
            return change;
        }
        Step analysis = analysis(clause, whole, focus, whatIf, previous);
        if (analysis != null) {
            return analysis;
        }
        if (GREETING.matcher(clause).find()) {
            return Step.other(Ask.HELP, null);
        }
        if (THANKS.matcher(clause).find()) {
            return Step.other(Ask.THANKS, null);
        }
        if (previous != null) {
            return null; // a filler clause of a message that already asked for something
        }
        return Step.other(QUESTION.matcher(clause).find() ? Ask.OFF_TOPIC : Ask.HELP, null);
    }

    /** "apply it", "do the same for bucket 3", "I meant bucket 4", "just the agents", "what about 45?", "and 5 more". */
    private Step followUp(String clause, String whole, Focus focus, boolean whatIf) {
        List<String> buckets = lexicon.buckets(clause);
        Optional<Double> number = firstNumber(lexicon.withoutBuckets(clause));
        if (APPLY.matcher(clause).find() && !focus.scenario().isEmpty() && lexicon.input(clause, false).isEmpty()) {
            List<ChangeOp> ops = onlyBuckets(focus.scenario(), buckets);
            if (number.isPresent()) {
                ops = withValue(ops, number.get());
            }
            return Step.change(Routes.MODIFY, ops, focus.metric());
        }
        if (focus.request().isEmpty()) {
            return null;
        }
        String route = Routes.SCENARIO.equals(focus.route()) ? Routes.SCENARIO : Routes.MODIFY;
        if (SAME.matcher(clause).find() && !buckets.isEmpty()) {
            return Step.change(route, inBuckets(focus.request(), buckets), focus.metric());
        }
        if (MEANT.matcher(clause).find() && !buckets.isEmpty() && lexicon.input(clause, true).isEmpty()) {
            return Step.change(route, inBuckets(focus.request(), buckets), focus.metric());
        }
        if (MEANT.matcher(clause).find() && number.isPresent() && lexicon.input(clause, true).isEmpty()) {
            return Step.change(route, withValue(focus.request(), number.get()), focus.metric());
        }
        if (JUST.matcher(clause).find() && number.isEmpty()) {
            List<Lexicon.Found<InputDef>> named = lexicon.inputs(lexicon.withoutBuckets(clause));
            List<ChangeOp> kept = focus.request().stream()
                    .filter(op -> named.stream().anyMatch(f -> keyOf(op.path()).equals(f.value().key()))
                            || !buckets.isEmpty() && buckets.contains(bucketOf(op.path())))
                    .toList();
            if (!kept.isEmpty()) {
                return Step.change(route, kept, focus.metric());
            }
        }
        if (WHAT_ABOUT.matcher(clause).find() && lexicon.input(clause, true).isEmpty()) {
            Optional<Lexicon.Found<Metric>> metric = lexicon.metric(clause);
            if (metric.isPresent() && Routes.ANALYZE.equals(focus.route())) {
                return Step.analyze(metric.get().value().name(), buckets, Ask.VALUE);
            }
            if (!buckets.isEmpty() && Routes.ANALYZE.equals(focus.route()) && focus.metric() != null) {
                return Step.analyze(focus.metric(), buckets, Ask.VALUE);
            }
            String lastRoute = Routes.SCENARIO.equals(focus.route()) || whatIf ? Routes.SCENARIO : Routes.MODIFY;
            if (number.isPresent() && distinctPaths(focus.request()) == 1) {
                return Step.change(lastRoute, withValue(focus.request(), number.get()), focus.metric());
            }
            if (!buckets.isEmpty()) {
                return Step.change(lastRoute, inBuckets(focus.request(), buckets), focus.metric());
            }
        }
        Matcher more = MORE.matcher(clause);
        if (more.find() && lexicon.input(clause, true).isEmpty() && distinctPaths(focus.request()) == 1) {
            String digits = more.group("n") != null ? more.group("n") : more.group("n2");
            String word = more.group("more") != null ? more.group("more") : more.group("more2");
            double n = Double.parseDouble(digits.replace(",", ""));
            ChangeOp last = focus.request().get(0);
            boolean less = word != null && (word.equals("less") || word.equals("fewer"));
            if (word != null || last.op() == ChangeOp.Kind.ADD) {
                double step = less ? -Math.abs(n) : n;
                if (last.op() == ChangeOp.Kind.ADD && fractional(lexicon.input(last.path())) && Math.abs(step) >= 1) {
                    step = step / 100; // "5 more" after "by 5 points"
                }
                return Step.change(route, List.of(ChangeOp.add(last.path(), step)), focus.metric());
            }
        }
        return null;
    }

    /** A change or a what-if; null when the clause changes nothing. */
    private Step change(String clause, String next, String whole, Focus focus, boolean whatIf, Step previous) {
        List<String> named = lexicon.buckets(clause);
        String rest = lexicon.withoutBuckets(clause);
        List<Lexicon.Found<InputDef>> inputs = lexicon.inputs(rest);
        inputs = inputs.stream().filter(f -> !f.value().isStrategy()).toList();
        Optional<Lexicon.Found<Strategy>> strategy = lexicon.strategy(rest);
        boolean verb = CHANGE_VERB.matcher(clause).find() || whatIf && SCENARIO_VERB.matcher(clause).find();
        boolean question = QUESTION.matcher(clause).find() && !whatIf;
        boolean continuesChange = previous != null
                && (Routes.MODIFY.equals(previous.route()) || Routes.SCENARIO.equals(previous.route()));
        Optional<Quantity> quantity = quantity(rest, clause);
        String route = whatIf ? Routes.SCENARIO : Routes.MODIFY;

        // A strategy for one or more buckets: "switch bucket 4 to AI first", "what if every bucket went AI-assisted".
        if (strategy.isPresent() && (inputs.isEmpty() || strategy.get().start() < inputs.get(0).start() && quantity.isEmpty())
                && (verb || whatIf || continuesChange || !named.isEmpty())
                && !(question && !verb && named.isEmpty())) {
            List<String> buckets = bucketsFor(clause, named, whole, focus);
            if (buckets.isEmpty()) {
                return Step.other(Ask.CLARIFY, "Which bucket should move to " + label(strategy.get().value())
                        + "? Say, for example, \"switch bucket 2 to " + label(strategy.get().value()) + "\".");
            }
            List<ChangeOp> ops = buckets.stream().map(b -> new ChangeOp(ChangeOp.Kind.STRATEGY,
                    "buckets." + b + ".strategy", strategy.get().value().name())).toList();
            return scenarioOrChange(route, ops, whatIf, focus, clause);
        }
        if (inputs.isEmpty()) {
            // "set them to 25", "make it 45": the input of the last request.
            if ((verb || continuesChange) && quantity.isPresent() && REFERS.matcher(clause).find()
                    && distinctPaths(focus.request()) == 1 && !question) {
                InputDef input = lexicon.input(focus.request().get(0).path());
                if (input != null) {
                    ChangeOp op = operation(clause, quantity.get(), focus.request().get(0).path(), input);
                    return op == null ? null : scenarioOrChange(route, List.of(op), whatIf, focus, clause);
                }
            }
            if (verb && !question && !named.isEmpty() && quantity.isEmpty() && STRATEGY_VERB.matcher(clause).find()) {
                String asked = rest.replaceAll(STRATEGY_VERB.pattern(), " ").replaceAll("\\b(to|the|a|an|into|please|"
                        + "fully|completely)\\b", " ").replaceAll("\\s+", " ").trim();
                if (!asked.isEmpty()) {
                    return Step.reject(List.of(), "\"" + asked + "\" is not a strategy. A bucket can be worked by "
                            + "humans (HUMAN), by agents with AI assist (AI_AUGMENTED) or by an AI voice agent first "
                            + "(AI_FIRST).");
                }
            }
            if (verb && !question && quantity.isPresent() && lexicon.metric(rest).isEmpty()) {
                String asked = rest.replaceAll(CHANGE_VERB.pattern(), " ").replaceAll(Numbers.NUMBER.pattern(), " ")
                        .replaceAll("\\b(to|by|the|a|an|my|our|of|please|%|percent|points?)\\b", " ")
                        .replaceAll("[%$]", " ").replaceAll("\\s+", " ").trim();
                if (!asked.isEmpty() && !whatIf) {
                    return Step.reject(List.of(), "I don't know an input called \"" + asked + "\". Inputs are named as "
                            + "in the calculator, e.g. human agents, annual salary, facility rent, or a bucket's "
                            + "contact rate.");
                }
            }
            return null;
        }
        if (question && !verb && quantity.isEmpty()) {
            return null; // "what's my rent?" is a question, not a change
        }
        if (!verb && !continuesChange && !whatIf && (quantity.isEmpty() || !quantity.get().prep().equals("to"))) {
            return null;
        }
        List<ChangeOp> ops = new ArrayList<>();
        for (Lexicon.Found<InputDef> found : inputs) {
            Optional<Quantity> own = quantity.isPresent() ? quantity : quantity(lexicon.withoutBuckets(next), next);
            if (own.isEmpty() && !SCALE_WORD.matcher(clause).find()) {
                if (inputs.size() == 1) {
                    return null;
                }
                continue;
            }
            InputDef input = found.value();
            List<String> buckets = input.bucket() == null ? List.of() : bucketsFor(clause, named, whole, focus);
            if (input.bucket() != null && buckets.isEmpty()) {
                buckets = Lexicon.BUCKETS;
            }
            for (String path : input.bucket() == null ? List.of(input.path())
                    : buckets.stream().map(b -> Lexicon.pathOf(input, b)).toList()) {
                ChangeOp op = operation(clause, own.orElse(null), path, input);
                if (op != null) {
                    ops.add(op);
                }
            }
        }
        if (ops.isEmpty()) {
            return null;
        }
        return scenarioOrChange(route, ops, whatIf, focus, clause);
    }

    private Step scenarioOrChange(String route, List<ChangeOp> ops, boolean whatIf, Focus focus, String clause) {
        if (whatIf && ALSO.matcher(clause).find() && Routes.SCENARIO.equals(focus.route())) {
            Map<String, ChangeOp> merged = new LinkedHashMap<>();
            focus.scenario().forEach(op -> merged.put(op.path(), op));
            ops.forEach(op -> merged.put(op.path(), op));
            return Step.change(route, List.copyOf(merged.values()), focus.metric());
        }
        return Step.change(route, ops, null);
    }

    /** A question about a figure: "why is my peak utilization so high?", "which bucket is the most expensive?". */
    private Step analysis(String clause, String whole, Focus focus, boolean whatIf, Step previous) {
        Optional<Lexicon.Found<Metric>> metric = lexicon.metric(clause);
        Optional<Lexicon.Found<InputDef>> input = lexicon.input(lexicon.withoutBuckets(clause), true);
        if (input.isPresent() && metric.isPresent() && input.get().phrase().length() > metric.get().phrase().length()) {
            metric = Optional.empty();
        }
        boolean refers = REFERS.matcher(clause).find() || PRONOUN_BUCKET.matcher(clause).find();
        boolean why = WHY.matcher(clause).find();
        boolean asks = QUESTION.matcher(clause).find() || why || clause.startsWith("and ") || metric.isPresent();
        if (!asks) {
            return null;
        }
        // A question about a what-if just discussed stays a what-if: "what would that do to my net recovery?"
        if (Routes.SCENARIO.equals(focus.route()) && !focus.scenario().isEmpty() && refers
                && (whatIf || clause.contains("would")) && (metric.isPresent() || !why)) {
            return Step.change(Routes.SCENARIO, focus.scenario(), metric.map(m -> m.value().name()).orElse(focus.metric()));
        }
        List<String> named = lexicon.buckets(clause);
        if (metric.isEmpty() && input.isPresent() && !why) {
            InputDef def = input.get().value();
            List<String> buckets = def.bucket() == null ? List.of() : bucketsFor(clause, named, whole, focus);
            String path = def.bucket() == null ? def.path()
                    : Lexicon.pathOf(def, buckets.isEmpty() ? "bucket1" : buckets.get(0));
            return Step.analyze(path, buckets.isEmpty() ? List.of() : buckets, Ask.INPUT);
        }
        String name = metric.map(m -> m.value().name()).orElse(null);
        if (name == null && (why || refers || THAN.matcher(clause).find() || WHICH.matcher(clause).find())) {
            name = focus.metric();
        }
        if (name == null) {
            return null;
        }
        List<String> buckets = new ArrayList<>();
        if (THAN.matcher(clause).find()) {
            if (PRONOUN_BUCKET.matcher(clause).find() || named.size() < 2) {
                focus.buckets().stream().filter(b -> !named.contains(b)).findFirst().ifPresent(buckets::add);
            }
            named.stream().filter(b -> !buckets.contains(b)).forEach(buckets::add);
            if (buckets.size() >= 2) {
                return Step.analyze(name, buckets, Ask.COMPARE);
            }
        }
        buckets.clear();
        buckets.addAll(named);
        if (buckets.isEmpty() && PRONOUN_BUCKET.matcher(clause).find() && metric.isEmpty()) {
            buckets.addAll(focus.buckets());
        }
        if (WHICH.matcher(clause).find()) {
            return Step.analyze(name, List.of(), Ask.WHICH);
        }
        if (SINCE_CHANGE.matcher(clause).find() && focus.changedTo() != null
                && (Routes.MODIFY.equals(focus.route()) || Routes.UNDO.equals(focus.route()))) {
            return Step.analyze(name, buckets, Ask.SINCE_CHANGE);
        }
        return Step.analyze(name, buckets, why ? Ask.WHY : Ask.VALUE);
    }

    /** Consecutive changes become one batch (all or nothing); a refused part refuses the whole turn. */
    private static List<Step> merge(List<Step> steps, String text) {
        for (Step step : steps) {
            if (Routes.REJECT.equals(step.route())) {
                return List.of(step);
            }
        }
        List<Step> merged = new ArrayList<>();
        for (Step step : steps) {
            Step last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            boolean batch = Routes.MODIFY.equals(step.route()) || Routes.SCENARIO.equals(step.route());
            if (last != null && batch && last.route().equals(step.route())) {
                List<ChangeOp> ops = new ArrayList<>(last.ops());
                step.ops().stream().filter(op -> !ops.contains(op)).forEach(ops::add);
                merged.set(merged.size() - 1, Step.change(step.route(), ops, last.metric() != null ? last.metric()
                        : step.metric()));
            } else if (last != null && Routes.OTHER.equals(step.route()) && !Routes.OTHER.equals(last.route())
                    && step.ask() != Ask.CLARIFY) {
                continue; // "thanks" after a real request adds nothing
            } else if (last != null && Routes.OTHER.equals(last.route()) && last.ask() != Ask.CLARIFY) {
                merged.set(merged.size() - 1, step); // "hi, what's my ROI?"
            } else {
                merged.add(step);
            }
        }
        if (merged.isEmpty()) {
            merged.add(Step.other(Ask.HELP, null));
        }
        return merged;
    }

    // --- Quantities and operations

    private static final Pattern SCALE_WORD = Pattern.compile("\\b(doubl\\w*|twice|halv\\w*|half|tripl\\w*|quadrupl\\w*)\\b");

    /** A number in a clause, with the word before it ("to", "by") and its unit. */
    record Quantity(String prep, double value, String unit) {
        boolean percent() {
            return unit.startsWith("%") || unit.startsWith("percent") && !unit.contains("point") || unit.equals("pct");
        }

        boolean points() {
            return unit.contains("point") || unit.startsWith("pt") || unit.equals("pp");
        }
    }

    private static Optional<Quantity> quantity(String rest, String clause) {
        Matcher m = Numbers.NUMBER.matcher(rest);
        Quantity first = null;
        while (m.find()) {
            String before = rest.substring(0, m.start()).trim();
            String prep = before.endsWith(" to") || before.equals("to") ? "to"
                    : before.endsWith(" by") || before.equals("by") ? "by" : "";
            Matcher unit = UNIT.matcher(rest.substring(m.end()));
            String u = unit.find() ? unit.group("unit") : "";
            double value = Numbers.of(m);
            if (u.startsWith("basis") || u.equals("bps")) {
                value = value / 100;
                u = "points";
            }
            if (u.startsWith("cent")) {
                value = value / 100;
                u = "";
            }
            Quantity q = new Quantity(prep, value, u);
            if (!prep.isEmpty()) {
                return Optional.of(q);
            }
            if (first == null) {
                first = q;
            }
        }
        return Optional.ofNullable(first);
    }

    private static Optional<Double> firstNumber(String text) {
        Matcher m = Numbers.NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double value = Numbers.of(m);
        Matcher unit = UNIT.matcher(text.substring(m.end()));
        if (unit.find() && (unit.group("unit").startsWith("%") || unit.group("unit").startsWith("percent"))) {
            value = value / 100; // "what about 25%?" after a rate
        }
        return Optional.of(value);
    }

    /** The README's conventions: "to X" sets, "by N%" scales, "by N points" adds, "add/remove N" adds. */
    private ChangeOp operation(String clause, Quantity q, String path, InputDef input) {
        Matcher scale = SCALE_WORD.matcher(clause);
        if (scale.find()) {
            String word = scale.group(1);
            double factor = word.startsWith("doubl") || word.equals("twice") ? 2
                    : word.startsWith("tripl") ? 3 : word.startsWith("quadrupl") ? 4 : 0.5;
            return ChangeOp.scale(path, factor);
        }
        if (q == null) {
            return null;
        }
        int direction = DECREASE.matcher(clause).find() ? -1 : 1;
        double n = q.value();
        boolean fraction = fractional(input);
        if (q.prep().equals("by")) {
            if (q.percent()) {
                return ChangeOp.scale(path, 1 + direction * Math.abs(n) / 100);
            }
            if (q.points() || fraction && Math.abs(n) >= 1) {
                return ChangeOp.add(path, direction * Math.abs(n) / 100);
            }
            return ChangeOp.add(path, direction * Math.abs(n));
        }
        if (q.prep().equals("to") || SET_VERB.matcher(clause).find() && !ADD_VERB.matcher(clause).find()) {
            return ChangeOp.set(path, fraction && (q.percent() || q.points() || n > 1 && input.max() != null
                    && input.max() <= 1) ? n / 100 : n);
        }
        if (ADD_VERB.matcher(clause).find() || MOVE_VERB.matcher(clause).find()) {
            if (q.percent() && !ADD_VERB.matcher(clause).find()) {
                return ChangeOp.scale(path, 1 + direction * Math.abs(n) / 100);
            }
            double amount = q.points() || q.percent() && fraction ? Math.abs(n) / 100 : Math.abs(n);
            return ChangeOp.add(path, direction * amount);
        }
        return ChangeOp.set(path, fraction && (q.percent() || q.points()) ? n / 100 : n);
    }

    // --- Focus helpers

    /** The buckets a bucket input or strategy applies to: named, else "its"/"there" from the focus, else the message's. */
    private List<String> bucketsFor(String clause, List<String> named, String whole, Focus focus) {
        if (!named.isEmpty()) {
            return named;
        }
        if (EVERY.matcher(clause).find() && clause.contains("bucket")) {
            return Lexicon.BUCKETS;
        }
        List<String> inMessage = lexicon.buckets(whole);
        if (!inMessage.isEmpty()) {
            return inMessage;
        }
        if (PRONOUN_BUCKET.matcher(clause).find() && !focus.buckets().isEmpty()) {
            return focus.buckets().subList(0, 1);
        }
        return List.of();
    }

    private static List<ChangeOp> inBuckets(List<ChangeOp> ops, List<String> buckets) {
        List<ChangeOp> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ChangeOp op : ops) {
            if (!op.path().startsWith("buckets.")) {
                out.add(op);
                continue;
            }
            String key = keyOf(op.path());
            if (seen.contains(key + op.op())) {
                continue;
            }
            seen.add(key + op.op());
            for (String bucket : buckets) {
                out.add(new ChangeOp(op.op(), "buckets." + bucket + "." + key, op.value()));
            }
        }
        return out;
    }

    private static List<ChangeOp> onlyBuckets(List<ChangeOp> ops, List<String> buckets) {
        if (buckets.isEmpty()) {
            return ops;
        }
        List<ChangeOp> kept = ops.stream().filter(op -> !op.path().startsWith("buckets.")
                || buckets.contains(bucketOf(op.path()))).toList();
        return kept.isEmpty() ? inBuckets(ops, buckets) : kept;
    }

    private ChangeOp retarget(ChangeOp op, double value) {
        InputDef input = lexicon.input(op.path());
        if (op.op() == ChangeOp.Kind.STRATEGY) {
            return op;
        }
        double v = value;
        if (op.op() == ChangeOp.Kind.SET && input != null && fractional(input) && v > 1 && input.max() != null
                && input.max() <= 1) {
            v = v / 100;
        }
        if (op.op() == ChangeOp.Kind.SCALE && op.number() != null) {
            // "what about 20%?" after "by 10%": the same direction, the new size
            double old = op.number();
            v = old < 1 ? 1 - Math.abs(value > 1 ? value / 100 : value) : 1 + Math.abs(value > 1 ? value / 100 : value);
        }
        if (op.op() == ChangeOp.Kind.ADD && op.number() != null && op.number() < 0) {
            v = -Math.abs(v);
        }
        return new ChangeOp(op.op(), op.path(), v);
    }

    private List<ChangeOp> withValue(List<ChangeOp> ops, double value) {
        return ops.stream().map(op -> retarget(op, value)).toList();
    }

    private static int distinctPaths(List<ChangeOp> ops) {
        return (int) ops.stream().map(ChangeOp::path).distinct().count();
    }

    static String keyOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static String bucketOf(String path) {
        String[] parts = path.split("\\.");
        return parts.length == 3 ? parts[1] : null;
    }

    static boolean fractional(InputDef input) {
        if (input == null || input.unit() == null) {
            return false;
        }
        String unit = input.unit().toLowerCase(Locale.ROOT);
        return unit.startsWith("fraction") || unit.equals("relative");
    }

    private static String label(Strategy strategy) {
        return Figures.strategy(strategy.name());
    }
}
