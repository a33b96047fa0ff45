package dev.copilotsuite.orchestrator.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The router keeps only answers inside its schema: anything else is no plan, never a guess. */
class GeminiRouterTest {

    final GeminiRouter router = new GeminiRouter(null, new ObjectMapper());

    @Test
    void keepsTheRoutesInOrderOnce() {
        assertEquals(List.of("MODIFY", "GENERATE"), router.parse("{\"routes\":[\"MODIFY\",\"GENERATE\",\"MODIFY\"]}"));
    }

    @Test
    void aValueOutsideTheSchemaVoidsThePlan() {
        assertEquals(List.of(), router.parse("{\"routes\":[\"MODIFY\",\"DELETE_EVERYTHING\"]}"));
        assertEquals(List.of(), router.parse("{\"routes\":[\"REJECT\"]}"), "refusals are validation's, not the model's");
        assertEquals(List.of(), router.parse("{\"routes\":[1]}"));
    }

    @Test
    void malformedOrMissingAnswersAreNoPlan() {
        assertEquals(List.of(), router.parse("MODIFY"));
        assertEquals(List.of(), router.parse("{\"route\":\"MODIFY\"}"));
        assertEquals(List.of(), router.parse(null));
        assertEquals(List.of(), router.parse("{\"routes\":\"MODIFY\"}"));
    }
}
