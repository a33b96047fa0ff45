package dev.copilotsuite.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.gateway.rest.ArtifactResource;
import dev.copilotsuite.gateway.websocket.ServerMessage;
import dev.copilotsuite.gateway.websocket.SessionHub;

/**
 * Delivers every outbound event to the sockets of its session on this replica. Each replica reads
 * with a group of its own, so all of them see every event.
 */
@ApplicationScoped
public class OutboundEventsConsumer {

    private final SessionHub hub;

    public OutboundEventsConsumer(SessionHub hub) {
        this.hub = hub;
    }

    @Incoming(Topics.CHAT_REPLIES)
    @Incoming(Topics.CALCULATOR_STATE)
    @Incoming(Topics.CALL_UPDATES)
    @Incoming(Topics.DOCUMENT_READY)
    public void deliver(EventEnvelope<?> event) {
        if (event == null) {
            return;
        }
        hub.deliver(event.sessionId(), clientSessionId -> new ServerMessage(event.type(), clientSessionId, event.id(),
                event.timestamp(), browserPayload(event, clientSessionId)));
    }

    private static Object browserPayload(EventEnvelope<?> event, String clientSessionId) {
        if (event.payload() instanceof ArtifactReady artifact) {
            return new ArtifactLink(artifact, ArtifactResource.url(clientSessionId, artifact.artifactId()));
        }
        return event.payload();
    }

    /** An artifact with the gateway URL that downloads it under the same bearer token. */
    public record ArtifactLink(ArtifactReady artifact, String url) {
    }
}
