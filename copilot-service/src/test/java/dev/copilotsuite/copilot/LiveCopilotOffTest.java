package dev.copilotsuite.copilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.copilot.service.CallView;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.testing.CopilotTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** ENABLE_LIVE_COPILOT=false: calls are kept as ever, but no call gets suggestion cards. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@TestProfile(LiveCopilotOffTest.LiveCopilotOff.class)
class LiveCopilotOffTest {

    public static class LiveCopilotOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("copilot.copilot.live-enabled", "false");
        }
    }

    @Inject
    CallService calls;

    @Test
    void noCallGetsCardsWhenTheLiveCopilotIsOff() {
        String session = "call-" + UUID.randomUUID();
        EventEnvelope<TranscriptSegmentReceived> event = EventEnvelope.of("demo", session, null, new TranscriptSegmentReceived(
                new TranscriptLine("s-1", null, "CUSTOMER", "My AC is blowing warm air, can you send someone?", false,
                        null, null, null, null),
                new CallContext("+14155550101", "CA", "PLUS", "HOMEOWNER", null)));

        calls.receive(event, event.payload());

        CallView view = calls.view("demo", session);
        assertTrue(view.enabled(), "the call's own switch is on");
        assertEquals(List.of("My AC is blowing warm air, can you send someone?"),
                view.transcript().stream().map(TranscriptLine::text).toList());
        assertEquals("CUST-0001", view.customer().customerId());
        assertNull(view.suggestions());
    }
}
