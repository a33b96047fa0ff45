package dev.copilotsuite.copilot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.copilot.service.Vocabulary.Alias;

/** The pattern indexes never leave out an alias or cue that matches, and leave out most of those that do not. */
class PatternIndexTest {

    private static final List<Alias> ALIASES = Copilots.VOCABULARY.aliases();

    @Test
    void everyAliasThatMatchesASentenceIsACandidateForIt() throws IOException {
        int matched = 0;
        for (String sentence : sentences()) {
            List<Alias> candidates = Copilots.VOCABULARY.candidates(sentence);
            for (Alias alias : ALIASES) {
                if (alias.pattern().matcher(sentence).find()) {
                    matched++;
                    assertTrue(candidates.contains(alias), () -> alias.pattern() + " matches but is no candidate: " + sentence);
                }
            }
        }
        assertTrue(matched > 200, "the sentences name many aliases: " + matched);
    }

    @Test
    void everyCuePatternThatMatchesASentenceIsACandidateForIt() throws IOException {
        int matched = 0;
        List<String> sentences = sentences();
        for (String cue : List.of("claim", "claimReference", "problem", "hypothetical", "injection", "replacement")) {
            for (String sentence : sentences) {
                List<Pattern> candidates = Copilots.VOCABULARY.cue(cue, sentence);
                for (Pattern pattern : Copilots.VOCABULARY.cue(cue)) {
                    if (pattern.matcher(sentence).find()) {
                        matched++;
                        assertTrue(candidates.contains(pattern), () -> pattern + " matches but is no candidate: " + sentence);
                    }
                }
            }
        }
        assertTrue(matched > 100, "the sentences say many cues: " + matched);
    }

    @Test
    void aSentenceNamingNothingRunsFewAliases() {
        List<Alias> candidates = Copilots.VOCABULARY.candidates("line 1734 of the benchmark");
        assertTrue(candidates.size() < ALIASES.size() / 10, candidates.size() + " of " + ALIASES.size());
        assertEquals(List.of(), Copilots.VOCABULARY.candidates(""));
    }

    @Test
    void aWordStartItCannotBoundFallsBackToEveryAlias() {
        assertEquals(ALIASES, Copilots.VOCABULARY.candidates("\u00e9t\u00e9 furnace"));
        assertTrue(Copilots.VOCABULARY.candidates("fu\u00e9").size() < ALIASES.size());
    }

    @Test
    void candidatesKeepTheVocabularysOrder() {
        List<Alias> candidates = Copilots.VOCABULARY.candidates("The AC and the furnace and the water heater all quit");
        List<Integer> positions = candidates.stream().map(ALIASES::indexOf).toList();
        assertEquals(positions.stream().sorted().toList(), positions);
    }

    /**
     * The public evaluation calls' lines, and variants that move word starts about: upper case, glued punctuation,
     * and the lines cut at random places (a sentence's start can be any word start).
     */
    private static List<String> sentences() throws IOException {
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = PatternIndexTest.class.getClassLoader().getResourceAsStream("live-calls/dev.jsonl")) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!row.isBlank()) {
                    for (JsonNode segment : json.readTree(row).get("segments")) {
                        lines.add(segment.get("text").asText());
                    }
                }
            }
        }
        assertTrue(lines.size() > 50, "the evaluation set was read");
        List<String> sentences = new ArrayList<>(lines);
        Random random = new Random(7);
        for (String line : lines) {
            sentences.add(line.toUpperCase(Locale.ROOT));
            sentences.add(line.replaceAll("\\s+", "/"));
            sentences.add(line.substring(random.nextInt(line.length())));
            for (String part : Pattern.compile("(?<=[.?!])\\s+").split(line)) {
                sentences.add(part);
            }
        }
        return sentences;
    }
}
