package dev.copilotsuite.copilot.messaging;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work one call at a time and many calls at once: tasks with the same key run in the order they were
 * submitted, never two together; tasks of different keys run in parallel on a fixed pool.
 *
 * <p>Why not the connector's own concurrency: a Kafka consumer serialises a whole partition, so every call
 * of a partition waits behind the slowest; the partitions bound how many consumers help, and one replica
 * of the local run sees three. Ordering is only needed per call (its segments are keyed by session), so
 * the consumer hands each record to its call's lane and acknowledges it when the lane has run it; the
 * throttled commit strategy commits an offset only once every record before it is acknowledged, so a
 * crash redelivers whatever had not finished.
 *
 * <p>At most {@code maxInFlight} tasks are queued or running: {@link #submit} answers when there is room
 * for the next, so the consumer stops pulling records while the lanes are full (back-pressure).
 */
public final class CallLanes implements AutoCloseable {

    private final ExecutorService pool;
    private final int maxInFlight;
    /** Per key, the tasks waiting behind the running one; a key is present while it has work. Guarded by this. */
    private final Map<String, Queue<Runnable>> lanes = new HashMap<>();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private int inFlight;

    public CallLanes(int threads, int maxInFlight, String threadName) {
        if (threads < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("threads and maxInFlight are at least 1");
        }
        this.maxInFlight = maxInFlight;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Queues {@code task} behind the earlier tasks of {@code key}.
     *
     * @return when the task has run (exceptionally if it threw), and when there is room for the next task
     */
    public Submitted submit(String key, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable wrapped = () -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            } finally {
                next(key);
            }
        };
        CompletableFuture<Void> room;
        boolean runNow;
        synchronized (this) {
            inFlight++;
            Queue<Runnable> lane = lanes.get(key);
            runNow = lane == null;
            if (runNow) {
                lanes.put(key, new ArrayDeque<>());
            } else {
                lane.add(wrapped);
            }
            room = new CompletableFuture<>();
            if (inFlight < maxInFlight) {
                room.complete(null);
            } else {
                waitingForRoom.add(room);
            }
        }
        if (runNow) {
            pool.execute(wrapped);
        }
        return new Submitted(done, room);
    }

    /** How many tasks of {@code key} wait behind the one running. */
    public synchronized int waiting(String key) {
        Queue<Runnable> lane = lanes.get(key);
        return lane == null ? 0 : lane.size();
    }

    /** Tasks queued or running, all keys together. */
    public synchronized int inFlight() {
        return inFlight;
    }

    private void next(String key) {
        Runnable following;
        CompletableFuture<Void> room = null;
        synchronized (this) {
            inFlight--;
            if (inFlight < maxInFlight) {
                room = waitingForRoom.poll();
            }
            Queue<Runnable> lane = lanes.get(key);
            following = lane.poll();
            if (following == null) {
                lanes.remove(key);
            }
        }
        if (room != null) {
            room.complete(null);
        }
        if (following != null) {
            pool.execute(following);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** @param done when the task ran; @param room when the lanes take another task */
    public record Submitted(CompletionStage<Void> done, CompletionStage<Void> room) {
    }
}
