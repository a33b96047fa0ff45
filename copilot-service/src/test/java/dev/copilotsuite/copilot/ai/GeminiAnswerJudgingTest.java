package dev.copilotsuite.copilot.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.call.Decision;
import dev.copilotsuite.events.call.Evidence;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionCard.Confidence;
import dev.copilotsuite.events.call.SuggestionCard.Mode;

/** Whatever Gemini answers, nothing but a faithful answer changes a card, and only its script and citations. */
class GeminiAnswerJudgingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Evidence DECIDES = new Evidence("plan-plus", "Limits", "Dishwasher", "Capped at $1,500.", "Plus");
    private static final Evidence SUPPORTS = new Evidence("plan-plus", "Covered", "Dishwasher", "The dishwasher.", "Plus");
    private static final SuggestionCard OFFLINE = SuggestionCard.offline("dishwasher", "s1", "Dishwasher",
            "Does the plan cover the dishwasher?", "INQUIRY", Decision.PARTIAL, "Offline script.", List.of(DECIDES, SUPPORTS),
            List.of(SuggestionCard.PROMPT_INJECTION));

    private static SuggestionCard judge(String answer) {
        return GeminiCards.judge(JSON, OFFLINE, GeminiCards.clauses(OFFLINE.evidence()), answer);
    }

    @Test
    void unusableAnswersLeaveTheOfflineCard() {
        for (String answer : new String[] { null, "", "not json", "[]", "{}", "{\"decision\":\"PARTIAL\"}",
                "{\"decision\":\"MAYBE\",\"script\":\"x\",\"citations\":[\"plan-plus/Limits/Dishwasher\"]}",
                "{\"decision\":\"PARTIAL\",\"script\":\"   \",\"citations\":[\"plan-plus/Limits/Dishwasher\"]}",
                "{\"decision\":\"PARTIAL\",\"script\":\"" + "a".repeat(GeminiCards.MAX_SCRIPT + 1)
                        + "\",\"citations\":[\"plan-plus/Limits/Dishwasher\"]}",
                "{\"decision\":\"PARTIAL\",\"script\":\"x\",\"citations\":\"plan-plus/Limits/Dishwasher\"}",
                "{\"decision\":\"PARTIAL\",\"script\":\"x\",\"citations\":[42, {\"id\":\"plan-plus/Limits/Dishwasher\"}]}",
                "{\"decision\":\"PARTIAL\",\"script\":\"x\",\"citations\":[]}" }) {
            assertEquals(OFFLINE, judge(answer), String.valueOf(answer));
        }
    }

    @Test
    void aFaithfulAnswerChangesOnlyScriptEvidenceOrderAndMode() {
        SuggestionCard card = judge("{\"decision\":\"PARTIAL\",\"script\":\"Covered up to $1,500.\","
                + "\"citations\":[\"plan-plus/Covered/Dishwasher\"]}");
        assertEquals(OFFLINE.rewritten("Covered up to $1,500.", List.of(DECIDES, SUPPORTS), Confidence.HIGH, Mode.GEMINI),
                card);
        assertEquals(List.of(SuggestionCard.PROMPT_INJECTION), card.flags(), "flags are kept");
    }

    @Test
    void onlyTheCitedClausesFollowTheDecidingOne() {
        SuggestionCard card = judge("{\"decision\":\"PARTIAL\",\"script\":\"Capped.\","
                + "\"citations\":[\"plan-plus/Limits/Dishwasher\", \"plan-plus/Limits/Dishwasher\", \"elsewhere/Covered/Pool\"]}");
        assertEquals(List.of(DECIDES), card.evidence());
        assertEquals(Confidence.LOW, card.confidence());
        assertEquals(Mode.GEMINI, card.mode());
    }

    @Test
    void anotherDecisionKeepsTheOfflineCardAtLowConfidence() {
        SuggestionCard card = judge("{\"decision\":\"YES\",\"script\":\"Everything is covered.\","
                + "\"citations\":[\"plan-plus/Covered/Dishwasher\"]}");
        assertEquals(OFFLINE.rewritten(OFFLINE.script(), OFFLINE.evidence(), Confidence.LOW, Mode.OFFLINE), card);
    }
}
