package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * copilot-service dies in the middle of a call (SIGKILL: no graceful close, no offsets committed on
 * the way out) while the caller keeps talking. The webhook keeps answering 2xx, because the gateway
 * needs only Kafka; once copilot-service is back it reads on from its last committed offsets, so no
 * segment is lost, none is stored twice, no card is duplicated, and the agent's socket, joined
 * throughout, gets the cards for what was asked while it was down.
 */
@Timeout(240)
class CopilotServiceRestartTest {

    static Suite suite;
    static String agentToken;

    @BeforeAll
    static void up() {
        suite = Suite.faults();
        agentToken = FaultCall.agentToken(suite);
    }

    @AfterAll
    static void leaveItRunning() {
        if (suite != null) {
            suite.ensureRunning("copilot-service");
        }
    }

    @Test
    void aCallSurvivesCopilotServiceBeingKilledMidCall() throws Exception {
        try (FaultCall call = new FaultCall(suite, agentToken)) {
            call.agentSays("Thanks for calling HearthGuard, this is Nadia. How can I help?");
            List<String> before = List.of(call.ask(0), call.ask(1));
            call.awaitCards(before, FaultCall.WAIT);

            // Killed right after a question was accepted, while copilot-service is working on it.
            String inFlight = call.ask(2);
            assertTrue(call.forwarder.awaitDelivered(FaultCall.WAIT), call.forwarder.log());
            suite.kill("copilot-service");
            long killed = System.nanoTime();
            int attemptsBefore = call.forwarder.attempts().size();

            List<String> duringOutage = new ArrayList<>(List.of(inFlight));
            call.agentSays("Let me look at your contract.");
            duringOutage.add(call.ask(3));
            call.agentSays("One moment please.");
            duringOutage.add(call.ask(4));
            duringOutage.add(call.ask(5));
            assertTrue(call.forwarder.awaitDelivered(FaultCall.WAIT),
                    "the webhook answers while copilot-service is down:\n" + call.forwarder.log());
            List<CallForwarder.Attempt> outage = call.forwarder.attempts().subList(attemptsBefore, call.forwarder.attempts().size());
            assertTrue(outage.stream().allMatch(CallForwarder.Attempt::accepted),
                    "every post answered 2xx at the first try while copilot-service was down:\n" + call.forwarder.log());

            suite.start("copilot-service");
            long healthy = System.nanoTime();
            call.agentSays("Thanks for waiting.");
            List<String> after = List.of(call.ask(6), call.ask(7));
            assertTrue(call.forwarder.awaitDelivered(FaultCall.WAIT), call.forwarder.log());

            // The socket that stayed joined gets the cards of the outage (and of what came after it).
            List<String> all = new ArrayList<>(before);
            all.addAll(duringOutage);
            all.addAll(after);
            call.awaitCards(duringOutage, Duration.ofSeconds(90));
            long cards = System.nanoTime();
            call.awaitCards(all, FaultCall.WAIT);
            System.out.printf("copilot-service SIGKILLed: healthy again %.1f s later (./copilot start), the outage's cards"
                    + " on the agent's socket %.1f s after the kill; %d posts, all 2xx%n", seconds(healthy - killed),
                    seconds(cards - killed), call.forwarder.attempts().size());
            call.assertNothingLostOrDuplicated(agentToken);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
