package dev.copilotsuite.copilot.service;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A call on the agent desk's list: still active when something happened on it within the idle timeout.
 *
 * @param callId       the call's session id
 * @param phone        the caller's phone (E.164 once looked up), or null before any segment carried one
 * @param customerName the caller's name when the phone matched a customer, else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveCall(String callId, Instant startedAt, Instant lastActivityAt, String phone, String customerName) {
}
