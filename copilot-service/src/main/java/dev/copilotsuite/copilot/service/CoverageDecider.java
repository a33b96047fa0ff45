package dev.copilotsuite.copilot.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import dev.copilotsuite.copilot.service.Answer.Reason;
import dev.copilotsuite.copilot.service.ClauseText.Reach;
import dev.copilotsuite.events.call.Decision;

/**
 * Decides each question from the clauses that apply to the contract, under the corpus's order of
 * precedence (state addendum over contract-type terms over plan document over General Terms).
 *
 * <p>For an item, in this order: no contract in force is NO; an exclusion, or no clause covering it, is
 * NO; a role's restricted coverage (a seller's listing period) that leaves it out is NO, since a state
 * addendum never adds items to seller coverage; an excluded part or cause is NO; a failure inside the
 * waiting period is PARTIAL; a plan that covers the repair but not the replacement is PARTIAL; an amount
 * above a cap is PARTIAL; anything else is YES.
 */
@Singleton
public class CoverageDecider {

    static final String WAITING_PERIOD = "Waiting period";
    static final String SERVICE_FEE = "Service fee";
    private static final String CANCELLATION = "Cancellation";
    private static final String CONTRACT_TERM = "Contract term";
    private static final String LISTING_PERIOD = "Listing period";
    private static final String SELLER = "SELLER";
    private static final Pattern RESTRICTS = Pattern.compile("\\blimited to\\b");
    private static final Pattern DEDUCTS_FEE = Pattern.compile("\\bless\\b.*\\bfee\\b");
    private static final Pattern NO_FEE = Pattern.compile("\\bno [a-z ]*fee\\b");
    private static final int FULL_REFUND_DAYS = 30;

    private final ClauseRetriever retriever;
    private final Vocabulary vocabulary;

    public CoverageDecider(ClauseRetriever retriever, Vocabulary vocabulary) {
        this.retriever = retriever;
        this.vocabulary = vocabulary;
    }

    /**
     * The answer, or empty when no clause of the contract's documents speaks to the term asked.
     *
     * @param reading the call so far: its intent tells a breakdown now from a question about later
     */
    public Optional<Answer> decide(Question question, Coverage coverage, CallReading reading, LocalDate today) {
        Waiting waiting = waiting(coverage, reading.startedDaysAgo(), today);
        if (question.term()) {
            return term(question, coverage, waiting, today);
        }
        boolean brokenNow = reading.intent() == Intent.PROBLEM || reading.intent() == Intent.CLAIM;
        if (coverage.ended() || brokenNow && coverage.startsAfter(today)) {
            return Optional.of(noContract(coverage, today));
        }
        return Optional.of(item(question, coverage, waiting));
    }

    private Answer item(Question question, Coverage coverage, Waiting waiting) {
        ContractScope scope = coverage.scope();
        Verdict owner = coverageOf(question.item(), scope);
        if (owner == null) {
            return new Answer(Decision.NO, Reason.NOT_IN_PLAN, List.of(), null, null, question.amount(), null);
        }
        if (!owner.yes && !owner.split) {
            return answer(Decision.NO, Reason.EXCLUDED, owner.clauses, owner.statement, null, question);
        }
        List<Clause> lead = new ArrayList<>();
        Optional<Clause> restriction = restriction(scope);
        if (restriction.isPresent()) {
            if (!ClauseText.phrase(question.item()).matcher(ClauseText.statements(restriction.get()).get(0)).find()) {
                return answer(Decision.NO, Reason.ROLE_LIMIT, List.of(restriction.get()),
                        ClauseText.sentenceOf(restriction.get(), ClauseText.statements(restriction.get()).get(0)), null, question);
            }
            lead.add(restriction.get());
        }
        List<Cap> caps = new ArrayList<>();
        if (question.part() != null) {
            Verdict part = partOf(question, scope);
            if (part != null && !part.yes) {
                return answer(Decision.NO, Reason.EXCLUDED, join(part.clauses, owner.decider()), part.statement, null, question);
            }
            if (part != null) {
                lead.add(part.decider());
                ClauseText.cap(part.statement).ifPresent(cap -> caps.add(new Cap(part.decider(), cap, part.statement)));
            }
        }
        for (String cause : question.causes()) {
            Verdict verdict = walk(headed(cause, scope, clause -> true), clause -> polarity(clause, scope));
            if (verdict == null) {
                continue;
            }
            if (!verdict.yes) {
                return answer(Decision.NO, Reason.EXCLUDED, join(verdict.clauses, owner.decider()), verdict.statement,
                        null, question);
            }
            lead.add(verdict.decider());
            capOf(verdict.decider()).ifPresent(caps::add);
        }
        if (waiting != null && waiting.within) {
            return new Answer(Decision.PARTIAL, Reason.WAITING_PERIOD, join(List.of(waiting.clause), owner.decider()),
                    ClauseText.firstSentence(waiting.clause), null, question.amount(), waiting.ends);
        }
        if (waiting != null && (waiting.relevant || question.asksWaitingPeriod())) {
            lead.add(0, waiting.clause);
        }
        if (owner.split && (question.replacement() || !question.leak())) {
            return answer(Decision.PARTIAL, Reason.SPLIT, join(lead, owner.clauses), owner.statement, null, question);
        }
        Clause decider = owner.split ? owner.clauses.get(0) : owner.decider();
        if (decider.section() == SectionKind.COVERED) {
            capOf(decider).ifPresent(caps::add);
        }
        caps.addAll(limits(question.item(), scope));
        Integer amount = question.amount();
        Optional<Cap> exceeded = amount == null ? Optional.empty()
                : caps.stream().filter(cap -> amount > cap.dollars).min(Comparator.comparingInt(Cap::dollars));
        if (exceeded.isPresent()) {
            Cap cap = exceeded.get();
            return new Answer(Decision.PARTIAL, Reason.CAPPED, join(join(List.of(cap.clause), lead), decider),
                    ClauseText.sentenceOf(cap.clause, cap.statement), cap.dollars, amount, null);
        }
        if (amount != null) {
            caps.stream().filter(cap -> cap.lets(amount)).forEach(cap -> lead.add(0, cap.clause));
        }
        Optional<Cap> tightest = caps.stream().filter(cap -> !cap.overAll()).min(Comparator.comparingInt(Cap::dollars));
        List<Clause> evidence = join(lead, decider);
        if (tightest.isPresent()) {
            evidence = join(evidence, tightest.get().clause);
        }
        Clause first = evidence.get(0);
        String quote = first == decider ? owner.statement : ClauseText.firstSentence(first);
        return new Answer(Decision.YES, Reason.COVERED, evidence, quote, tightest.map(Cap::dollars).orElse(null), amount,
                null);
    }

    private Optional<Answer> term(Question question, Coverage coverage, Waiting waiting, LocalDate today) {
        List<Clause> clauses = headed(question.item(), coverage.scope(), clause -> true).stream()
                .filter(clause -> ClauseText.reach(clause, coverage.scope()) == Reach.APPLIES).toList();
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        Clause top = clauses.get(0);
        Integer amount = question.amount();
        Decision decision = top.section() == SectionKind.NOT_COVERED ? Decision.NO : Decision.YES;
        Integer cap = null;
        LocalDate date = null;
        switch (question.item()) {
            case SERVICE_FEE -> {
                cap = ClauseText.firstAmount(top).isPresent() ? ClauseText.firstAmount(top).getAsInt() : null;
                decision = amount != null && cap != null && !amount.equals(cap) ? Decision.NO : Decision.YES;
            }
            case WAITING_PERIOD -> {
                if (waiting != null) {
                    top = waiting.clause;
                    date = waiting.ends;
                    decision = waiting.within || waiting.unknownStart && waiting.days > 0 ? Decision.PARTIAL : Decision.YES;
                }
            }
            case CANCELLATION -> {
                boolean early = coverage.startDate() != null
                        && ChronoUnit.DAYS.between(coverage.startDate(), today) <= FULL_REFUND_DAYS;
                String text = top.text().toLowerCase(Locale.ROOT);
                decision = early || NO_FEE.matcher(text).find() || !DEDUCTS_FEE.matcher(text).find() ? Decision.YES
                        : Decision.PARTIAL;
            }
            default -> {
                if (top.section() == SectionKind.LIMITS && amount != null) {
                    OptionalInt limit = ClauseText.firstAmount(top);
                    if (limit.isPresent() && amount > limit.getAsInt()) {
                        decision = Decision.PARTIAL;
                        cap = limit.getAsInt();
                    }
                }
            }
        }
        return Optional.of(new Answer(decision, Reason.TERM, join(List.of(top), clauses), ClauseText.firstSentence(top),
                cap, amount, date));
    }

    /**
     * Whether the contract's documents cover the item: its own Covered and Not covered clauses, and any
     * exclusion of a prevailing document that lists it (the Essential plan's Appliances). An item no
     * document heads may be split into narrower ones (Roof into Roof leak repair and Roof replacement).
     */
    private Verdict coverageOf(String item, ContractScope scope) {
        List<Clause> direct = headed(item, scope, clause -> clause.section() == SectionKind.COVERED
                || clause.section() == SectionKind.NOT_COVERED);
        if (direct.isEmpty() && !vocabulary.family(item).isEmpty()) {
            return family(item, scope);
        }
        int prevailing = direct.stream().mapToInt(Clause::precedence).min().orElse(Integer.MAX_VALUE);
        List<Clause> listing = retriever.naming(item, scope).stream()
                .filter(clause -> clause.section() == SectionKind.NOT_COVERED && !clause.isItem(item)
                        && clause.precedence() < prevailing && ClauseText.reach(clause, scope) == Reach.APPLIES
                        && ClauseText.namesAsExcluded(clause, item))
                .toList();
        if (direct.isEmpty() && listing.isEmpty()) {
            return null;
        }
        List<Clause> candidates = new ArrayList<>(listing);
        candidates.addAll(direct);
        candidates.sort(Comparator.comparingInt(Clause::precedence));
        Verdict verdict = walk(candidates, clause -> polarity(clause, scope));
        if (!verdict.yes && listing.contains(verdict.decider())) {
            return new Verdict(false, false, verdict.clauses,
                    ClauseText.sentenceOf(verdict.decider(), ClauseText.firstNaming(verdict.decider(), item).orElseThrow()));
        }
        return verdict;
    }

    private Verdict family(String item, ContractScope scope) {
        List<Verdict> members = vocabulary.family(item).stream().map(member -> coverageOf(member, scope))
                .filter(verdict -> verdict != null).toList();
        if (members.isEmpty()) {
            return null;
        }
        List<Clause> covered = members.stream().filter(verdict -> verdict.yes).map(Verdict::decider).toList();
        List<Clause> excluded = members.stream().filter(verdict -> !verdict.yes).map(Verdict::decider).toList();
        List<Clause> clauses = join(covered, excluded);
        if (excluded.isEmpty() || covered.isEmpty()) {
            return new Verdict(excluded.isEmpty(), false, clauses, ClauseText.firstSentence(clauses.get(0)));
        }
        return new Verdict(true, true, clauses, ClauseText.firstSentence(covered.get(0)) + " "
                + ClauseText.firstSentence(excluded.get(0)));
    }

    /** A part of the item: the prevailing clause of the item (or of the exclusion that names it) that names the part. */
    private Verdict partOf(Question question, ContractScope scope) {
        List<String> names = new ArrayList<>();
        names.add(question.item());
        names.addAll(vocabulary.family(question.item()));
        names.add(question.part());
        List<Clause> naming = names.stream().flatMap(name -> headed(name, scope, clause -> true).stream())
                .filter(clause -> ClauseText.names(clause, question.partWords())).distinct()
                .sorted(Comparator.comparingInt(Clause::precedence)).toList();
        if (naming.isEmpty()) {
            return null;
        }
        Verdict verdict = walk(naming, clause -> ClauseText.reach(clause, scope) == Reach.APPLIES
                && clause.section() != SectionKind.NOT_COVERED
                && !ClauseText.excludes(ClauseText.firstNaming(clause, question.partWords()).orElseThrow()));
        String statement = ClauseText.firstNaming(verdict.decider(), question.partWords()).orElseThrow();
        return new Verdict(verdict.yes, false, verdict.clauses, statement);
    }

    /**
     * The run of agreeing clauses from the prevailing one down. A YES is decided by the clause that first
     * grants it (the plan's Covered clause, or the addendum that overturns an exclusion); a NO by the
     * prevailing exclusion.
     */
    private static Verdict walk(List<Clause> clauses, Predicate<Clause> covers) {
        if (clauses.isEmpty()) {
            return null;
        }
        boolean outcome = covers.test(clauses.get(0));
        List<Clause> run = new ArrayList<>();
        for (Clause clause : clauses) {
            if (covers.test(clause) != outcome) {
                break;
            }
            run.add(clause);
        }
        if (outcome) {
            Clause grant = run.get(run.size() - 1);
            run.remove(grant);
            run.add(0, grant);
        }
        return new Verdict(outcome, false, run, ClauseText.firstSentence(run.get(0)));
    }

    private static boolean polarity(Clause clause, ContractScope scope) {
        return clause.section() == SectionKind.COVERED && ClauseText.reach(clause, scope) == Reach.APPLIES;
    }

    /** The clauses headed {@code name} that reach the contract (or defer, for it, to the General Terms). */
    private List<Clause> headed(String name, ContractScope scope, Predicate<Clause> section) {
        return retriever.headed(name, scope).stream()
                .filter(clause -> section.test(clause) && ClauseText.reach(clause, scope) != Reach.NONE).toList();
    }

    /** A Limits clause that restricts the contract's coverage to the items it lists (a seller's listing period). */
    private Optional<Clause> restriction(ContractScope scope) {
        return retriever.section(SectionKind.LIMITS, scope).stream()
                .filter(clause -> ClauseText.reach(clause, scope) == Reach.APPLIES
                        && RESTRICTS.matcher(ClauseText.statements(clause).get(0)).find())
                .findFirst();
    }

    /**
     * The caps of the Limits clauses over the item: the clause headed with its name, a clause naming it
     * (HVAC), a clause headed like one that names it elsewhere (Appliances), or one naming no item at all
     * (Contract maximum). Of clauses with one heading, the prevailing one sets the cap.
     */
    private List<Cap> limits(String item, ContractScope scope) {
        Map<String, List<Clause>> byHeading = new LinkedHashMap<>();
        for (Clause clause : retriever.section(SectionKind.LIMITS, scope)) {
            if (ClauseText.reach(clause, scope) == Reach.APPLIES && ClauseText.firstAmount(clause).isPresent()) {
                byHeading.computeIfAbsent(clause.item().toLowerCase(Locale.ROOT), heading -> new ArrayList<>()).add(clause);
            }
        }
        List<Cap> caps = new ArrayList<>();
        for (List<Clause> heading : byHeading.values()) {
            Clause clause = heading.get(0);
            if (over(clause, item)) {
                Integer displaced = heading.stream().skip(1).map(lower -> ClauseText.firstAmount(lower).getAsInt())
                        .min(Integer::compare).orElse(null);
                caps.add(new Cap(clause, ClauseText.firstAmount(clause).getAsInt(), ClauseText.firstSentence(clause),
                        overAll(clause), displaced));
            }
        }
        return caps;
    }

    private boolean over(Clause limit, String item) {
        if (limit.isItem(item) || ClauseText.names(limit, item)) {
            return true;
        }
        List<Clause> sameHeading = retriever.headed(limit.item(), ContractScope.ANY).stream()
                .filter(clause -> clause.section() == SectionKind.LIMITS || clause.section() == SectionKind.NOT_COVERED)
                .toList();
        if (sameHeading.stream().anyMatch(clause -> ClauseText.names(clause, item))) {
            return true;
        }
        return overAll(limit);
    }

    /** A Limits clause whose heading, wherever the corpus uses it, names no item: a cap over every request. */
    private boolean overAll(Clause limit) {
        List<String> items = new ArrayList<>(new LinkedHashSet<>(retriever.section(SectionKind.COVERED, ContractScope.ANY)
                .stream().map(Clause::item).toList()));
        return retriever.headed(limit.item(), ContractScope.ANY).stream()
                .filter(clause -> clause.section() == SectionKind.LIMITS || clause.section() == SectionKind.NOT_COVERED)
                .noneMatch(clause -> items.stream().anyMatch(name -> ClauseText.names(clause, name)));
    }

    private static Optional<Cap> capOf(Clause clause) {
        return ClauseText.statements(clause).stream().filter(statement -> ClauseText.cap(statement).isPresent())
                .findFirst().map(statement -> new Cap(clause, ClauseText.cap(statement).getAsInt(), statement));
    }

    /**
     * The waiting period of the contract: the prevailing clause that sets one, and whether the failure
     * falls in it (counted from the contract's start date, else from what the caller said). It is relevant
     * when some applicable clause would still hold the failure back, so the clause that lets it through
     * is cited.
     */
    private Waiting waiting(Coverage coverage, OptionalInt startedDaysAgo, LocalDate today) {
        ContractScope scope = coverage.scope();
        List<Clause> clauses = retriever.headed(WAITING_PERIOD, scope).stream()
                .filter(clause -> ClauseText.reach(clause, scope) == Reach.APPLIES
                        && ClauseText.waitingDays(clause, scope).isPresent())
                .toList();
        if (clauses.isEmpty()) {
            return null;
        }
        Clause clause = clauses.get(0);
        int days = ClauseText.waitingDays(clause, scope).getAsInt();
        int longest = clauses.stream().mapToInt(each -> ClauseText.waitingDays(each, scope).getAsInt()).max().orElse(days);
        LocalDate start = coverage.startDate() != null ? coverage.startDate()
                : startedDaysAgo.isPresent() ? today.minusDays(startedDaysAgo.getAsInt()) : null;
        if (start == null) {
            return new Waiting(clause, days, false, false, true, null);
        }
        long since = ChronoUnit.DAYS.between(start, today);
        return new Waiting(clause, days, days > 0 && since < days, since < longest, false, start.plusDays(days));
    }

    /**
     * No contract in force today: it ended, or its coverage has not started. The contract type's term
     * clause decides (a seller's Listing period; a buyer's coverage, which its waiting-period clause dates).
     */
    private Answer noContract(Coverage coverage, LocalDate today) {
        ContractScope scope = coverage.scope();
        List<Clause> term = retriever.headed(SELLER.equals(scope.role()) ? LISTING_PERIOD : CONTRACT_TERM, scope);
        if (term.isEmpty()) {
            term = retriever.headed(WAITING_PERIOD, scope).stream().filter(clause -> clause.precedence() == 1).toList();
        }
        boolean ended = coverage.ended();
        return new Answer(Decision.NO, ended ? Reason.NO_CONTRACT : Reason.NOT_STARTED,
                term.isEmpty() ? List.of() : List.of(term.get(0)),
                term.isEmpty() ? null : ClauseText.firstSentence(term.get(0)), null, null,
                ended ? coverage.endDate() : coverage.startDate());
    }

    private static Answer answer(Decision decision, Reason reason, List<Clause> evidence, String quote, Integer cap,
            Question question) {
        return new Answer(decision, reason, evidence, quote, cap, question.amount(), null);
    }

    private static List<Clause> join(List<Clause> first, Clause then) {
        return join(first, List.of(then));
    }

    private static List<Clause> join(List<Clause> first, List<Clause> then) {
        LinkedHashSet<Clause> joined = new LinkedHashSet<>(first);
        joined.addAll(then);
        return List.copyOf(joined);
    }

    /** A yes or no with the clauses behind it, the decider first. */
    private record Verdict(boolean yes, boolean split, List<Clause> clauses, String statement) {

        Clause decider() {
            return clauses.get(0);
        }
    }

    /**
     * @param overAll   the cap spans every request of the contract (Contract maximum), not this item
     * @param displaced the lower cap a prevailing document replaced (a state addendum's HVAC limit), or null
     */
    private record Cap(Clause clause, int dollars, String statement, boolean overAll, Integer displaced) {

        Cap(Clause clause, int dollars, String statement) {
            this(clause, dollars, statement, false, null);
        }

        /** The amount is within this cap only because it replaced a lower one. */
        boolean lets(int amount) {
            return displaced != null && amount > displaced && amount <= dollars;
        }
    }

    private record Waiting(Clause clause, int days, boolean within, boolean relevant, boolean unknownStart, LocalDate ends) {
    }
}
