package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a clause's paragraph says beyond its heading: which contracts its first sentence limits it
 * to, which of its statements exclude, the dollar caps and day counts it sets.
 */
final class ClauseText {

    /** How a clause relates to one contract, once its document applies. */
    enum Reach {
        /** It speaks to this contract. */
        APPLIES,
        /** It is written for other plans or roles, but names this one to say the General Terms rule it. */
        DEFERS,
        /** It is written for other plans or roles only. */
        NONE
    }

    private static final Set<String> PLANS = Set.of("ESSENTIAL", "PLUS", "PREMIER");
    private static final Set<String> CONTRACT_TYPES = Set.of("HOMEOWNER", "REAL_ESTATE");
    private static final Pattern CODE = Pattern.compile("\\b(ESSENTIAL|PLUS|PREMIER|HOMEOWNER|REAL_ESTATE)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;:])\\s+(?=[A-Za-z])");
    private static final Pattern STATEMENT_END = Pattern.compile("(?<=[.;])\\s+");
    private static final Pattern EXCLUDES = Pattern.compile(
            "\\b(not covered|are excluded|is excluded|stays excluded|which exclude|are not included|is not included|nor are)\\b");
    private static final Pattern SENTENCE_AFTER_PERIOD = Pattern.compile("(?<=\\.)\\s+");
    private static final Pattern CAP = Pattern.compile("(?:up to|at most) \\$([\\d,]+)");
    private static final Pattern DOLLARS = Pattern.compile("\\$([\\d,]+)");
    private static final Pattern DAYS = Pattern.compile("\\b(\\d+)[- ]day");

    private ClauseText() {
    }

    /** The clause's statements: its sentences, split further at semicolons, each read on its own. */
    static List<String> statements(Clause clause) {
        return List.of(STATEMENT_END.split(clause.text()));
    }

    /**
     * Whether the clause speaks to this contract. Its first sentence may limit it ("On PLUS and PREMIER
     * contracts", "For buyers", "seller coverage"); a clause so limited that still names the contract's
     * plan or type later ("ESSENTIAL contracts follow the General Terms") defers to the General Terms.
     */
    static Reach reach(Clause clause, ContractScope scope) {
        String first = SENTENCE_END.split(clause.text())[0];
        String rest = clause.text().substring(first.length());
        List<String> codes = codes(first);
        List<String> plans = codes.stream().filter(PLANS::contains).toList();
        List<String> types = codes.stream().filter(CONTRACT_TYPES::contains).toList();
        boolean outOfScope = !plans.isEmpty() && !plans.contains(scope.plan())
                || !types.isEmpty() && !types.contains(scope.contractType());
        String role = role(first);
        if (role != null && !role.equals(scope.role())) {
            outOfScope = true;
        }
        if (!outOfScope) {
            return Reach.APPLIES;
        }
        List<String> later = codes(rest);
        return later.contains(scope.plan()) || later.contains(scope.contractType()) ? Reach.DEFERS : Reach.NONE;
    }

    /** Whether the statement (a sentence or part of one) excludes what it names. */
    static boolean excludes(String statement) {
        return EXCLUDES.matcher(statement.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether the clause's own text names {@code words}, as a phrase, singular or plural. */
    static boolean names(Clause clause, String words) {
        return firstNaming(clause, words).isPresent();
    }

    /** The first statement of the clause that names {@code words}. */
    static Optional<String> firstNaming(Clause clause, String words) {
        Pattern phrase = phrase(words);
        return statements(clause).stream().filter(statement -> phrase.matcher(statement).find()).findFirst();
    }

    /** The statements that name {@code words} and exclude it. */
    static boolean namesAsExcluded(Clause clause, String words) {
        Pattern phrase = phrase(words);
        return statements(clause).stream().anyMatch(statement -> phrase.matcher(statement).find() && excludes(statement));
    }

    /** A cap a statement sets ("up to $1,500", "at most $10,000"). */
    static OptionalInt cap(String statement) {
        Matcher matcher = CAP.matcher(statement);
        return matcher.find() ? OptionalInt.of(dollars(matcher.group(1))) : OptionalInt.empty();
    }

    /** The first amount a Limits clause names: the cap it sets. */
    static OptionalInt firstAmount(Clause clause) {
        Matcher matcher = DOLLARS.matcher(clause.text());
        return matcher.find() ? OptionalInt.of(dollars(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * The waiting period a clause sets for the contract, in days: the statement that names the contract's
     * type, else the first that names none; "no waiting period" is 0.
     */
    static OptionalInt waitingDays(Clause clause, ContractScope scope) {
        List<String> candidates = new ArrayList<>();
        for (String statement : statements(clause)) {
            List<String> types = codes(statement).stream().filter(CONTRACT_TYPES::contains).toList();
            String lower = statement.toLowerCase(Locale.ROOT);
            boolean mine = types.contains(scope.contractType())
                    || lower.contains("real estate contracts") && "REAL_ESTATE".equals(scope.contractType());
            if (mine) {
                candidates.add(0, statement);
            } else if (types.isEmpty()) {
                candidates.add(statement);
            }
        }
        for (String statement : candidates) {
            if (statement.toLowerCase(Locale.ROOT).contains("no waiting period")) {
                return OptionalInt.of(0);
            }
            Matcher days = DAYS.matcher(statement);
            if (days.find()) {
                return OptionalInt.of(Integer.parseInt(days.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    /** The first sentence of the clause: what a script quotes when nothing narrower decided. */
    static String firstSentence(Clause clause) {
        return SENTENCE_AFTER_PERIOD.split(clause.text())[0];
    }

    /** The sentence of the clause that holds {@code statement}. */
    static String sentenceOf(Clause clause, String statement) {
        for (String sentence : SENTENCE_AFTER_PERIOD.split(clause.text())) {
            if (sentence.contains(statement.replaceAll("[;.]$", ""))) {
                return sentence;
            }
        }
        return statement;
    }

    /**
     * Compiled once per phrase: the decider asks about the same item names and parts (from the alias table)
     * for every card of every call, and compiling was a visible share of a card's CPU.
     */
    private static final java.util.Map<String, Pattern> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();

    static Pattern phrase(String words) {
        Pattern known = PHRASES.get(words);
        if (known != null) {
            return known;
        }
        String quoted = Pattern.quote(words.toLowerCase(Locale.ROOT));
        Pattern compiled = Pattern.compile("(?i)(?<![\\w-])" + quoted + "(?:s|es)?(?![\\w-])");
        if (PHRASES.size() < 10_000) {
            PHRASES.put(words, compiled);
        }
        return compiled;
    }

    private static final Pattern FOR_SELLERS = Pattern.compile("\\b(for sellers|seller coverage)\\b");
    private static final Pattern FOR_BUYERS = Pattern.compile("\\b(for buyers|buyer coverage)\\b");

    private static String role(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (FOR_SELLERS.matcher(lower).find()) {
            return "SELLER";
        }
        if (FOR_BUYERS.matcher(lower).find()) {
            return "BUYER";
        }
        return null;
    }

    private static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static int dollars(String digits) {
        return Integer.parseInt(digits.replace(",", ""));
    }
}
