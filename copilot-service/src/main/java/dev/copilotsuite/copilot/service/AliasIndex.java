package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import dev.copilotsuite.copilot.service.Vocabulary.Alias;

/**
 * Which aliases can match a sentence, told without running them all. An alias matches only where a word starts (its
 * pattern's lookbehind), so it is run only on a sentence with a word start it can begin with: its first two
 * characters, lower-cased. Those each alias can begin with are asked of its own pattern once, at start:
 * {@link Matcher#hitEnd()} on every one- and two-character input tells whether a match could go on from it.
 *
 * <p>Why: every new caller sentence was matched against all ~430 alias patterns, the largest part of reading a call
 * (CallReader.found was 22% of copilot-service's CPU under the webhook bench). Whatever the index cannot bound
 * (a non-ASCII character where a match could start) falls back to every alias.
 */
final class AliasIndex {

    private static final int ASCII = 128;
    /** The second "character" of an alias whose match can end after one character, or that can go on with any. */
    private static final int ANY = ASCII;
    private static final int SECONDS = ASCII + 1;

    private final List<Alias> aliases;
    /** Per first character, then per second (or {@link #ANY}), the indexes of the aliases that can start so. */
    private final int[][][] byStart = new int[ASCII][SECONDS][];

    AliasIndex(List<Alias> aliases) {
        this.aliases = List.copyOf(aliases);
        List<List<Integer>> buckets = new ArrayList<>(ASCII * SECONDS);
        for (int i = 0; i < ASCII * SECONDS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (int index = 0; index < this.aliases.size(); index++) {
            Alias alias = this.aliases.get(index);
            for (char first = 0; first < ASCII; first++) {
                if (Character.isUpperCase(first)) {
                    continue; // matched case-insensitively, and sentences are looked up lower-cased
                }
                Matcher one = alias.pattern().matcher(String.valueOf(first));
                boolean whole = one.lookingAt();
                if (!whole && !one.hitEnd()) {
                    continue;
                }
                boolean placed = whole;
                if (whole) {
                    buckets.get(first * SECONDS + ANY).add(index);
                }
                for (char second = 0; second < ASCII && !whole; second++) {
                    Matcher two = alias.pattern().matcher(new String(new char[] { first, second }));
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

    /** The aliases that may match somewhere in {@code text}, in the vocabulary's order; every alias that does is here. */
    List<Alias> candidates(String text) {
        boolean[] chosen = new boolean[aliases.size()];
        for (int at = 0; at < text.length(); at++) {
            if (at > 0 && isWordChar(text.charAt(at - 1))) {
                continue;
            }
            char first = text.charAt(at);
            if (first >= ASCII) {
                return aliases;
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
        List<Alias> candidates = new ArrayList<>();
        for (int index = 0; index < chosen.length; index++) {
            if (chosen[index]) {
                candidates.add(aliases.get(index));
            }
        }
        return candidates;
    }

    private static void mark(boolean[] chosen, int[] indexes) {
        for (int index : indexes) {
            chosen[index] = true;
        }
    }

    /** {@code \w} as the alias patterns use it (no UNICODE_CHARACTER_CLASS). */
    private static boolean isWordChar(char c) {
        return c < ASCII && (Character.isLetterOrDigit(c) || c == '_');
    }
}
