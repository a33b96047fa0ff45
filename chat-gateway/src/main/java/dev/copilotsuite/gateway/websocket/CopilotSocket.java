package dev.copilotsuite.gateway.websocket;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.gateway.client.CalculatorClient;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.gateway.service.CommandPublisher;
import dev.copilotsuite.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One socket per browser tab. The upgrade needs a user's bearer token; every message after that acts
 * as that user, within that user's tenant.
 */
@WebSocket(path = "/ws")
@RolesAllowed(Roles.USER)
public class CopilotSocket {

    private static final Logger LOG = Logger.getLogger(CopilotSocket.class);
    static final int MAX_CHAT_LENGTH = 4000;

    private final SessionHub hub;
    private final CommandPublisher commands;
    private final CalculatorClient calculator;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public CopilotSocket(SessionHub hub, CommandPublisher commands, @RestClient CalculatorClient calculator,
            ObjectMapper mapper, SecurityIdentity identity) {
        this.hub = hub;
        this.commands = commands;
        this.calculator = calculator;
        this.mapper = mapper;
        this.identity = identity;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        if (caller() == null) {
            connection.close(new CloseReason(1008, "token names no subject or tenant")).subscribe().with(ok -> {
            }, failure -> {
            });
        }
    }

    @OnTextMessage
    public void onMessage(String raw, WebSocketConnection connection) {
        Caller caller = caller();
        ClientMessage message;
        try {
            message = mapper.readValue(raw, ClientMessage.class);
        } catch (JsonProcessingException e) {
            hub.send(connection, ServerMessage.error(null, "INVALID_MESSAGE",
                    "The message is not valid JSON or has an unknown type: " + e.getOriginalMessage()));
            return;
        }
        if (message instanceof ClientMessage.Ping) {
            hub.send(connection, ServerMessage.of("pong", null, null));
            return;
        }
        if (!SessionKeys.validClientId(message.sessionId())) {
            hub.send(connection, ServerMessage.error(message.sessionId(), "INVALID_SESSION",
                    "sessionId is required: 1 to 128 letters, digits, '.', '_' or '-'."));
            return;
        }
        try {
            handle(caller, message, connection);
        } catch (RuntimeException e) {
            LOG.errorf(e, "socket %s: %s failed", connection.id(), message.getClass().getSimpleName());
            hub.send(connection, ServerMessage.error(message.sessionId(), "UNAVAILABLE",
                    "The suite could not take this message now; try again."));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        hub.leaveAll(connection);
    }

    private void handle(Caller caller, ClientMessage message, WebSocketConnection connection) {
        if (message instanceof ClientMessage.Join join) {
            join(caller, join, connection);
        } else if (message instanceof ClientMessage.Leave leave) {
            hub.leave(caller.sessionKey(SessionKeys.Kind.CHAT, leave.sessionId()), connection);
            hub.leave(caller.sessionKey(SessionKeys.Kind.CALL, leave.sessionId()), connection);
        } else if (message instanceof ClientMessage.Chat chat) {
            chat(caller, chat, connection);
        } else if (message instanceof ClientMessage.CalculatorChange change) {
            calculatorChange(caller, change, connection);
        } else if (message instanceof ClientMessage.CalculatorUndo undo) {
            String key = joinedKey(caller, SessionKeys.Kind.CHAT, undo.sessionId(), connection);
            if (key != null) {
                String requestId = requestId(undo.requestId());
                commands.calculatorUndo(caller, key, requestId, undo.expectedVersion());
                hub.send(connection, ServerMessage.of("calculator.change.accepted", undo.sessionId(), new Accepted(requestId)));
            }
        } else if (message instanceof ClientMessage.CalculatorReset reset) {
            String key = joinedKey(caller, SessionKeys.Kind.CHAT, reset.sessionId(), connection);
            if (key != null) {
                String requestId = requestId(reset.requestId());
                commands.calculatorReset(caller, key, requestId, reset.expectedVersion());
                hub.send(connection, ServerMessage.of("calculator.change.accepted", reset.sessionId(), new Accepted(requestId)));
            }
        } else if (message instanceof ClientMessage.CopilotEnable enable) {
            String key = joinedKey(caller, SessionKeys.Kind.CALL, enable.sessionId(), connection);
            if (key != null) {
                commands.copilotToggle(caller, key, true, new CallContext(null, enable.selectedState(),
                        enable.selectedPlan(), enable.contractType(), enable.role()));
            }
        } else if (message instanceof ClientMessage.CopilotDisable disable) {
            String key = joinedKey(caller, SessionKeys.Kind.CALL, disable.sessionId(), connection);
            if (key != null) {
                commands.copilotToggle(caller, key, false, null);
            }
        }
    }

    private void chat(Caller caller, ClientMessage.Chat chat, WebSocketConnection connection) {
        String key = joinedKey(caller, SessionKeys.Kind.CHAT, chat.sessionId(), connection);
        if (key == null) {
            return;
        }
        if (chat.text() == null || chat.text().isBlank() || chat.text().length() > MAX_CHAT_LENGTH) {
            hub.send(connection, ServerMessage.error(chat.sessionId(), "INVALID_MESSAGE",
                    "text is required, at most " + MAX_CHAT_LENGTH + " characters."));
            return;
        }
        String messageId = SessionKeys.validClientId(chat.messageId()) ? chat.messageId() : CommandPublisher.newId();
        commands.chat(caller, key, messageId, chat.text());
        hub.send(connection, ServerMessage.of("chat.accepted", chat.sessionId(), new Accepted(messageId)));
    }

    private void calculatorChange(Caller caller, ClientMessage.CalculatorChange change, WebSocketConnection connection) {
        String key = joinedKey(caller, SessionKeys.Kind.CHAT, change.sessionId(), connection);
        if (key == null) {
            return;
        }
        if (change.ops() == null || change.ops().isEmpty()
                || change.ops().stream().anyMatch(op -> op == null || op.op() == null || op.path() == null)) {
            hub.send(connection, ServerMessage.error(change.sessionId(), "INVALID_MESSAGE",
                    "ops must be a non-empty list of {op, path, value}."));
            return;
        }
        String requestId = requestId(change.requestId());
        commands.calculatorChange(caller, key, requestId, change.expectedVersion(), change.ops());
        hub.send(connection, ServerMessage.of("calculator.change.accepted", change.sessionId(), new Accepted(requestId)));
    }

    private void join(Caller caller, ClientMessage.Join join, WebSocketConnection connection) {
        if (join.kind() == null) {
            hub.send(connection, ServerMessage.error(join.sessionId(), "INVALID_MESSAGE", "kind must be 'chat' or 'call'."));
            return;
        }
        String key = caller.sessionKey(join.kind(), join.sessionId());
        hub.join(key, join.sessionId(), connection);
        hub.send(connection, ServerMessage.of("joined", join.sessionId(), new Joined(join.kind())));
        if (join.kind() == SessionKeys.Kind.CHAT) {
            try {
                hub.send(connection, ServerMessage.of("calculator.state", join.sessionId(), calculator.state(key)));
            } catch (RuntimeException e) {
                // Joined all the same: state events still arrive, and a rejoin fetches the snapshot again.
                LOG.warnf("socket %s: no calculator snapshot: %s", connection.id(), e.getMessage());
                hub.send(connection, ServerMessage.error(join.sessionId(), "CALCULATOR_UNAVAILABLE",
                        "The calculator state could not be loaded; rejoin to retry."));
            }
        }
    }

    /** The client's idempotency key when it is well formed, else a fresh one. */
    private static String requestId(String requested) {
        return SessionKeys.validClientId(requested) ? requested : CommandPublisher.newId();
    }

    /** The session key if this socket joined it, else tells the client to join first. */
    private String joinedKey(Caller caller, SessionKeys.Kind kind, String clientId, WebSocketConnection connection) {
        String key = caller.sessionKey(kind, clientId);
        if (!hub.joined(key, connection)) {
            hub.send(connection, ServerMessage.error(clientId, "NOT_JOINED",
                    "Join the " + kind.name().toLowerCase() + " session '" + clientId + "' first."));
            return null;
        }
        return key;
    }

    private Caller caller() {
        return identity.getPrincipal() instanceof JsonWebToken token ? Caller.of(token) : null;
    }

    record Accepted(String id) {
    }

    record Joined(SessionKeys.Kind kind) {
    }
}
