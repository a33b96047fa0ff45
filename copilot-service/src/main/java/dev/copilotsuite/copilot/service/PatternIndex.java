package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of many patterns can match a sentence, told without running them all. The vocabulary's patterns (aliases and
 * cues, {@link Vocabulary#pattern}) match only where a word starts, so each is run only on a sentence with a word
 * start it can begin with: its first two characters, lower-cased. Those a pattern can begin with are asked of the
 * pattern itself once, at start: {@link Matcher#hitEnd()} on every one- and two-character input tells whether a
 * match could go on from it.
 *
 * <p>Why: every new caller sentence was matched against all ~420 alias and ~90 cue patterns, most of reading a call
 * (CallReader.found alone was 22% of copilot-service's CPU under the webhook bench). Hand-rolled because the patterns
 * are regular expressions, not words, so no trie or Aho-Corasick library applies. Whatever the index cannot bound
 * (a non-ASCII character where a match could start) falls back to every pattern.
 *
 * @param <T> what carries each pattern
 */
final class PatternIndex<T> {

    private static final int ASCII = 128;
    /** The second "character" of a pattern whose match can end after one character, or that can go on with any. */
    private static final int ANY = ASCII;
    private static final int SECONDS = ASCII + 1;

    private final List<T> items;
    /** Per first character, then per second (or {@link #ANY}), the indexes of the items that can start so. */
    private final int[][][] byStart = new int[ASCII][SECONDS][];

    PatternIndex(List<T> items, Function<T, Pattern> patternOf) {
        this.items = List.copyOf(items);
        List<List<Integer>> buckets = new ArrayList<>(ASCII * SECONDS);
        for (int i = 0; i < ASCII * SECONDS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (int index = 0; index < this.items.size(); index++) {
            Pattern pattern = patternOf.apply(this.items.get(index));
            for (char first = 0; first < ASCII; first++) {
                if (Character.isUpperCase(first)) {
                    continue; // matched case-insensitively, and sentences are looked up lower-cased
                }
                Matcher one = pattern.matcher(String.valueOf(first));
                boolean whole = one.lookingAt();
                if (!whole && !one.hitEnd()) {
                    continue;
                }
                boolean placed = whole;
                if (whole) {
                    buckets.get(first * SECONDS + ANY).add(index);
                }
                for (char second = 0; second < ASCII && !whole; second++) {
                    Matcher two = pattern.matcher(new String(new char[] { first, second }));
                    if (two.lookingAt() || two.hitEnd()) {
                        buckets.get(first * SECONDS + Character.toLowerCase(second)).add(index);
                        placed = true;
                    }
                }
                if (!placed) {
                    // it can go on only with a character not tried (non-ASCII): kept for any second one
                    buckets.get(first * SECONDS + ANY).add(index);
                }
            }
        }
        for (int first = 0; first < ASCII; first++) {
            for (int second = 0; second < SECONDS; second++) {
                byStart[first][second] = buckets.get(first * SECONDS + second).stream().distinct().mapToInt(Integer::intValue)
                        .toArray();
            }
        }
    }

    /** The items whose pattern may match somewhere in {@code text}, in their order; every one whose pattern does is here. */
    List<T> candidates(String text) {
        boolean[] chosen = new boolean[items.size()];
        for (int at = 0; at < text.length(); at++) {
            if (at > 0 && isWordChar(text.charAt(at - 1))) {
                continue;
            }
            char first = text.charAt(at);
            if (first >= ASCII) {
                return items;
            }
            first = Character.toLowerCase(first);
            int second = at + 1 < text.length() ? text.charAt(at + 1) : -1;
            mark(chosen, byStart[first][ANY]);
            if (second >= ASCII) {
                for (int any = 0; any < ASCII; any++) {
                    mark(chosen, byStart[first][any]);
                }
            } else if (second >= 0) {
                mark(chosen, byStart[first][Character.toLowerCase(second)]);
            }
        }
        List<T> candidates = new ArrayList<>();
        for (int index = 0; index < chosen.length; index++) {
            if (chosen[index]) {
                candidates.add(items.get(index));
            }
        }
        return candidates;
    }

    private static void mark(boolean[] chosen, int[] indexes) {
        for (int index : indexes) {
            chosen[index] = true;
        }
    }

    /** {@code \w} as the vocabulary's patterns use it (no UNICODE_CHARACTER_CLASS). */
    private static boolean isWordChar(char c) {
        return c < ASCII && (Character.isLetterOrDigit(c) || c == '_');
    }
}
