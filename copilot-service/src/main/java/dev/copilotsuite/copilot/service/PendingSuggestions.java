package dev.copilotsuite.copilot.service;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per call, how many events that recompute its suggestions (a caller's final segment, the agent's toggle)
 * are queued and not started yet. While one is, the suggestions an earlier event computes are already
 * stale: the newer event recomputes them for the whole call, so the earlier work is dropped instead of
 * publishing a card set the next one replaces at once (see {@link CallService}).
 */
@ApplicationScoped
public class PendingSuggestions {

    private final ConcurrentHashMap<String, Integer> queued = new ConcurrentHashMap<>();

    /** An event that will recompute the call's suggestions was queued. */
    public void queued(String callId) {
        queued.merge(callId, 1, Integer::sum);
    }

    /** That event started: it no longer supersedes the work before it. */
    public void started(String callId) {
        queued.computeIfPresent(callId, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** Whether a newer event of the call will recompute its suggestions. */
    public boolean newerQueued(String callId) {
        return queued.containsKey(callId);
    }
}
