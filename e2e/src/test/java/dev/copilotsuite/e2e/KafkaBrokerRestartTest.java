package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kafka broker dies in the middle of a call (SIGKILL) and comes back on the same ports and log
 * directory. While it is down the webhook never answers 2xx (a 2xx means Kafka holds the segment with
 * acks=all) but a clear 503 within its publish timeout, and the forwarder retries; once the broker is
 * back every service reconnects by itself, every segment the forwarder retried arrives once, and the
 * agent's socket, joined throughout, gets the cards for what was asked during the outage.
 */
@Timeout(240)
class KafkaBrokerRestartTest {

    /** The gateway's publish timeout (5 s) and the slack of a loaded 2-core machine. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(15);
    static final List<String> SERVICE_PORTS = List.of("COPILOT_PORT", "ORCHESTRATOR_PORT", "CALCULATOR_PORT",
            "COPILOT_SERVICE_PORT", "DOCUMENT_PORT");

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
            suite.ensureRunning("kafka");
        }
    }

    @Test
    void aCallSurvivesTheBrokerRestarting() throws Exception {
        try (FaultCall call = new FaultCall(suite, agentToken)) {
            call.agentSays("Thanks for calling HearthGuard, this is Nadia. How can I help?");
            List<String> before = List.of(call.ask(0));
            call.awaitCards(before, FaultCall.WAIT);
            assertTrue(call.forwarder.awaitDelivered(FaultCall.WAIT), call.forwarder.log());

            suite.kill("kafka");
            Instant down = Instant.now();
            List<String> duringOutage = new ArrayList<>();
            duringOutage.add(call.ask(1));
            call.agentSays("Let me look at your contract.");
            duringOutage.add(call.ask(2));
            duringOutage.add(call.ask(3));
            // Down long enough for the forwarder to be refused twice, then back on the same log directory.
            awaitRefusals(call.forwarder, down, 2, Duration.ofSeconds(45));
            Instant restarting = Instant.now();
            suite.start("kafka");
            Instant listening = Instant.now();

            List<CallForwarder.Attempt> whileDown = call.forwarder.attempts().stream()
                    .filter(a -> a.started().isAfter(down) && a.ended().isBefore(restarting)).toList();
            assertTrue(whileDown.size() >= 2, call.forwarder.log());
            for (CallForwarder.Attempt refused : whileDown) {
                assertEquals(503, refused.status(), "no 2xx while the broker is down:\n" + call.forwarder.log());
                JsonNode error = new ObjectMapper().readTree(refused.body());
                assertEquals("UNAVAILABLE", error.path("code").asText(), refused.body());
                assertTrue(error.path("message").asText().contains("Kafka"), refused.body());
                assertTrue(refused.took().compareTo(REFUSED_WITHIN) < 0, "refused within its timeout: " + refused);
            }

            // The forwarder's retries now land; the call goes on.
            assertTrue(call.forwarder.awaitDelivered(Duration.ofSeconds(60)),
                    "the retried segments are accepted once the broker is back:\n" + call.forwarder.log());
            Instant retried = Instant.now();
            call.agentSays("Thanks for waiting.");
            List<String> after = List.of(call.ask(4), call.ask(5));
            assertTrue(call.forwarder.awaitDelivered(FaultCall.WAIT), call.forwarder.log());

            List<String> all = new ArrayList<>(before);
            all.addAll(duringOutage);
            all.addAll(after);
            call.awaitCards(duringOutage, Duration.ofSeconds(90));
            Instant cards = Instant.now();
            call.awaitCards(all, FaultCall.WAIT);
            call.assertNothingLostOrDuplicated(agentToken);

            // Every service reconnected by itself: all five are ready again.
            for (String port : SERVICE_PORTS) {
                awaitReady(suite.port(port), Duration.ofSeconds(60));
            }
            // Liveness is reported, not asserted: a Kafka channel that saw a send fail may stay "down" there.
            for (String port : SERVICE_PORTS) {
                HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + suite.port(port) + "/q/health/live")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf("after the broker restart, %s liveness: %d %s%n", port, live.statusCode(),
                        live.statusCode() == 200 ? "" : live.body().replaceAll("\\s+", " "));
            }
            System.out.printf("Kafka SIGKILLed: down %.1f s (listening again %.1f s after ./copilot start began); %d posts refused"
                    + " with 503 in %d..%d ms; the queued segments all accepted %.1f s after the restart, the outage's cards on"
                    + " the agent's socket %.1f s after it%n",
                    millis(down, listening) / 1000.0, millis(restarting, listening) / 1000.0, whileDown.size(),
                    whileDown.stream().mapToLong(a -> a.took().toMillis()).min().orElse(0),
                    whileDown.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                    millis(listening, retried) / 1000.0, millis(listening, cards) / 1000.0);
        }
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static void awaitRefusals(CallForwarder forwarder, Instant since, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (forwarder.attempts().stream().filter(a -> a.started().isAfter(since) && !a.accepted()).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the forwarder was not refused " + count + " times within " + timeout
                        + " of the broker going down:\n" + forwarder.log());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitReady(int port, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service on port " + port + " is not ready again after the broker came back: " + last);
    }
}
