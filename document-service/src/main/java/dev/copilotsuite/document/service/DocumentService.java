package dev.copilotsuite.document.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.copilotsuite.document.client.CalculatorClient;
import dev.copilotsuite.document.client.ScenarioRejectedException;
import dev.copilotsuite.document.repository.Artifact;
import dev.copilotsuite.document.repository.ArtifactStore;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.ScenarioRequest;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * Fulfils document requests, from Kafka and REST alike: a request id already fulfilled returns its
 * artifact; otherwise the calculator state is fetched, rendered, stored, and only then announced.
 * Either way ArtifactReady is published, so a repeated request re-announces the same artifact.
 */
@ApplicationScoped
public class DocumentService {

    public static final String PDF = "application/pdf";
    /** Scenarios a summary compares at most. */
    public static final int MAX_SCENARIOS = 8;

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    /** The artifact a request maps to, and whether this call generated it. */
    public record Fulfilment(Artifact artifact, boolean generated) {
    }

    private final ArtifactStore artifacts;
    private final CalculatorClient calculator;
    private final ExecutiveSummaryPdf executiveSummary;
    private final Narrative narrative;
    private final Emitter<EventEnvelope<?>> readyEvents;

    public DocumentService(ArtifactStore artifacts, @RestClient CalculatorClient calculator,
            ExecutiveSummaryPdf executiveSummary, Narrative narrative, @Channel(Topics.DOCUMENT_READY) Emitter<EventEnvelope<?>> readyEvents) {
        this.artifacts = artifacts;
        this.calculator = calculator;
        this.executiveSummary = executiveSummary;
        this.narrative = narrative;
        this.readyEvents = readyEvents;
    }

    /** A request that arrived on Kafka; ArtifactReady answers its envelope. */
    public Fulfilment fulfil(EventEnvelope<?> incoming, DocumentRequested request) {
        Fulfilment fulfilment = produce(incoming.tenantId(), incoming.sessionId(), request);
        EventPublisher.sendAndWait(readyEvents, incoming.answer(readyOf(fulfilment.artifact())));
        return fulfilment;
    }

    /** A request that arrived over REST; ArtifactReady names the request id as its cause. */
    public Fulfilment fulfil(String tenantId, String sessionId, DocumentRequested request) {
        Fulfilment fulfilment = produce(tenantId, sessionId, request);
        EventPublisher.sendAndWait(readyEvents,
                EventEnvelope.of(tenantId, sessionId, request.requestId(), readyOf(fulfilment.artifact())));
        return fulfilment;
    }

    /** Throws UnknownStateVersionException when the calculator has no such version. */
    private Fulfilment produce(String tenantId, String sessionId, DocumentRequested request) {
        Optional<Artifact> earlier = artifacts.byRequest(sessionId, request.requestId());
        if (earlier.isPresent()) {
            LOG.infof("request %s already produced artifact %s", request.requestId(), earlier.get().artifactId());
            return new Fulfilment(earlier.get(), false);
        }
        CalculatorState state = calculator.state(sessionId, request.stateVersion());
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] content = switch (request.kind()) {
            case EXECUTIVE_SUMMARY -> executiveSummary.render(summary(state, tenantId, request, createdAt));
        };
        Artifact artifact = new Artifact(ArtifactStore.newId(), sessionId, tenantId, request.requestId(),
                request.kind(), title(request.kind(), state.version()), fileName(request.kind(), state.version()), PDF,
                state.version(), content.length, sha256(content), createdAt);
        Artifact stored = artifacts.storeOnce(artifact, content);
        LOG.infof("request %s produced artifact %s (%s, version %d, %d bytes)", request.requestId(),
                stored.artifactId(), stored.kind(), stored.stateVersion(), stored.sizeBytes());
        // storeOnce hands back another artifact only when a racing request of the same id stored first
        return new Fulfilment(stored, stored == artifact);
    }

    /**
     * The state's drivers and the scenarios, all asked for at the version the state came back with, so a
     * "latest" request cannot mix two versions when the session changes meanwhile.
     */
    private SummaryContent summary(CalculatorState state, String tenantId, DocumentRequested request,
            Instant createdAt) {
        DriversView drivers = calculator.drivers(state.sessionId(), state.version());
        List<DocumentScenario> asked = request.scenarios();
        List<ScenarioOutcome> scenarios = new ArrayList<>();
        // the newest scenarios when the conversation ran more than a page's table holds
        for (DocumentScenario scenario : asked.subList(Math.max(0, asked.size() - MAX_SCENARIOS), asked.size())) {
            try {
                scenarios.add(new ScenarioOutcome(scenario.label(), calculator.scenario(state.sessionId(),
                        state.version(), new ScenarioRequest(scenario.ops())), null));
            } catch (ScenarioRejectedException e) {
                scenarios.add(new ScenarioOutcome(scenario.label(), null, e.getMessage()));
            }
        }
        Narrative.Text text = narrative.write(state, drivers, scenarios.size());
        return new SummaryContent(state, drivers, scenarios, text, tenantId, request.requestedBy(), createdAt);
    }

    private static String title(DocumentKind kind, long version) {
        return switch (kind) {
            case EXECUTIVE_SUMMARY -> ExecutiveSummaryPdf.TITLE + ", version " + version;
        };
    }

    /** {@code executive-summary-v7.pdf} */
    private static String fileName(DocumentKind kind, long version) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-v" + version + ".pdf";
    }

    private static ArtifactReady readyOf(Artifact artifact) {
        return new ArtifactReady(artifact.artifactId(), artifact.requestId(), artifact.kind(), artifact.title(),
                artifact.contentType(), artifact.stateVersion(), artifact.sizeBytes(), artifact.sha256());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
