package dev.copilotsuite.platform.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoTimeoutException;

class BatchesTest {

    @Test
    void requestsQueuedWhileABatchRunsGoTogetherAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(11);
        try (Batches<Integer, String> batches = new Batches<>("test", 100, Duration.ofSeconds(10), requests -> {
            sizes.add(requests.size());
            firstStarted.countDown();
            await(release);
            return requests.stream().map(n -> "answer " + n).toList();
        })) {
            Future<String> first = callers.submit(() -> batches.call(0));
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            List<Future<String>> queued = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int n = i;
                queued.add(callers.submit(() -> batches.call(n)));
            }
            Thread.sleep(200); // the ten wait behind the running batch
            release.countDown();

            assertEquals("answer 0", first.get(5, TimeUnit.SECONDS));
            for (int i = 1; i <= 10; i++) {
                assertEquals("answer " + i, queued.get(i - 1).get(5, TimeUnit.SECONDS));
            }
            assertEquals(List.of(1, 10), sizes, "one request alone, then the ten queued in one batch");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsRequestsWithTheSameError() {
        IllegalStateException failure = new IllegalStateException("MongoDB refused");
        try (Batches<Integer, String> batches = new Batches<>("test", 100, Duration.ofSeconds(10), requests -> {
            throw failure;
        })) {
            assertSame(failure, assertThrows(IllegalStateException.class, () -> batches.call(1)));
        }
    }

    @Test
    void aBatchThatDoesNotAnswerInTimeIsAMongoTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        try (Batches<Integer, String> batches = new Batches<>("test", 100, Duration.ofMillis(200), requests -> {
            await(never);
            return List.of();
        })) {
            assertThrows(MongoTimeoutException.class, () -> batches.call(1));
        }
    }

    @Test
    void aSubmittedRequestIsAnsweredWithoutBlockingItsCallerAndFailsUnwrapped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("MongoDB refused");
        try (Batches<Integer, String> batches = new Batches<>("test", 100, Duration.ofSeconds(10), requests -> {
            await(release);
            if (requests.contains(-1)) {
                throw failure;
            }
            return requests.stream().map(n -> "answer " + n).toList();
        })) {
            CompletableFuture<String> answer = batches.submit(7);
            assertFalse(answer.isDone(), "submit returns before the batch ran");
            release.countDown();
            assertEquals("answer 7", answer.get(5, TimeUnit.SECONDS));

            CompletableFuture<String> refused = batches.submit(-1);
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> refused.get(5, TimeUnit.SECONDS));
            assertSame(failure, thrown.getCause(), "the batch's own exception, not a CompletionException around it");
        }
    }

    @Test
    void aSubmittedRequestNotAnsweredInTimeFailsAsAMongoTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        try (Batches<Integer, String> batches = new Batches<>("test", 100, Duration.ofMillis(200), requests -> {
            await(never);
            return List.of();
        })) {
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> batches.submit(1).get(5, TimeUnit.SECONDS));
            assertTrue(thrown.getCause() instanceof MongoTimeoutException, String.valueOf(thrown.getCause()));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
