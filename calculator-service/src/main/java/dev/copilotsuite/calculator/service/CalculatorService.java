package dev.copilotsuite.calculator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import dev.copilotsuite.calculator.model.ChangeApplier;
import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.model.Defaults;
import dev.copilotsuite.calculator.model.Insight;
import dev.copilotsuite.calculator.model.InsightActions;
import dev.copilotsuite.calculator.model.InsightState;
import dev.copilotsuite.calculator.model.Insights;
import dev.copilotsuite.calculator.model.InputCatalog;
import dev.copilotsuite.calculator.model.RoiModel;
import dev.copilotsuite.calculator.repository.CalculatorVersion;
import dev.copilotsuite.calculator.repository.CalculatorVersionRepository;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.HistoryEntry;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.InsightRaised;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * Owns each session's calculator. Every change, undo and reset is a new version, stored first and then
 * published with the insights it fired; REST and Kafka commands both come through here. Every figure
 * of the suite is computed here.
 */
@ApplicationScoped
public class CalculatorService {

    public static final int MAX_OPS = 100;
    public static final String TOO_MANY_OPS = "TOO_MANY_OPS";

    /** Who asks, and the idempotency key of the request. */
    public record Command(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion) {
    }

    private final CalculatorVersionRepository versions;
    private final InputsCodec codec;
    private final Emitter<EventEnvelope<?>> stateEvents;
    private final StatePatches patches;

    public CalculatorService(CalculatorVersionRepository versions, InputsCodec codec,
            @Channel(Topics.CALCULATOR_STATE) Emitter<EventEnvelope<?>> stateEvents, StatePatches patches) {
        this.versions = versions;
        this.codec = codec;
        this.stateEvents = stateEvents;
        this.patches = patches;
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

    public List<HistoryEntry> history(String sessionId) {
        return versions.history(sessionId).stream()
                .map(v -> new HistoryEntry(v.version, v.kind, v.actor, v.actorRef, v.requestId, codec.ops(v.ops),
                        v.restoredVersion, v.createdAt))
                .toList();
    }

    /**
     * Applies a batch all or nothing. Throws ChangeRejectedException for an invalid batch and
     * VersionConflictException when {@code expectedVersion} is stale or another writer won the race.
     */
    public ChangeOutcome apply(String sessionId, Command command, List<ChangeOp> ops) {
        if (ops.size() > MAX_OPS) {
            throw new ChangeRejectedException(TOO_MANY_OPS, "A change batch holds at most " + MAX_OPS
                    + " operations, not " + ops.size() + ".", null, ops.size(), null, (double) MAX_OPS);
        }
        return commit(sessionId, command, HistoryEntry.CHANGE, ops,
                (latest, current) -> new Step(ChangeApplier.apply(current.inputs(), ops).inputs(), null));
    }

    /** Reverts the last applied batch; repeated undos walk further back. Throws NothingToUndoException. */
    public ChangeOutcome undo(String sessionId, Command command) {
        return commit(sessionId, command, HistoryEntry.UNDO, List.of(), (latest, current) -> {
            CalculatorVersion target = lastApplied(sessionId, latest);
            if (target == null) {
                throw new NothingToUndoException();
            }
            return new Step(at(sessionId, target.parentVersion).inputs(), target.parentVersion);
        });
    }

    /** Back to the defaults, as a new version that can itself be undone. */
    public ChangeOutcome reset(String sessionId, Command command) {
        return commit(sessionId, command, HistoryEntry.RESET, List.of(), (latest, current) -> new Step(Defaults.inputs(), null));
    }

    /** The inputs a command leads to, and for an undo the version whose inputs it restores. */
    private record Step(RoiInputs inputs, Long restoredVersion) {
    }

    private interface Transition {
        Step next(CalculatorVersion latest, CalculatorState current);
    }

    private ChangeOutcome commit(String sessionId, Command command, String kind, List<ChangeOp> ops, Transition transition) {
        Optional<CalculatorVersion> earlier = versions.byRequest(sessionId, command.requestId());
        if (earlier.isPresent()) {
            CalculatorState state = toState(earlier.get());
            if (!earlier.get().published) {
                publish(earlier.get(), at(sessionId, earlier.get().parentVersion), state, List.of());
            }
            return new ChangeOutcome(state, List.of(), true);
        }
        CalculatorVersion latest = versions.latest(sessionId).orElse(null);
        CalculatorState current = latest == null ? initial(sessionId) : toState(latest);
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw new VersionConflictException(command.expectedVersion(), current.version());
        }
        Step step = transition.next(latest, current);
        CalculatorState next = state(sessionId, current.version() + 1, step.inputs());
        InsightState armed = latest == null || latest.insightsArmedOff == null ? InsightState.initial()
                : new InsightState(new HashSet<>(latest.insightsArmedOff));
        Insights.Result insights = Insights.next(armed, next.inputs(), next.outputs());

        CalculatorVersion version = new CalculatorVersion();
        version.sessionId = sessionId;
        version.tenantId = command.tenantId();
        version.version = next.version();
        version.id = CalculatorVersion.idOf(sessionId, version.version);
        version.requestId = command.requestId();
        version.requestKey = sessionId + ":" + command.requestId();
        version.actor = command.actor();
        version.actorRef = command.actorRef();
        version.kind = kind;
        version.parentVersion = current.version();
        version.restoredVersion = step.restoredVersion();
        version.inputs = codec.toDocument(next.inputs());
        version.ops = codec.toDocuments(ops);
        version.insightsArmedOff = List.copyOf(insights.state().armedOff());
        version.createdAt = Instant.now();
        try {
            versions.insertNew(version);
        } catch (CalculatorVersionRepository.VersionTaken e) {
            throw new VersionConflictException(current.version(),
                    versions.latest(sessionId).map(v -> v.version).orElse(0L));
        }
        publish(version, current, next, insights.fired());
        return new ChangeOutcome(next, diff(current.inputs(), next.inputs()), false);
    }

    /** The CHANGE or RESET an undo from {@code latest} reverts, skipping what earlier undos already reverted. */
    private CalculatorVersion lastApplied(String sessionId, CalculatorVersion latest) {
        CalculatorVersion candidate = latest;
        while (candidate != null && HistoryEntry.UNDO.equals(candidate.kind)) {
            candidate = candidate.restoredVersion == 0 ? null : versions.at(sessionId, candidate.restoredVersion).orElse(null);
        }
        return candidate;
    }

    /** Publishes a stored version and its insights; a failure leaves it unmarked, so the request's retry publishes it. */
    private void publish(CalculatorVersion version, CalculatorState previous, CalculatorState state, List<Insight> fired) {
        EventEnvelope<CalculatorStateChanged> changed = EventEnvelope.of(version.tenantId, version.sessionId,
                version.requestId, new CalculatorStateChanged(state.version(), version.actor, version.actorRef,
                        version.requestId, codec.ops(version.ops), state.inputs(), state.outputs(), previous.version(),
                        patches.between(previous, state)));
        EventPublisher.sendAndWait(stateEvents, changed);
        for (Insight insight : fired) {
            EventPublisher.sendAndWait(stateEvents, changed.answer(new InsightRaised(insight.id(), insight.severity(),
                    insight.message(), insight.figures(), state.version(), InsightActions.of(insight, state.inputs()))));
        }
        versions.markPublished(version.id);
    }

    /** Every input whose value differs, in catalog order. */
    private static List<FieldChange> diff(RoiInputs before, RoiInputs after) {
        List<FieldChange> changes = new ArrayList<>();
        for (InputDef input : InputCatalog.all()) {
            Object old = InputCatalog.valueOf(before, input);
            Object now = InputCatalog.valueOf(after, input);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(input.path(), old, now));
            }
        }
        return changes;
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
