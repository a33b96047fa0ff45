package dev.copilotsuite.copilot.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;

import dev.copilotsuite.copilot.ai.GeminiCards;
import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.repository.CallRepository;
import dev.copilotsuite.copilot.repository.CallSegment;
import dev.copilotsuite.copilot.repository.CallSegmentRepository;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.EventPayload;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.call.CustomerCard;
import dev.copilotsuite.events.call.CustomerUpdated;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * Owns each live call: its transcript, its contract context, its caller and the suggestion cards the
 * agent sees. Every change is stored first and then published to the agent on {@link Topics#CALL_UPDATES}.
 */
@ApplicationScoped
public class CallService {

    private static final String CUSTOMER = "CUSTOMER";
    private static final Logger LOG = Logger.getLogger(CallService.class);

    private final CallRepository calls;
    private final CallSegmentRepository segments;
    private final KeptCalls kept;
    private final CallReader reader;
    private final CustomerDirectory customers;
    private final SuggestionEngine engine;
    private final CopilotConfig config;
    private final PendingSuggestions pending;
    private final GeminiCards gemini;
    private final Emitter<EventEnvelope<?>> updates;

    public CallService(CallRepository calls, CallSegmentRepository segments, KeptCalls kept, CallReader reader,
            CustomerDirectory customers,
            SuggestionEngine engine, CopilotConfig config, PendingSuggestions pending, GeminiCards gemini,
            @Channel(Topics.CALL_UPDATES) Emitter<EventEnvelope<?>> updates) {
        this.calls = calls;
        this.segments = segments;
        this.kept = kept;
        this.reader = reader;
        this.customers = customers;
        this.engine = engine;
        this.config = config;
        this.pending = pending;
        this.gemini = gemini;
        this.updates = updates;
    }

    /**
     * Stores a segment the webhook accepted, takes the context it carries, looks up a new caller phone,
     * and after a final line of the caller's recomputes the call's suggestions.
     */
    public void receive(EventEnvelope<?> event, TranscriptSegmentReceived received) {
        TranscriptLine line = received.line();
        if (line == null || line.text() == null || line.text().isBlank()) {
            LOG.warnf("segment event %s carries no text; ignored", event.id());
            return;
        }
        onTheStoredCall(event, call -> {
            Call.State before = call.state();
            keepEnabled(call);
            call.reported = call.reported.orElse(CallContexts.cleaned(received.context()));
            TranscriptLine completed = completed(line, event.id());
            boolean stored = store(call, completed, event.id());
            Optional<CustomerUpdated> caller = lookUpCaller(call, event.id());
            boolean callerSpoke = stored && !completed.partial() && CUSTOMER.equals(completed.speaker());
            Optional<SuggestionsUpdated> suggestions = callerSpoke || call.suggestionsOwed ? suggest(call, event.id())
                    : Optional.empty();
            Instant now = Instant.now();
            if (!call.state().equals(before) || kept.activityDue(call, now)) {
                save(call, now);
            }
            publish(event, caller, suggestions);
        });
    }

    /**
     * Does an event's work on the call as this instance kept it, and once more on the call as stored when a write
     * finds it was changed elsewhere meanwhile (a duplicate key: KeptCalls). Its lines are keyed and its publishes
     * follow the save, so the first try left nothing the second does not make right.
     */
    private void onTheStoredCall(EventEnvelope<?> event, java.util.function.Consumer<Call> work) {
        String callId = Call.idOf(event.tenantId(), event.sessionId());
        for (int attempt = 1;; attempt++) {
            try {
                work.accept(kept.call(event.tenantId(), event.sessionId()));
                return;
            } catch (MongoException e) {
                kept.forget(callId);
                if (attempt > 1 || ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                LOG.debugf("call %s was written elsewhere meanwhile; event %s done again from the stored call", callId, event.id());
            } catch (RuntimeException e) {
                kept.forget(callId);
                throw e;
            }
        }
    }

    /**
     * The agent switched the copilot on or off; the context the agent chose overrides the segments', so
     * a copilot left on recomputes its suggestions under it.
     */
    public void toggle(EventEnvelope<?> event, CopilotToggled toggled) {
        onTheStoredCall(event, call -> {
            call.enabled = toggled.enabled();
            call.enabledUntil = null;
            keepEnabled(call);
            call.agentSet = CallContexts.cleaned(toggled.context()).orElse(call.agentSet);
            Optional<CustomerUpdated> caller = lookUpCaller(call, event.id());
            Optional<SuggestionsUpdated> suggestions = suggest(call, event.id());
            save(call, Instant.now());
            publish(event, caller, suggestions);
        });
    }

    /**
     * The tenant's calls with activity (a segment or a toggle) within the idle timeout, the most recently
     * active first; with {@code activeOnly} false, every call of the tenant up to {@code limit}.
     */
    public List<ActiveCall> calls(String tenantId, boolean activeOnly, int limit) {
        Instant since = activeOnly ? Instant.now().minus(config.activeCallIdle()) : Instant.EPOCH;
        return calls.activeSince(tenantId, since, limit).stream().map(call -> {
            CustomerCard customer = caller(call);
            String phone = call.lookedUpPhone != null ? call.lookedUpPhone : call.agentSet.orElse(call.reported).phone();
            String name = customer == null ? null
                    : String.join(" ", java.util.stream.Stream.of(customer.firstName(), customer.lastName())
                            .filter(part -> part != null && !part.isBlank()).toList());
            return new ActiveCall(call.sessionId, call.startedAt, call.updatedAt, phone,
                    name == null || name.isBlank() ? null : name);
        }).toList();
    }

    /** A copilot left idle past its TTL goes off; one still on has its TTL moved on by this activity. */
    private void keepEnabled(Call call) {
        Instant now = Instant.now();
        if (call.enabled && call.enabledUntil != null && now.isAfter(call.enabledUntil)) {
            LOG.infof("copilot for call %s expired after %s without activity", call.id, config.copilotTtl());
            call.enabled = false;
        }
        if (call.enabled) {
            call.enabledUntil = now.plus(config.copilotTtl());
        }
    }

    public CallView view(String tenantId, String sessionId) {
        Call call = calls.find(tenantId, sessionId).orElseThrow(() -> new CallNotFoundException(tenantId, sessionId));
        CustomerCard customer = caller(call);
        Boolean customerFound = call.lookedUpPhone == null ? null : customer != null;
        return new CallView(call.sessionId, call.enabled, context(call, customer), customerFound, customer,
                segments.transcript(call).stream().map(segment -> segment.line).toList(), call.suggestions,
                call.startedAt, call.updatedAt, call.enabledUntil);
    }

    /**
     * The intent and cards for the whole call so far, when the copilot is on for the call and for the
     * suite, and they differ from the set last published (or the event that computed that set is
     * redelivered). Nothing is published for a call with no card and no intent yet.
     *
     * <p>Superseded work is dropped: when a newer event of the call is already queued to recompute the
     * suggestions (before this work starts, or while it runs), nothing is published now and the call owes
     * its suggestions to that event, so the agent never gets a set the next one replaces at once.
     */
    private Optional<SuggestionsUpdated> suggest(Call call, String eventId) {
        if (!call.enabled || !config.liveEnabled()) {
            return Optional.empty();
        }
        if (superseded(call)) {
            return Optional.empty();
        }
        CustomerCard customer = caller(call);
        List<String> said = kept.lines(call).stream().map(segment -> segment.line)
                .filter(line -> !line.partial() && CUSTOMER.equals(line.speaker())).map(TranscriptLine::text).toList();
        CallReader.Read read = reader.read(kept.read(call), said);
        kept.read(call, read);
        SuggestionsUpdated offline = engine.suggest(call.sessionId, context(call, customer), customer, read.reading());
        SuggestionsUpdated next = stamped(new SuggestionsUpdated(offline.intent(),
                offline.cards().stream().map(gemini::improve).toList()), call.suggestions, Instant.now());
        if (superseded(call)) {
            return Optional.empty();
        }
        call.suggestionsOwed = false;
        boolean redelivered = eventId.equals(call.suggestionsEventId);
        boolean unchanged = call.suggestions == null ? next.cards().isEmpty() && Intent.OTHER.name().equals(next.intent())
                : call.suggestions.equals(next);
        if (unchanged && !redelivered) {
            return Optional.empty();
        }
        call.suggestions = next;
        call.suggestionsEventId = eventId;
        return Optional.of(next);
    }

    /**
     * Gives each card its creation time: the earlier card's when its content is the same (so a
     * recomputation that changes nothing publishes nothing), now otherwise. Millisecond precision, what
     * MongoDB keeps, so a reloaded card compares equal.
     */
    static SuggestionsUpdated stamped(SuggestionsUpdated next, SuggestionsUpdated earlier, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<SuggestionCard> before = earlier == null ? List.of() : earlier.cards();
        List<SuggestionCard> cards = next.cards().stream().map(card -> card.withCreatedAt(before.stream()
                .filter(card::sameContent).map(SuggestionCard::createdAt).filter(java.util.Objects::nonNull)
                .findFirst().orElse(at))).toList();
        return new SuggestionsUpdated(next.intent(), cards);
    }

    private boolean superseded(Call call) {
        if (pending.newerQueued(call.id)) {
            LOG.debugf("suggestions of call %s superseded by a newer event; left to it", call.id);
            call.suggestionsOwed = true;
            return true;
        }
        return false;
    }

    private CustomerCard caller(Call call) {
        return call.customerId == null ? null : customers.byCustomerId(call.tenantId, call.customerId).orElse(null);
    }

    /** The context in force: the agent's choice, else what the segments carried, else the caller's one active contract. */
    private static CallContext context(Call call, CustomerCard customer) {
        return call.agentSet.orElse(call.reported).orElse(CallContexts.fromRecord(customer));
    }

    /**
     * Stores the line unless it repeats the stored one; true when it was stored. The agent's screen already
     * shows it: the gateway fans transcript lines out from the webhook's topic itself.
     */
    private boolean store(Call call, TranscriptLine line, String eventId) {
        String id = CallSegment.idOf(call.id, line.transcriptId() != null ? line.transcriptId() : line.segmentId());
        CallSegment segment = kept.line(call, id).orElse(null);
        boolean added = segment == null;
        if (added) {
            segment = new CallSegment();
            segment.id = id;
            segment.callId = call.id;
            call.segmentCount++;
            segment.seq = call.segmentCount;
            segment.position = CallSegment.positionOf(call.id, segment.seq);
        } else {
            // A redelivered event whose line was stored but whose call was not saved (a crash in between)
            call.segmentCount = Math.max(call.segmentCount, segment.seq);
            if (repeats(segment, line, eventId)) {
                return false;
            }
        }
        segment.line = line;
        segment.eventId = eventId;
        segments.save(segment);
        kept.stored(call, segment);
        return true;
    }

    /**
     * A final is stored once (a segment posted twice), and a partial only until its final arrives. The
     * event that stored a line never repeats it: redelivered, it stores and publishes the line again.
     */
    private static boolean repeats(CallSegment stored, TranscriptLine line, String eventId) {
        if (eventId.equals(stored.eventId)) {
            return false;
        }
        return !stored.line.partial() || stored.line.equals(line);
    }

    /** Looks the caller up when the call's phone is new, or again for a redelivered event that did. */
    private Optional<CustomerUpdated> lookUpCaller(Call call, String eventId) {
        String phone = call.agentSet.orElse(call.reported).phone();
        if (phone == null) {
            return Optional.empty();
        }
        String normalized = customers.normalize(phone);
        if (normalized.equals(call.lookedUpPhone) && !eventId.equals(call.lookupEventId)) {
            return Optional.empty();
        }
        Optional<CustomerCard> customer = customers.byPhone(call.tenantId, normalized);
        call.lookedUpPhone = normalized;
        call.customerId = customer.map(CustomerCard::customerId).orElse(null);
        call.lookupEventId = eventId;
        return Optional.of(new CustomerUpdated(normalized, customer.isPresent(), customer.orElse(null)));
    }

    /** Saves the call on the revision it was read at (a duplicate key when it moved elsewhere meanwhile). */
    private void save(Call call, Instant now) {
        call.updatedAt = now;
        long from = call.revision++;
        calls.save(call, from);
        kept.saved(call);
    }

    /**
     * Publishes the updates in this order (one key, so one partition keeps it) and waits once for Kafka to
     * have them all, rather than a round trip per update.
     */
    @SafeVarargs
    private void publish(EventEnvelope<?> cause, Optional<? extends EventPayload>... updates) {
        List<java.util.concurrent.CompletableFuture<Void>> sent = new java.util.ArrayList<>();
        for (Optional<? extends EventPayload> update : updates) {
            update.ifPresent(payload -> sent.add(EventPublisher.send(this.updates, cause.answer(payload)).toCompletableFuture()));
        }
        java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    /** A missing speaker is the customer; a line without a segment id is keyed by the event that brought it. */
    private static TranscriptLine completed(TranscriptLine line, String eventId) {
        return new TranscriptLine(line.segmentId() != null ? line.segmentId() : eventId, line.transcriptId(),
                line.speaker() != null ? line.speaker() : CUSTOMER, line.text(), line.partial(),
                line.beginOffsetMillis(), line.endOffsetMillis(), line.sentiment(), line.categories());
    }
}
