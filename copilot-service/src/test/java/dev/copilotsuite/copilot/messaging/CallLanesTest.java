package dev.copilotsuite.copilot.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CallLanesTest {

    @Test
    void oneKeysTasksRunInOrderAndNeverTogether() throws Exception {
        try (CallLanes lanes = new CallLanes(4, 1000, "test")) {
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<CallLanes.Submitted> submitted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                submitted.add(lanes.submit("call-a", () -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    ran.add(n);
                    running.decrementAndGet();
                }));
            }
            submitted.forEach(s -> s.done().toCompletableFuture().join());
            assertEquals(0, overlaps.get());
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                expected.add(i);
            }
            assertEquals(expected, ran);
            assertEquals(0, lanes.inFlight());
        }
    }

    @Test
    void differentKeysRunAtTheSameTime() throws Exception {
        try (CallLanes lanes = new CallLanes(3, 100, "test")) {
            CountDownLatch allThere = new CountDownLatch(3);
            List<CallLanes.Submitted> submitted = new ArrayList<>();
            for (String key : List.of("a", "b", "c")) {
                submitted.add(lanes.submit(key, () -> {
                    allThere.countDown();
                    try {
                        // each waits for the other two: only possible if the three run together
                        assertTrue(allThere.await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CallLanes.Submitted s : submitted) {
                s.done().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aFullSetOfLanesHoldsTheNextRecordBack() throws Exception {
        try (CallLanes lanes = new CallLanes(1, 2, "test")) {
            CountDownLatch release = new CountDownLatch(1);
            Runnable blocked = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            assertTrue(lanes.submit("a", blocked).room().toCompletableFuture().isDone());
            CallLanes.Submitted second = lanes.submit("b", blocked);
            assertFalse(second.room().toCompletableFuture().isDone(), "two in flight: no room for a third");
            release.countDown();
            second.room().toCompletableFuture().get(5, TimeUnit.SECONDS);
            second.done().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailingTaskFailsItsOwnResultAndTheLaneGoesOn() throws Exception {
        try (CallLanes lanes = new CallLanes(2, 10, "test")) {
            CallLanes.Submitted failing = lanes.submit("a", () -> {
                throw new IllegalStateException("boom");
            });
            CallLanes.Submitted next = lanes.submit("a", () -> {
            });
            CompletionException thrown = assertThrows(CompletionException.class, () -> failing.done().toCompletableFuture().join());
            assertEquals("boom", thrown.getCause().getMessage());
            next.done().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(0, lanes.waiting("a"));
        }
    }
}
