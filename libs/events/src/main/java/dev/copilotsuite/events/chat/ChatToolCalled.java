package dev.copilotsuite.events.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * One tool the copilot used during a turn (apply a change, run a scenario, read drivers, request a
 * document…), published when it returns. The gateway expands it into AG-UI TOOL_CALL_START / ARGS /
 * END / RESULT.
 *
 * @param replyTo    the user's message id (the AG-UI run id)
 * @param toolCallId unique within the turn
 * @param name       the tool: {@code apply_change}, {@code run_scenario}, {@code goal_seek},
 *                   {@code read_drivers}, {@code read_state}, {@code undo}, {@code request_document}
 * @param argsJson   the arguments as a JSON text
 * @param resultJson the result as a JSON text
 * @param error      true when the tool refused (e.g. an out-of-bounds change)
 */
@JsonTypeName("chat.tool.called")
public record ChatToolCalled(String replyTo, String toolCallId, String name, String argsJson, String resultJson,
        boolean error) implements EventPayload {
}
