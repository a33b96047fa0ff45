package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.copilotsuite.copilot.service.Vocabulary.Alias;
import dev.copilotsuite.copilot.service.Vocabulary.Kind;

/**
 * Reads the caller's final lines: the call's intent, and the questions asked, each resolved to corpus
 * items through the {@link Vocabulary}. Deterministic, and only ever extracts: a sentence that tries to
 * instruct the copilot is set aside whole, so nothing said can change how a question is decided.
 */
@Singleton
public class CallReader {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;]|\\band\\b|\\bbut\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(not|never|no|without)\\b|n't\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAK = Pattern.compile("\\bleak", Pattern.CASE_INSENSITIVE);
    /** What an instruction to the copilot goes on to ask for, in the sentences after it. */
    private static final Pattern ASKS_FOR_YES = Pattern.compile("\\b(covered|approved?|yes)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DENIED = Pattern.compile(
            "\\b(not|never|no longer|nothing('s| is)?|isn't|aren't|wasn't|weren't)\\s+$", Pattern.CASE_INSENSITIVE);
    /** A question of a few words at least: "Hello?" asks nothing. */
    private static final Pattern ASKS = Pattern.compile("\\w+\\W+\\w+\\W+\\w+[^?]*\\?");
    private static final String WAITING_PERIOD = "Waiting period";

    private final Vocabulary vocabulary;
    /**
     * Sized for every caller line of the live calls (a call is read again whole after each caller line): 1,000
     * calls of 50-100 caller lines. At 20,000 a run of 1,000 calls evicted its own calls' earlier sentences
     * before they were read again, and matching them again was 38% of the service's CPU. An entry is a few hundred
     * bytes; most lines name nothing.
     */
    private static final int LINES_KEPT = 100_000;

    /**
     * Each line's sentences as read alone (cues, aliases said, whether set aside), once per line text: the call's
     * reading after each caller line needs them for every earlier line, and splitting and normalising each line
     * again, then looking each sentence up twice, was most of that work once the matching itself was kept.
     */
    private final Cache<String, LineRead> linesRead = Caffeine.newBuilder().maximumSize(LINES_KEPT).build();

    public CallReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public CallReading read(List<String> customerLines) {
        List<Sentence> sentences = sentences(customerLines);
        List<Mention> mentions = new ArrayList<>();
        List<Located> amounts = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (!sentence.injection) {
                for (Found found : sentence.found) {
                    mentions.add(new Mention(found.alias, sentence, sentence.offset + found.start, sentence.offset + found.end));
                }
                sentence.cues.amounts().forEach(amount -> amounts.add(
                        new Located(amount.dollars(), sentence, sentence.offset + amount.start())));
            }
        }
        mentions = withItemsNamed(mentions);
        List<Draft> drafts = questions(mentions, amounts);
        OptionalInt startedDaysAgo = mentions.stream()
                .filter(mention -> mention.alias.kind() == Kind.TERM && mention.alias.name().equals(WAITING_PERIOD))
                .map(mention -> SpokenNumbers.daysAgo(mention.sentence.text)).filter(OptionalInt::isPresent)
                .findFirst().orElse(OptionalInt.empty());
        List<Question> questions = drafts.stream().map(Draft::question).toList();
        return new CallReading(intent(sentences, questions), questions, startedDaysAgo,
                sentences.stream().anyMatch(sentence -> sentence.injection));
    }

    /** A call's reading and the caller's lines it was read from. */
    public record Read(List<String> lines, CallReading reading) {
    }

    /**
     * The call's reading after more of its lines, from its reading before them: the same reading when the lines
     * before are unchanged and every line after them says nothing (no cue, no alias, no amount, nothing set
     * aside), which leaves every part of a reading as it was; else the call read again whole. Most of what a
     * caller says names nothing, and reading a long call again was the largest part of each of its lines.
     */
    public Read read(Read before, List<String> customerLines) {
        List<String> lines = List.copyOf(customerLines);
        if (before != null && lines.size() >= before.lines().size()
                && lines.subList(0, before.lines().size()).equals(before.lines())
                && lines.subList(before.lines().size(), lines.size()).stream().allMatch(this::saysNothing)) {
            return new Read(lines, before.reading());
        }
        return new Read(lines, read(lines));
    }

    private boolean saysNothing(String line) {
        return linesRead.get(line, this::readLine).sentences().stream().allMatch(sentence -> !sentence.injection
                && sentence.found.isEmpty() && sentence.cues.amounts().isEmpty() && !sentence.cues.claim
                && !sentence.cues.problem && !sentence.cues.asks);
    }

    /**
     * The dominant intent so far: a claim or a visit already sent makes it CLAIM; else something broken
     * now (not "if it dies") makes it PROBLEM; else a question makes it INQUIRY; else there is nothing
     * to go on yet (OTHER).
     */
    private Intent intent(List<Sentence> sentences, List<Question> questions) {
        List<Sentence> said = sentences.stream().filter(sentence -> !sentence.injection).toList();
        if (said.stream().anyMatch(sentence -> sentence.cues.claim)) {
            return Intent.CLAIM;
        }
        if (said.stream().anyMatch(sentence -> sentence.cues.problem)) {
            return Intent.PROBLEM;
        }
        if (!questions.isEmpty() || said.stream().anyMatch(sentence -> sentence.cues.asks)) {
            return Intent.INQUIRY;
        }
        return Intent.OTHER;
    }

    private List<Sentence> sentences(List<String> lines) {
        List<Sentence> sentences = new ArrayList<>();
        int offset = 0;
        for (int line = 0; line < lines.size(); line++) {
            LineRead read = linesRead.get(lines.get(line), this::readLine);
            for (Sentence alone : read.sentences()) {
                sentences.add(new Sentence(line, offset + alone.offset, alone.text, alone.injection, alone.cues, alone.found));
            }
            offset += read.length() + 1;
        }
        return sentences;
    }

    /**
     * One line's sentences, each at its offset in the line: its cues, the aliases it says, and whether it is set
     * aside (an instruction, or a sentence asking for a yes right after one).
     */
    private LineRead readLine(String line) {
        String text = normalized(line);
        List<Sentence> sentences = new ArrayList<>();
        int from = 0;
        boolean instructed = false;
        for (String part : SENTENCE_END.split(text)) {
            int at = text.indexOf(part, from);
            from = at + part.length();
            Cues cues = cues(part);
            instructed = cues.injection || instructed && cues.asksForYes;
            Sentence alone = new Sentence(0, 0, part, instructed, cues, List.of());
            List<Found> found = instructed ? List.of() : found(alone).stream()
                    .map(mention -> new Found(mention.alias, mention.start, mention.end)).toList();
            sentences.add(new Sentence(0, at, part, instructed, cues, found));
        }
        return new LineRead(text.length(), List.copyOf(sentences));
    }

    /** What a sentence's own words cue. */
    private Cues cues(String t) {
        return new Cues(any(vocabulary.cue("injection", t), t), ASKS_FOR_YES.matcher(t).find(),
                any(vocabulary.cue("claimReference", t), t), brokenNow(t), any(vocabulary.cue("claim", t), t), asks(t),
                List.copyOf(SpokenNumbers.amounts(t)));
    }

    /** A question of a few words; the pattern backtracks over every word start, so a sentence without '?' skips it. */
    private static boolean asks(String sentence) {
        return sentence.indexOf('?') >= 0 && ASKS.matcher(sentence).find();
    }

    /** The aliases said in one sentence; where two overlap, the longer one. */
    private List<Mention> found(Sentence sentence) {
        String masked = sentence.text;
        for (Pattern ignored : vocabulary.ignored()) {
            Matcher matcher = ignored.matcher(masked);
            StringBuilder blanked = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(blanked, " ".repeat(matcher.end() - matcher.start()));
            }
            matcher.appendTail(blanked);
            masked = blanked.toString();
        }
        List<Mention> found = new ArrayList<>();
        for (Alias alias : vocabulary.candidates(masked)) {
            Matcher matcher = alias.pattern().matcher(masked);
            while (matcher.find()) {
                found.add(new Mention(alias, sentence, sentence.offset + matcher.start(), sentence.offset + matcher.end()));
            }
        }
        found = merged(found);
        found.sort(Comparator.comparingInt((Mention mention) -> mention.start - mention.end)
                .thenComparingInt(mention -> mention.start));
        List<Mention> kept = new ArrayList<>();
        for (Mention mention : found) {
            // An item inside a longer cause ("fixed the disposal himself") is still said; a cause inside an item
            // ("earthquake straps") is not.
            boolean overlaps = kept.stream().anyMatch(other -> mention.start < other.end && other.start < mention.end
                    && !(other.alias.kind() == Kind.CAUSE && mention.alias.kind() == Kind.ITEM));
            if (!overlaps && !(mention.alias.kind() == Kind.CAUSE && negated(sentence, mention))) {
                kept.add(mention);
            }
        }
        kept.sort(Comparator.comparingInt(mention -> mention.start));
        return kept;
    }

    /**
     * Overlapping matches of aliases of the same thing are one mention over their joint span, so that
     * "earthquake straps on the new one" is one mention of strapping, longer than "earthquake" inside it.
     */
    private static List<Mention> merged(List<Mention> found) {
        List<Mention> merged = new ArrayList<>();
        for (Mention mention : found) {
            Mention joined = mention;
            for (Mention other : List.copyOf(merged)) {
                if (sameThing(joined.alias, other.alias) && joined.start < other.end && other.start < joined.end) {
                    merged.remove(other);
                    joined = new Mention(joined.alias, joined.sentence, Math.min(joined.start, other.start),
                            Math.max(joined.end, other.end));
                }
            }
            merged.add(joined);
        }
        return merged;
    }

    private static boolean sameThing(Alias one, Alias other) {
        return one.kind() == other.kind() && one.name().equals(other.name()) && Objects.equals(one.part(), other.part());
    }

    /** Drops the parts that count only beside their item, where the line does not name the item. */
    private List<Mention> withItemsNamed(List<Mention> mentions) {
        return mentions.stream().filter(mention -> !mention.alias.withItem() || mentions.stream().anyMatch(
                other -> other.alias.kind() == Kind.ITEM && other.alias.name().equals(mention.alias.name())
                        && other.sentence.line == mention.sentence.line)).toList();
    }

    private List<Draft> questions(List<Mention> mentions, List<Located> amounts) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<Mention> items = mentions.stream().filter(mention -> mention.alias.kind() == Kind.ITEM).toList();
        for (Mention mention : mentions) {
            Alias alias = mention.alias;
            if (alias.kind() == Kind.ITEM) {
                draft(drafts, alias.name(), null, null, false).mentions.add(mention);
            } else if (alias.kind() == Kind.TERM && !vocabulary.isItemTerm(alias.name())) {
                draft(drafts, alias.name(), null, null, true).mentions.add(mention);
            }
        }
        for (Mention mention : mentions) {
            Alias alias = mention.alias;
            if (alias.kind() == Kind.PART) {
                partOf(drafts, alias.name(), alias.part(), alias.part(), mention);
            } else if (alias.kind() == Kind.EXCLUSION_PART) {
                Optional<Mention> owner = nearest(items, mention);
                if (owner.isPresent()) {
                    partOf(drafts, owner.get().alias.name(), alias.name(), alias.part(), mention);
                    if (brokenNow(mention.sentence.text.substring(0, mention.start - mention.sentence.offset)
                            + mention.sentence.text.substring(mention.end - mention.sentence.offset))) {
                        // "the toilet keeps running and the handle is loose": two complaints, two questions
                        draft(drafts, owner.get().alias.name(), null, null, false).mentions.add(owner.get());
                    }
                } else {
                    draft(drafts, alias.name(), null, null, false).mentions.add(mention);
                }
            }
        }
        absorbRefinedItems(drafts);
        drafts.values().removeIf(draft -> draft.mentions.isEmpty());
        dropBackgroundItems(drafts);

        List<Mention> subjects = drafts.values().stream().filter(draft -> !draft.term)
                .flatMap(draft -> draft.mentions.stream()).toList();
        for (Mention mention : mentions) {
            Alias alias = mention.alias;
            boolean itemTerm = alias.kind() == Kind.TERM && vocabulary.isItemTerm(alias.name());
            if (alias.kind() != Kind.CAUSE && !itemTerm) {
                continue;
            }
            Optional<Draft> target = nearest(subjects, mention).map(subject -> owner(drafts, subject));
            if (target.isPresent() && itemTerm) {
                target.get().asksWaitingPeriod = true;
            } else if (target.isPresent()) {
                target.get().causes.add(alias.name());
            } else {
                draft(drafts, alias.name(), null, null, itemTerm).mentions.add(mention);
            }
        }

        List<Mention> all = drafts.values().stream().flatMap(draft -> draft.mentions.stream()).toList();
        for (Located amount : amounts) {
            nearest(all, new Mention(null, amount.sentence, amount.at, amount.at)).map(mention -> owner(drafts, mention))
                    .ifPresent(draft -> draft.amount = draft.amount == null ? amount.dollars
                            : Math.max(draft.amount, amount.dollars));
        }
        return drafts.values().stream().sorted(Comparator.comparingInt(Draft::position)).toList();
    }

    /**
     * A part is a question of its own; it absorbs its item said in the same sentence ("a spoon in the
     * disposal"), or said elsewhere only in passing ("is that part of the electrical coverage?").
     */
    private void partOf(Map<String, Draft> drafts, String owner, String part, String partWords, Mention mention) {
        draft(drafts, owner, part, partWords, false).mentions.add(mention);
        Draft whole = drafts.get(owner);
        if (whole != null) {
            whole.mentions.removeIf(other -> other.sentence == mention.sentence || !other.sentence.cues.problem);
        }
    }

    /** "The radiator ... part of the heating coverage": the narrower item absorbs the broader one. */
    private void absorbRefinedItems(Map<String, Draft> drafts) {
        for (Draft narrow : List.copyOf(drafts.values())) {
            for (String broad : vocabulary.refined(narrow.item)) {
                Draft broader = drafts.get(broad);
                if (broader != null && !narrow.mentions.isEmpty()) {
                    broader.mentions.removeIf(mention -> !mention.sentence.cues.problem || narrow.mentions.stream()
                            .anyMatch(said -> said.sentence == mention.sentence));
                }
            }
        }
    }

    /** An item named only to point at a claim already open is background, once anything else is asked. */
    private static void dropBackgroundItems(Map<String, Draft> drafts) {
        boolean asked = drafts.values().stream().anyMatch(draft -> !draft.background());
        if (asked) {
            drafts.values().removeIf(Draft::background);
        }
    }

    private Draft draft(Map<String, Draft> drafts, String item, String part, String partWords, boolean term) {
        String key = part == null ? item : item + " / " + part;
        return drafts.computeIfAbsent(key, ignored -> new Draft(item, part, partWords, term));
    }

    private static Draft owner(Map<String, Draft> drafts, Mention mention) {
        return drafts.values().stream().filter(draft -> draft.mentions.contains(mention)).findFirst().orElseThrow();
    }

    /** The candidate in the same sentence closest to {@code at}, else the closest before it, else after it. */
    private static Optional<Mention> nearest(List<Mention> candidates, Mention at) {
        Optional<Mention> same = candidates.stream().filter(candidate -> candidate.sentence == at.sentence)
                .min(Comparator.comparingInt(candidate -> Math.abs(candidate.start - at.start)));
        if (same.isPresent()) {
            return same;
        }
        Optional<Mention> before = candidates.stream().filter(candidate -> candidate.start < at.start)
                .max(Comparator.comparingInt(candidate -> candidate.start));
        return before.isPresent() ? before
                : candidates.stream().filter(candidate -> candidate.start > at.start)
                        .min(Comparator.comparingInt(candidate -> candidate.start));
    }

    /**
     * A breakdown cue that is not in a clause about what might happen ("if it dies", "before it breaks")
     * and not denied ("it's not broken").
     */
    private boolean brokenNow(String sentence) {
        for (Pattern problem : vocabulary.cue("problem", sentence)) {
            Matcher matcher = problem.matcher(sentence);
            while (matcher.find()) {
                String before = sentence.substring(0, matcher.start());
                String[] clauses = CLAUSE_BREAK.split(before, -1);
                String clause = clauses[clauses.length - 1];
                if (!any(vocabulary.cue("hypothetical", clause), clause) && !DENIED.matcher(before).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean negated(Sentence sentence, Mention mention) {
        int from = Math.max(0, mention.start - sentence.offset - 20);
        return NEGATION.matcher(sentence.text.substring(from, mention.start - sentence.offset)).find();
    }

    private static boolean any(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    private static String normalized(String text) {
        String quoted = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
        return WHITESPACE.matcher(quoted).replaceAll(" ").strip();
    }

    /** @param found the aliases it says, from its own start (none when set aside) */
    private record Sentence(int line, int offset, String text, boolean injection, Cues cues, List<Found> found) {
    }

    /** @param length the normalised line's, which the next line's offsets follow */
    private record LineRead(int length, List<Sentence> sentences) {
    }

    /**
     * Whether one sentence, alone, names each cue (an injection is also carried over to the next sentence), and
     * the dollar amounts it says.
     */
    private record Cues(boolean injection, boolean asksForYes, boolean claimReference, boolean problem, boolean claim,
            boolean asks, List<SpokenNumbers.Amount> amounts) {
    }

    private record Mention(Alias alias, Sentence sentence, int start, int end) {
    }

    /** A mention within its sentence, wherever that sentence is in a call. */
    private record Found(Alias alias, int start, int end) {
    }

    private record Located(int dollars, Sentence sentence, int at) {
    }

    private final class Draft {

        final String item;
        final String part;
        final String partWords;
        final boolean term;
        final List<Mention> mentions = new ArrayList<>();
        final Set<String> causes = new LinkedHashSet<>();
        boolean asksWaitingPeriod;
        Integer amount;

        Draft(String item, String part, String partWords, boolean term) {
            this.item = item;
            this.part = part;
            this.partWords = partWords;
            this.term = term;
        }

        int position() {
            return mentions.stream().mapToInt(Mention::start).min().orElse(Integer.MAX_VALUE);
        }

        /** A whole item said only in sentences that point at a claim already open. */
        boolean background() {
            return !term && part == null && mentions.stream().allMatch(mention -> mention.sentence.cues.claimReference);
        }

        Question question() {
            boolean replacement = mentions.stream().anyMatch(mention -> any(vocabulary.cue("replacement", mention.sentence.text), mention.sentence.text));
            boolean leak = mentions.stream().anyMatch(mention -> LEAK.matcher(mention.sentence.text).find());
            return new Question(item, part, partWords, term, List.copyOf(causes), asksWaitingPeriod, amount, replacement, leak);
        }
    }
}
