package dev.copilotsuite.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bench's streaming read of a state event finds the envelope's type and the payload's request id only. */
class CalculatorRoundTripTest {

    @Test
    void readsTheTypeAndTheRequestItAnswersAndSkipsTheState() throws Exception {
        String event = """
                {"id": "e-1", "payload": {"state": {"inputs": {"requestId": "nested", "type": "x"}, "outputs": [1.5, 2e-3]},
                 "patch": [{"op": "replace", "path": "/inputs/humanAgents", "value": 31}], "requestId": "r-42"},
                 "type": "calculator.state.changed", "sessionId": "chat:bench:run-1:s0"}""";
        var answer = CalculatorRoundTrip.Answer.of(event);
        assertEquals("calculator.state.changed", answer.type());
        assertEquals("r-42", answer.requestId());
    }

    @Test
    void aRefusalIsToldApart() throws Exception {
        var answer = CalculatorRoundTrip.Answer.of("""
                {"type": "calculator.change.rejected", "payload": {"requestId": "r-7", "reason": "OUT_OF_BOUNDS"}}""");
        assertEquals("calculator.change.rejected", answer.type());
        assertEquals("r-7", answer.requestId());
    }

    @Test
    void somethingElseAnswersNothing() throws Exception {
        var answer = CalculatorRoundTrip.Answer.of("[1, 2]");
        assertEquals("", answer.requestId());
    }
}
