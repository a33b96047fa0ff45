package dev.copilotsuite.copilot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.call.Decision;
import dev.copilotsuite.events.call.Evidence;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;

class CardStampTest {

    private static final Instant EARLIER = Instant.parse("2026-11-23T10:00:00.123Z");
    private static final Instant NOW = Instant.parse("2026-11-23T10:05:00.456789Z");

    @Test
    void anUnchangedCardKeepsItsCreationTimeSoTheSetComparesEqual() {
        SuggestionsUpdated before = CallService.stamped(set(card("dishwasher", Decision.YES)), null, EARLIER);
        assertEquals(EARLIER, before.cards().get(0).createdAt());

        SuggestionsUpdated again = CallService.stamped(set(card("dishwasher", Decision.YES)), before, NOW);
        assertEquals(before, again);
    }

    @Test
    void aChangedOrNewCardIsStampedNowToTheMillisecond() {
        SuggestionsUpdated before = CallService.stamped(set(card("dishwasher", Decision.YES)), null, EARLIER);
        SuggestionsUpdated next = CallService.stamped(
                set(card("dishwasher", Decision.PARTIAL), card("pool", Decision.NO)), before, NOW);
        Instant millis = Instant.parse("2026-11-23T10:05:00.456Z");
        assertEquals(List.of(millis, millis), next.cards().stream().map(SuggestionCard::createdAt).toList());
    }

    private static SuggestionsUpdated set(SuggestionCard... cards) {
        return new SuggestionsUpdated("INQUIRY", List.of(cards));
    }

    private static SuggestionCard card(String id, Decision decision) {
        return SuggestionCard.offline(id, "s1", id, "Is it covered?", "INQUIRY", decision, "Script.",
                List.of(new Evidence("plan-plus", "Covered", id, "text", "Plus")), List.of());
    }
}
