package dev.copilotsuite.calculator.service;

import dev.copilotsuite.events.calculator.CalculatorState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import dev.copilotsuite.calculator.model.ChangeApplier;
import dev.copilotsuite.calculator.model.Defaults;
import dev.copilotsuite.calculator.model.RoiModel;
import dev.copilotsuite.calculator.repository.CalculatorVersion;
import dev.copilotsuite.calculator.repository.CalculatorVersionRepository;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * Owns each session's calculator: reads a version, applies a change batch as a new version, and
 * publishes the new state once it is stored. Every figure of the suite is computed here.
 */
@ApplicationScoped
public class CalculatorService {

    private final CalculatorVersionRepository versions;
    private final InputsCodec codec;
    private final Emitter<EventEnvelope<?>> stateEvents;

    public CalculatorService(CalculatorVersionRepository versions, InputsCodec codec,
            @Channel(Topics.CALCULATOR_STATE) Emitter<EventEnvelope<?>> stateEvents) {
        this.versions = versions;
        this.codec = codec;
        this.stateEvents = stateEvents;
    }

    public CalculatorState current(String sessionId) {
        return versions.latest(sessionId).map(this::toState).orElseGet(() -> initial(sessionId));
    }

    public CalculatorState at(String sessionId, long version) {
        if (version == 0) {
            return initial(sessionId);
        }
        return versions.at(sessionId, version).map(this::toState)
                .orElseThrow(() -> new UnknownVersionException(sessionId, version));
    }

    /**
     * Applies a batch all or nothing. A request id seen before returns the version it made (a redelivered
     * command has no second effect). Throws ChangeRejectedException for an invalid batch and
     * VersionConflictException when {@code expectedVersion} is stale or another writer won the race.
     */
    public ChangeOutcome apply(String tenantId, String sessionId, CalculatorChangeRequested request) {
        Optional<CalculatorVersion> earlier = versions.byRequest(sessionId, request.requestId());
        if (earlier.isPresent()) {
            CalculatorState state = toState(earlier.get());
            if (!earlier.get().published) {
                publish(tenantId, earlier.get(), state);
            }
            return new ChangeOutcome(state, List.of(), true);
        }
        CalculatorState current = current(sessionId);
        if (request.expectedVersion() != null && request.expectedVersion() != current.version()) {
            throw new VersionConflictException(request.expectedVersion(), current.version());
        }
        ChangeApplier.Applied applied = ChangeApplier.apply(current.inputs(), request.ops());

        CalculatorVersion version = new CalculatorVersion();
        version.sessionId = sessionId;
        version.tenantId = tenantId;
        version.version = current.version() + 1;
        version.id = CalculatorVersion.idOf(sessionId, version.version);
        version.requestId = request.requestId();
        version.requestKey = sessionId + ":" + request.requestId();
        version.actor = request.actor();
        version.actorRef = request.actorRef();
        version.parentVersion = current.version();
        version.inputs = codec.toDocument(applied.inputs());
        version.ops = codec.toDocuments(request.ops());
        version.createdAt = Instant.now();
        try {
            versions.insertNew(version);
        } catch (CalculatorVersionRepository.VersionTaken e) {
            throw new VersionConflictException(current.version(), versions.latest(sessionId).map(v -> v.version).orElse(0L));
        }

        CalculatorState state = state(sessionId, version.version, applied.inputs());
        publish(tenantId, version, state);
        return new ChangeOutcome(state, applied.changes(), false);
    }

    /** Publishes a stored version; a failure leaves it unmarked, so the request's retry publishes it. */
    private void publish(String tenantId, CalculatorVersion version, CalculatorState state) {
        EventPublisher.sendAndWait(stateEvents, EventEnvelope.of(tenantId, version.sessionId, version.requestId,
                new CalculatorStateChanged(state.version(), version.actor, version.actorRef, version.requestId,
                        codec.ops(version.ops), state.inputs(), state.outputs())));
        versions.markPublished(version.id);
    }

    private CalculatorState initial(String sessionId) {
        return state(sessionId, 0, Defaults.inputs());
    }

    private CalculatorState toState(CalculatorVersion version) {
        return state(version.sessionId, version.version, codec.inputs(version.inputs));
    }

    private static CalculatorState state(String sessionId, long version, RoiInputs inputs) {
        return new CalculatorState(sessionId, version, inputs, RoiModel.evaluate(inputs));
    }
}
