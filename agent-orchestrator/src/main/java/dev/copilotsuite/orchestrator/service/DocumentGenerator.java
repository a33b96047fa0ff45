package dev.copilotsuite.orchestrator.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.chat.ArtifactLink;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.orchestrator.client.DocumentClient;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.repository.ChatTurnRepository;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * The document generator agent: asks document-service for an executive summary of the exact version the
 * turn ended on, with the what-ifs the conversation ran, and hands back the artifact. When
 * document-service cannot answer in time, the request goes over Kafka and the artifact arrives later as
 * artifact_ready.
 */
@ApplicationScoped
public class DocumentGenerator {

    private static final Logger LOG = Logger.getLogger(DocumentGenerator.class);
    private static final int SCENARIOS = 5;

    private final DocumentClient documents;
    private final ChatTurnRepository turns;
    private final Emitter<EventEnvelope<?>> requests;

    public DocumentGenerator(@RestClient DocumentClient documents, ChatTurnRepository turns,
            @Channel(Topics.DOCUMENT_REQUESTS) Emitter<EventEnvelope<?>> requests) {
        this.documents = documents;
        this.turns = turns;
        this.requests = requests;
    }

    public void generate(TurnScope scope) {
        scope.routes.add(Routes.GENERATE);
        scope.document = DocumentKind.EXECUTIVE_SUMMARY;
        scope.focus = scope.focus.withRoute(Routes.GENERATE);
        long version = scope.state.version();
        List<DocumentScenario> scenarios = scenarios(scope);
        String requestId = scope.messageId + ":document";
        try {
            DocumentClient.Artifact artifact = documents.generate(scope.sessionId, new DocumentClient.Request(
                    scope.tenantId, requestId, DocumentKind.EXECUTIVE_SUMMARY.name(), version, scope.userId, scenarios));
            scope.stream.tool("request_document", Map.of("kind", DocumentKind.EXECUTIVE_SUMMARY, "stateVersion", version),
                    artifact, false);
            scope.artifacts.add(new ArtifactLink(artifact.artifactId(), artifact.title(), DocumentKind.EXECUTIVE_SUMMARY));
            scope.say("Your executive summary is ready: \"" + artifact.title() + "\", showing calculator version "
                    + version + (scenarios.isEmpty() ? "" : ", with the " + scenarios.size() + " what-if"
                            + (scenarios.size() == 1 ? "" : "s") + " we ran") + ". Download it below.");
        } catch (RuntimeException e) {
            LOG.warnf("document-service did not answer (%s); the request goes over Kafka", e.toString());
            EventPublisher.sendAndWait(requests, EventEnvelope.of(scope.tenantId, scope.sessionId, scope.messageId,
                    new DocumentRequested(requestId, DocumentKind.EXECUTIVE_SUMMARY, version, scope.userId, scenarios)));
            scope.stream.tool("request_document", Map.of("kind", DocumentKind.EXECUTIVE_SUMMARY, "stateVersion", version),
                    Map.of("queued", true), false);
            scope.say("I'm preparing an executive summary of calculator version " + version
                    + ". It will appear here as a download in a moment.");
        }
    }

    private List<DocumentScenario> scenarios(TurnScope scope) {
        List<DocumentScenario> all = turns.thread(scope.sessionId).stream()
                .filter(t -> t.reply() != null && !t.reply().scenarioOps().isEmpty())
                .map(t -> new DocumentScenario(t.text(), t.reply().scenarioOps())).toList();
        return all.size() <= SCENARIOS ? all : all.subList(all.size() - SCENARIOS, all.size());
    }
}
