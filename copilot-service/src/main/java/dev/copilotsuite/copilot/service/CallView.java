package dev.copilotsuite.copilot.service;

import java.time.Instant;
import java.util.List;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CustomerCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptLine;

/**
 * Everything the agent's screen shows of a call, for a screen that (re)connects mid-call.
 *
 * @param context       the contract context in force: the agent's choice, else what the segments carried,
 *                      else the caller's one active contract
 * @param customerFound null until a phone was looked up
 * @param customer      the caller's card when found
 * @param suggestions   the intent and cards last pushed to the agent, null before any
 * @param enabledUntil  when a copilot left on without activity goes off; past, or set while not enabled, it
 *                      went off by expiring (an agent's switch-off clears it)
 */
public record CallView(String sessionId, boolean enabled, CallContext context, Boolean customerFound,
        CustomerCard customer, List<TranscriptLine> transcript, SuggestionsUpdated suggestions, Instant startedAt,
        Instant updatedAt, Instant enabledUntil) {
}
