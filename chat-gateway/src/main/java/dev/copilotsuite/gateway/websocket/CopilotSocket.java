package dev.copilotsuite.gateway.websocket;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.gateway.service.CommandPublisher;
import dev.copilotsuite.gateway.service.SessionSnapshots;
import dev.copilotsuite.gateway.service.SessionStream;
import dev.copilotsuite.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One socket per browser tab (docs/protocol.md). The upgrade needs a user's bearer token, in the
 * Authorization header or the subprotocol carrier; every message after that acts as that user, within
 * that user's tenant.
 */
@WebSocket(path = "/ws")
@RolesAllowed(Roles.USER)
public class CopilotSocket {

    private static final Logger LOG = Logger.getLogger(CopilotSocket.class);
    static final int MAX_CHAT_LENGTH = 4000;

    private final SessionHub hub;
    private final SessionStream stream;
    private final SessionSnapshots snapshots;
    private final CommandPublisher commands;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public CopilotSocket(SessionHub hub, SessionStream stream, SessionSnapshots snapshots, CommandPublisher commands,
            ObjectMapper mapper, SecurityIdentity identity) {
        this.hub = hub;
        this.stream = stream;
        this.snapshots = snapshots;
        this.commands = commands;
        this.mapper = mapper;
        this.identity = identity;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        if (caller() == null) {
            connection.close(new CloseReason(SessionHub.POLICY_VIOLATION, "token names no subject or tenant"))
                    .subscribe().with(ok -> {
                    }, failure -> {
                    });
            return;
        }
        hub.open(connection);
    }

    @OnTextMessage
    public void onMessage(String raw, WebSocketConnection connection) {
        Caller caller = caller();
        ClientConnection client = hub.client(connection);
        ClientMessage message;
        try {
            message = mapper.readValue(raw, ClientMessage.class);
        } catch (JsonProcessingException e) {
            hub.send(client, hub.error(null, "INVALID_MESSAGE",
                    "The message is not valid JSON or has an unknown type: " + e.getOriginalMessage()));
            return;
        }
        if (message instanceof ClientMessage.Ping) {
            hub.send(client, hub.message("pong", null));
            return;
        }
        if (!SessionKeys.validClientId(message.sessionId())) {
            hub.send(client, hub.error(message.sessionId(), "INVALID_SESSION",
                    "sessionId is required: 1 to 128 letters, digits, '.', '_' or '-'."));
            return;
        }
        try {
            handle(caller, message, client);
        } catch (RuntimeException e) {
            LOG.errorf(e, "socket %s: %s failed", connection.id(), message.getClass().getSimpleName());
            hub.send(client, hub.error(message.sessionId(), "UNAVAILABLE",
                    "The suite could not take this message now; try again."));
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        hub.closed(connection);
    }

    private void handle(Caller caller, ClientMessage message, ClientConnection client) {
        if (message instanceof ClientMessage.Join join) {
            join(caller, join, client);
        } else if (message instanceof ClientMessage.Leave leave) {
            hub.leave(client, caller.sessionKey(SessionKeys.Kind.CHAT, leave.sessionId()));
            hub.leave(client, caller.sessionKey(SessionKeys.Kind.CALL, leave.sessionId()));
        } else if (message instanceof ClientMessage.Chat chat) {
            chat(caller, chat, client);
        } else if (message instanceof ClientMessage.CalculatorChange change) {
            calculatorChange(caller, change, client);
        } else if (message instanceof ClientMessage.CalculatorUndo undo) {
            String key = joinedKey(caller, SessionKeys.Kind.CHAT, undo.sessionId(), client);
            if (key != null) {
                commands.calculatorUndo(caller, key, requestId(undo.requestId()), undo.expectedVersion());
            }
        } else if (message instanceof ClientMessage.CalculatorReset reset) {
            String key = joinedKey(caller, SessionKeys.Kind.CHAT, reset.sessionId(), client);
            if (key != null) {
                commands.calculatorReset(caller, key, requestId(reset.requestId()), reset.expectedVersion());
            }
        } else if (message instanceof ClientMessage.CopilotEnable enable) {
            String key = joinedKey(caller, SessionKeys.Kind.CALL, enable.sessionId(), client);
            if (key != null) {
                commands.copilotToggle(caller, key, true, new CallContext(null, enable.selectedState(),
                        enable.selectedPlan(), enable.contractType(), enable.role()));
            }
        } else if (message instanceof ClientMessage.CopilotDisable disable) {
            String key = joinedKey(caller, SessionKeys.Kind.CALL, disable.sessionId(), client);
            if (key != null) {
                commands.copilotToggle(caller, key, false, null);
            }
        }
    }

    private void chat(Caller caller, ClientMessage.Chat chat, ClientConnection client) {
        String key = joinedKey(caller, SessionKeys.Kind.CHAT, chat.sessionId(), client);
        if (key == null) {
            return;
        }
        if (chat.text() == null || chat.text().isBlank() || chat.text().length() > MAX_CHAT_LENGTH) {
            hub.send(client, hub.error(chat.sessionId(), "INVALID_MESSAGE",
                    "text is required, at most " + MAX_CHAT_LENGTH + " characters.").put("ref", chat.messageId()));
            return;
        }
        String messageId = SessionKeys.validClientId(chat.messageId()) ? chat.messageId() : EventEnvelope.newId();
        commands.chat(caller, key, messageId, chat.text());
    }

    private void calculatorChange(Caller caller, ClientMessage.CalculatorChange change, ClientConnection client) {
        String key = joinedKey(caller, SessionKeys.Kind.CHAT, change.sessionId(), client);
        if (key == null) {
            return;
        }
        if (change.ops() == null || change.ops().isEmpty()
                || change.ops().stream().anyMatch(op -> op == null || op.op() == null || op.path() == null)) {
            hub.send(client, hub.error(change.sessionId(), "INVALID_MESSAGE",
                    "ops must be a non-empty list of {op, path, value}.").put("ref", change.requestId()));
            return;
        }
        commands.calculatorChange(caller, key, requestId(change.requestId()), change.expectedVersion(), change.ops());
    }

    /**
     * Subscribes, then answers with {@code joined}, then either the missed messages (resume) or the snapshot,
     * then whatever arrived meanwhile: in seq order, none twice.
     */
    private void join(Caller caller, ClientMessage.Join join, ClientConnection client) {
        if (join.kind() == null) {
            hub.send(client, hub.error(join.sessionId(), "INVALID_MESSAGE", "kind must be 'chat' or 'call'."));
            return;
        }
        String key = caller.sessionKey(join.kind(), join.sessionId());
        Subscription subscription = hub.subscribe(client, key, join.sessionId());
        if (subscription == null) {
            hub.send(client, hub.error(join.sessionId(), "TOO_MANY_SESSIONS",
                    "A socket may join at most " + hub.maxSessions() + " sessions; leave one first."));
            return;
        }
        long latest = hub.listen(subscription);
        hub.send(client, hub.message("joined", join.sessionId()).put("kind", join.kind() == SessionKeys.Kind.CHAT ? "chat" : "call")
                .put("seq", latest));
        boolean snapshot = join.lastSeq() == null;
        if (!snapshot) {
            SessionStream.Replay replay = stream.replay(key, join.lastSeq());
            if (replay.complete()) {
                subscription.sentUpTo(join.lastSeq());
                for (SessionStream.Entry entry : replay.entries()) {
                    if (!subscription.send(entry.seq(), entry.json())) {
                        hub.overflowed(client);
                        break;
                    }
                }
            } else {
                hub.send(client, hub.message("resync", join.sessionId()).put("reason", "REPLAY_WINDOW_PASSED"));
                snapshot = true;
            }
        }
        if (snapshot) {
            subscription.sentUpTo(latest);
            List<ObjectNode> messages = join.kind() == SessionKeys.Kind.CHAT
                    ? snapshots.chat(key, join.sessionId())
                    : snapshots.call(caller.tenantId(), key, join.sessionId());
            for (ObjectNode message : messages) {
                message.put("sessionId", join.sessionId());
                if (!"error".equals(message.path("type").asText())) {
                    message.put("seq", latest); // the snapshot is the session as of the joined seq
                }
                hub.send(client, message);
            }
        }
        subscription.release();
    }

    /** The client's idempotency key when it is well formed, else a fresh one. */
    private static String requestId(String requested) {
        return SessionKeys.validClientId(requested) ? requested : EventEnvelope.newId();
    }

    /** The session key if this socket joined it, else tells the client to join first. */
    private String joinedKey(Caller caller, SessionKeys.Kind kind, String clientId, ClientConnection client) {
        String key = caller.sessionKey(kind, clientId);
        if (!hub.joined(client, key)) {
            hub.send(client, hub.error(clientId, "NOT_JOINED",
                    "Join the " + kind.name().toLowerCase() + " session '" + clientId + "' first."));
            return null;
        }
        return key;
    }

    private Caller caller() {
        return identity.getPrincipal() instanceof JsonWebToken token ? Caller.of(token) : null;
    }
}
