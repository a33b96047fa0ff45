package dev.copilotsuite.events.call;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** The agent switched the copilot on (with the contract context the agent chose) or off for a call. */
@JsonTypeName("call.copilot.toggled")
public record CopilotToggled(boolean enabled, CallContext context, String userId) implements EventPayload {
}
