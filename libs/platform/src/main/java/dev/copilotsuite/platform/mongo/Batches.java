package dev.copilotsuite.platform.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.mongodb.MongoTimeoutException;

/**
 * Runs single requests to MongoDB as batches: one batch at a time, each taking every request queued while the
 * one before ran. Alone, a request goes at once; under load, hundreds share one round trip. Mutiny's grouping
 * waits for a size or a fixed time instead, which adds that time to every request when traffic is light.
 *
 * @param <T> one request
 * @param <R> its answer; {@code run} answers a batch in the order of its requests
 */
public final class Batches<T, R> implements AutoCloseable {

    private record Pending<T, R>(T request, CompletableFuture<R> answer) {
    }

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> run;
    private final int maxBatch;
    private final Duration timeout;
    private final Thread worker;
    private volatile boolean closed;

    public Batches(String name, int maxBatch, Duration timeout, Function<List<T>, List<R>> run) {
        this.run = run;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.worker = new Thread(this::loop, name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * The request's answer, once its batch ran. Throws what the batch threw, or {@link MongoTimeoutException}
     * when it took longer than the timeout (MongoDB unreachable), so callers answer as for any MongoDB failure.
     */
    public R call(T request) {
        try {
            return submit(request).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoTimeoutException("interrupted while waiting for MongoDB");
        }
    }

    /**
     * As {@link #call}, without blocking: the answer completes on the batch's thread, or fails with what the
     * batch threw, or with {@link MongoTimeoutException} after the timeout. Its failure is the exception itself,
     * not wrapped.
     */
    public CompletableFuture<R> submit(T request) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        queue.add(new Pending<>(request, answer));
        CompletableFuture<R> result = new CompletableFuture<>();
        answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else if (failure instanceof TimeoutException) {
                result.completeExceptionally(
                        new MongoTimeoutException("MongoDB did not answer within " + timeout.toMillis() + " ms"));
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (!closed) {
            try {
                Pending<T, R> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                answer(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void answer(List<Pending<T, R>> batch) {
        try {
            List<R> answers = run.apply(batch.stream().map(Pending::request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
