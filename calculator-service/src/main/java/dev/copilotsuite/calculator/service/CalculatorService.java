package dev.copilotsuite.calculator.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

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
import dev.copilotsuite.events.calculator.CalculatorChangeRejected;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.HistoryEntry;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.InsightRaised;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.platform.concurrent.Failures;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * Owns each session's calculator. Every change, undo and reset is a new version, stored first and then
 * published with the insights it fired; REST and Kafka commands both come through here. Every figure
 * of the suite is computed here.
 */
@ApplicationScoped
public class CalculatorService {

    private static final Logger LOG = Logger.getLogger(CalculatorService.class);

    public static final int MAX_OPS = 100;
    public static final String TOO_MANY_OPS = "TOO_MANY_OPS";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    /** Who asks, and the idempotency key of the request. */
    public record Command(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion) {
    }

    private final CalculatorVersionRepository versions;
    private final InputsCodec codec;
    private final Emitter<EventEnvelope<?>> stateEvents;
    private final StatePatches patches;
    private final ManagedExecutor executor;

    public CalculatorService(CalculatorVersionRepository versions, InputsCodec codec,
            // A batch sends all its events before awaiting their acks: the buffer holds the largest batches
            // of every consumer at once (500 commands, each a state and at most four insights, three consumers).
            @Channel(Topics.CALCULATOR_STATE) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
            Emitter<EventEnvelope<?>> stateEvents, StatePatches patches, ManagedExecutor executor) {
        this.versions = versions;
        this.codec = codec;
        this.stateEvents = stateEvents;
        this.patches = patches;
        this.executor = executor;
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
     * VersionConflictException when {@code expectedVersion} is stale.
     */
    public ChangeOutcome apply(String sessionId, Command command, List<ChangeOp> ops) {
        return single(new Request(sessionId, command, HistoryEntry.CHANGE, ops, null));
    }

    /** Reverts the last applied batch; repeated undos walk further back. Throws NothingToUndoException. */
    public ChangeOutcome undo(String sessionId, Command command) {
        return single(new Request(sessionId, command, HistoryEntry.UNDO, List.of(), null));
    }

    /** Back to the defaults, as a new version that can itself be undone. */
    public ChangeOutcome reset(String sessionId, Command command) {
        return single(new Request(sessionId, command, HistoryEntry.RESET, List.of(), null));
    }

    /**
     * One command of a batch: a change (CHANGE, with its ops), an undo (UNDO) or a reset (RESET) of one
     * session. {@code cause} is the Kafka event that asked for it: a refused command is then answered on
     * the state topic with a {@link CalculatorChangeRejected} caused by it; without one (REST) the refusal
     * is only returned.
     */
    public record Request(String sessionId, Command command, String kind, List<ChangeOp> ops, EventEnvelope<?> cause) {
    }

    /** What became of one request: its outcome, or the exception that refused it (nothing of it applied). */
    public record Result(ChangeOutcome outcome, RuntimeException refused) {
    }

    private ChangeOutcome single(Request request) {
        Result result = execute(List.of(request)).get(0);
        if (result.refused() != null) {
            throw result.refused();
        }
        return result.outcome();
    }

    /**
     * Runs commands in order, each exactly as if it ran alone after the ones before it: one session's
     * commands are applied one after the other in memory (a command sees the versions its predecessors
     * in the batch made, insights are evaluated per version with the hysteresis carried along), then all
     * new versions are stored with one bulk insert, every event sent without waiting on each and the acks
     * awaited once, and the heads moved with one bulk write that also marks what went out. Until then a
     * head lags its stored versions, which readers catch up by probing ({@code heads}, {@code latest}). The
     * unique version id still decides races with other writers (another instance, a REST call): when one of
     * our versions is taken, that session's commands from there on are planned again on the state read back,
     * up to {@link #MAX_ROUNDS} times, then refused as a conflict.
     * A failure to store or publish is thrown; what was stored stays, unmarked if unpublished, and a retry
     * of the same requests publishes it.
     */
    public List<Result> execute(List<Request> requests) {
        Result[] results = new Result[requests.size()];
        List<Outgoing> outbox = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            pending.add(i);
        }
        Map<String, Integer> racesLost = new HashMap<>();
        Map<String, Long> publishedMark = new HashMap<>();
        Map<String, Long> newest = new HashMap<>();
        while (!pending.isEmpty()) {
            pending = round(requests, pending, results, outbox, racesLost, publishedMark, newest);
        }
        publish(outbox, publishedMark, newest);
        return List.of(results);
    }

    /** How often a session's commands are planned again after another writer took one of their versions. */
    static final int MAX_ROUNDS = 3;

    /**
     * A version this batch made (or a stored one whose event may not have gone out), with the states on
     * both sides, the insights it fired and its request's index.
     */
    private record Planned(int index, CalculatorVersion version, List<ChangeOp> ops, CalculatorState previous,
            CalculatorState state, List<Insight> fired) {
    }

    /** What to publish, in order: a new or unpublished version with its insights, or a refusal. */
    private record Outgoing(Planned version, EventEnvelope<CalculatorChangeRejected> rejection) {
    }

    /** The session's newest state while a batch is planned: what is stored, then what the batch made. */
    private static final class Head {
        CalculatorVersion version;
        CalculatorState state;
    }

    /**
     * Plans the pending requests on the stored state, stores the versions, and returns the requests to
     * plan again: those of a session from the first version another writer took.
     */
    private List<Integer> round(List<Request> requests, List<Integer> pending, Result[] results, List<Outgoing> outbox,
            Map<String, Integer> racesLost, Map<String, Long> publishedMark, Map<String, Long> newest) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        for (int i : pending) {
            keys.add(requestKey(requests.get(i)));
            sessions.add(requests.get(i).sessionId());
        }
        // Requests are idempotent by their key: a redelivered or retried one gets the version it made.
        // The two reads are independent, and a batch waits on every round trip: the key lookup runs beside the heads'.
        CompletableFuture<Map<String, CalculatorVersion>> lookup = executor.supplyAsync(() -> versions.byRequestKeys(keys));
        CalculatorVersionRepository.Heads stored = versions.heads(sessions);
        Map<String, CalculatorVersion> earlier = joined(lookup);
        Map<String, Head> heads = new HashMap<>();
        for (String session : sessions) {
            // The mark as first read: everything up to it was published before this batch.
            publishedMark.putIfAbsent(session, stored.published().get(session));
            Head head = new Head();
            head.version = stored.latest().get(session);
            head.state = head.version == null ? initial(session) : toState(head.version);
            heads.put(session, head);
        }
        // What this round made, by version id and by request key, so later commands of the batch see it.
        Map<String, CalculatorVersion> made = new HashMap<>();
        Map<String, Planned> madeBy = new HashMap<>();
        List<Planned> plannedVersions = new ArrayList<>();
        // Per request: the new version it planned, a replay, or a refusal; kept in request order.
        Map<Integer, Object> decided = new LinkedHashMap<>();
        for (int i : pending) {
            Request request = requests.get(i);
            String key = requestKey(request);
            Head head = heads.get(request.sessionId());
            ChangeRejectedException malformed = malformed(request);
            if (malformed != null) {
                results[i] = new Result(null, malformed);
                decided.put(i, rejection(request, malformed, head.state.version()));
                continue;
            }
            CalculatorVersion before = earlier.get(key);
            if (before != null) {
                results[i] = new Result(new ChangeOutcome(toState(before), List.of(), true), null);
                decided.put(i, stored.isPublished(before) ? null : republished(i, before));
                continue;
            }
            Planned twin = madeBy.get(key);
            if (twin != null) {
                // The same request twice in one batch: applied once, the second is a replay of the first.
                results[i] = new Result(new ChangeOutcome(twin.state(), List.of(), true), null);
                decided.put(i, null);
                continue;
            }
            try {
                Planned planned = plan(i, request, head, made);
                head.version = planned.version();
                head.state = planned.state();
                made.put(planned.version().id, planned.version());
                madeBy.put(key, planned);
                plannedVersions.add(planned);
                decided.put(i, planned);
            } catch (ChangeRejectedException | VersionConflictException | NothingToUndoException e) {
                results[i] = new Result(null, e);
                decided.put(i, rejection(request, e, head.state.version()));
            }
        }

        // Store the new versions grouped by session (in version order), so an ordered insert that stops at a
        // taken version leaves every session a gapless prefix of what was planned.
        List<Planned> inserts = new ArrayList<>(plannedVersions);
        inserts.sort(Comparator.comparing((Planned p) -> p.version().sessionId).thenComparingLong(p -> p.version().version));
        int inserted = versions.insertAll(inserts.stream().map(Planned::version).toList());
        Map<String, Integer> cutAt = new HashMap<>();
        for (int n = 0; n < inserts.size(); n++) {
            Planned planned = inserts.get(n);
            if (n < inserted) {
                newest.merge(planned.version().sessionId, planned.version().version, Math::max);
            } else {
                cutAt.merge(planned.version().sessionId, planned.index(), Math::min);
            }
        }
        // The session whose version was taken lost a race; the sessions after it were merely not reached.
        String loser = inserted < inserts.size() ? inserts.get(inserted).version().sessionId : null;
        boolean refuseLoser = loser != null && racesLost.merge(loser, 1, Integer::sum) >= MAX_ROUNDS;

        List<Integer> again = new ArrayList<>();
        for (Map.Entry<Integer, Object> entry : decided.entrySet()) {
            int i = entry.getKey();
            Request request = requests.get(i);
            Integer cut = cutAt.get(request.sessionId());
            if (cut != null && i >= cut) {
                if (refuseLoser && request.sessionId().equals(loser)) {
                    // Still losing races after several rounds: refused, as a lost race always was.
                    long now = versions.latest(request.sessionId()).map(v -> v.version).orElse(0L);
                    long against = entry.getValue() instanceof Planned planned ? planned.previous().version() : now;
                    VersionConflictException conflict = new VersionConflictException(against, now);
                    results[i] = new Result(null, conflict);
                    EventEnvelope<CalculatorChangeRejected> refused = rejection(request, conflict, now);
                    if (refused != null) {
                        outbox.add(new Outgoing(null, refused));
                    }
                } else {
                    results[i] = null;
                    again.add(i);
                }
                continue;
            }
            Object what = entry.getValue();
            if (what instanceof Planned planned) {
                if (results[i] == null) {
                    results[i] = new Result(new ChangeOutcome(planned.state(),
                            diff(planned.previous().inputs(), planned.state().inputs()), false), null);
                }
                outbox.add(new Outgoing(planned, null));
            } else if (what instanceof EventEnvelope<?> rejection) {
                @SuppressWarnings("unchecked")
                EventEnvelope<CalculatorChangeRejected> refused = (EventEnvelope<CalculatorChangeRejected>) rejection;
                outbox.add(new Outgoing(null, refused));
            }
        }
        return again;
    }

    /** A lookup's result, its failure thrown as it was (not wrapped), as if the lookup had run on this thread. */
    private static <T> T joined(CompletableFuture<T> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            if (Failures.cause(e) instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A command no state could accept (a Kafka command is not checked by the REST layer's validation). */
    private static ChangeRejectedException malformed(Request request) {
        String requestId = request.command().requestId();
        if (requestId == null || requestId.isBlank()) {
            return new ChangeRejectedException(MALFORMED_REQUEST, "A command needs a requestId.", null, null, null, null);
        }
        if (HistoryEntry.CHANGE.equals(request.kind()) && (request.ops() == null || request.ops().isEmpty())) {
            return new ChangeRejectedException(MALFORMED_REQUEST, "A change needs at least one operation.", null, null,
                    null, null);
        }
        return null;
    }

    /** The new version a request makes on the session's head, or the exception that refuses it. */
    private Planned plan(int index, Request request, Head head, Map<String, CalculatorVersion> made) {
        Command command = request.command();
        String sessionId = request.sessionId();
        CalculatorState current = head.state;
        if (HistoryEntry.CHANGE.equals(request.kind()) && request.ops().size() > MAX_OPS) {
            throw new ChangeRejectedException(TOO_MANY_OPS, "A change batch holds at most " + MAX_OPS
                    + " operations, not " + request.ops().size() + ".", null, request.ops().size(), null, (double) MAX_OPS);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw new VersionConflictException(command.expectedVersion(), current.version());
        }
        RoiInputs inputs;
        Long restoredVersion = null;
        if (HistoryEntry.UNDO.equals(request.kind())) {
            CalculatorVersion target = lastApplied(sessionId, head.version, made);
            if (target == null) {
                throw new NothingToUndoException();
            }
            restoredVersion = target.parentVersion;
            inputs = target.parentVersion == 0 ? Defaults.inputs() : codec.inputs(find(sessionId, target.parentVersion, made)
                    .orElseThrow(() -> new UnknownVersionException(sessionId, target.parentVersion)).inputs);
        } else if (HistoryEntry.RESET.equals(request.kind())) {
            inputs = Defaults.inputs();
        } else {
            inputs = ChangeApplier.apply(current.inputs(), request.ops()).inputs();
        }
        CalculatorState next = state(sessionId, current.version() + 1, inputs);
        InsightState armed = head.version == null || head.version.insightsArmedOff == null ? InsightState.initial()
                : new InsightState(new HashSet<>(head.version.insightsArmedOff));
        Insights.Result insights = Insights.next(armed, next.inputs(), next.outputs());

        CalculatorVersion version = new CalculatorVersion();
        version.sessionId = sessionId;
        version.tenantId = command.tenantId();
        version.version = next.version();
        version.id = CalculatorVersion.idOf(sessionId, version.version);
        version.requestId = command.requestId();
        version.requestKey = requestKey(request);
        version.actor = command.actor();
        version.actorRef = command.actorRef();
        version.kind = request.kind();
        version.parentVersion = current.version();
        version.restoredVersion = restoredVersion;
        version.inputs = codec.toDocument(next.inputs());
        version.ops = codec.toDocuments(request.ops());
        version.insightsArmedOff = List.copyOf(insights.state().armedOff());
        version.createdAt = Instant.now();
        return new Planned(index, version, request.ops(), current, next, insights.fired());
    }

    /** A stored version whose event may not have gone out: published again (without insights, as before). */
    private Planned republished(int index, CalculatorVersion version) {
        CalculatorState previous = at(version.sessionId, version.parentVersion);
        return new Planned(index, version, codec.ops(version.ops), previous, toState(version), List.of());
    }

    /** The refusal event answering a Kafka command; none for a REST call, which gets the exception. */
    private static EventEnvelope<CalculatorChangeRejected> rejection(Request request, RuntimeException e, long currentVersion) {
        if (request.cause() == null) {
            return null;
        }
        String requestId = request.command().requestId();
        CalculatorChangeRejected rejected;
        if (e instanceof ChangeRejectedException refused) {
            rejected = new CalculatorChangeRejected(requestId, refused.code(), refused.getMessage(), refused.path(),
                    refused.value(), refused.min(), refused.max(), currentVersion);
        } else if (e instanceof VersionConflictException conflict) {
            rejected = new CalculatorChangeRejected(requestId, "VERSION_CONFLICT", conflict.getMessage(), null, null, null,
                    null, conflict.currentVersion());
        } else {
            rejected = new CalculatorChangeRejected(requestId, "NOTHING_TO_UNDO", e.getMessage(), null, null, null, null,
                    currentVersion);
        }
        return request.cause().answer(rejected);
    }

    private static String requestKey(Request request) {
        return request.sessionId() + ":" + request.command().requestId();
    }

    /** A version by number: one this batch made, else the stored one. */
    private Optional<CalculatorVersion> find(String sessionId, long version, Map<String, CalculatorVersion> made) {
        CalculatorVersion mine = made.get(CalculatorVersion.idOf(sessionId, version));
        return mine != null ? Optional.of(mine) : versions.at(sessionId, version);
    }

    /** The CHANGE or RESET an undo from {@code latest} reverts, skipping what earlier undos already reverted. */
    private CalculatorVersion lastApplied(String sessionId, CalculatorVersion latest, Map<String, CalculatorVersion> made) {
        CalculatorVersion candidate = latest;
        while (candidate != null && HistoryEntry.UNDO.equals(candidate.kind)) {
            candidate = candidate.restoredVersion == 0 ? null : find(sessionId, candidate.restoredVersion, made).orElse(null);
        }
        return candidate;
    }

    /**
     * Sends every event in order (a session's events stay in its order on its partition), then waits for
     * all acks at once and records what went out: a session's published mark moves over the new versions
     * that follow it without a gap (one small write per session), any other published version is marked
     * on its own. A version whose event failed stays unmarked, so its request's retry publishes it; the
     * failure is thrown.
     */
    private void publish(List<Outgoing> outbox, Map<String, Long> publishedMark, Map<String, Long> newest) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        List<Planned> versionsSent = new ArrayList<>();
        List<CompletableFuture<Void>> versionAcks = new ArrayList<>();
        StatePatches.Batch patchesOfBatch = patches.batch();
        for (Outgoing out : outbox) {
            if (out.rejection() != null) {
                LOG.debugf("command %s refused: %s", out.rejection().payload().requestId(), out.rejection().payload().message());
                all.add(EventPublisher.send(stateEvents, out.rejection()).toCompletableFuture());
                continue;
            }
            Planned planned = out.version();
            CalculatorVersion version = planned.version();
            CalculatorState state = planned.state();
            EventEnvelope<CalculatorStateChanged> changed = EventEnvelope.of(version.tenantId, version.sessionId,
                    version.requestId, new CalculatorStateChanged(state.version(), version.actor, version.actorRef,
                            version.requestId, planned.ops(), state.inputs(), state.outputs(),
                            planned.previous().version(), patchesOfBatch.between(planned.previous(), state)));
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            sent.add(EventPublisher.send(stateEvents, changed).toCompletableFuture());
            for (Insight insight : planned.fired()) {
                sent.add(EventPublisher.send(stateEvents, changed.answer(new InsightRaised(insight.id(), insight.severity(),
                        insight.message(), insight.figures(), state.version(), InsightActions.of(insight, state.inputs()))))
                        .toCompletableFuture());
            }
            CompletableFuture<Void> acked = CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
            versionsSent.add(planned);
            versionAcks.add(acked);
            all.add(acked);
        }
        RuntimeException failure = null;
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            failure = e;
        }
        // The outbox holds each session's versions in command order: the mark moves while they follow it one
        // by one, all acked; from the first gap (a failure, a version another writer made, an older version
        // published again) on, each published version is marked on its own.
        Map<String, Long> through = new HashMap<>();
        Set<String> broken = new HashSet<>();
        List<String> markedOneByOne = new ArrayList<>();
        for (int n = 0; n < versionsSent.size(); n++) {
            Planned planned = versionsSent.get(n);
            boolean ok = !versionAcks.get(n).isCompletedExceptionally();
            String session = planned.version().sessionId;
            long mark = through.getOrDefault(session, publishedMark.getOrDefault(session, 0L));
            if (ok && !broken.contains(session) && planned.version().version == mark + 1) {
                through.put(session, mark + 1);
                continue;
            }
            broken.add(session);
            if (ok) {
                markedOneByOne.add(planned.version().id);
            }
        }
        versions.advanceHeads(newest, through);
        versions.markPublished(markedOneByOne);
        if (failure != null) {
            throw failure;
        }
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
