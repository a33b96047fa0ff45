package dev.copilotsuite.copilot.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.inject.Singleton;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CustomerCard;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import io.quarkus.runtime.Startup;

/**
 * Turns a call so far (its context, its caller, the caller's final lines) into the intent and one card
 * per question. Plain Java and deterministic: the same call always gives the same cards, and a card's
 * id comes from what it is about, so the agent's screen updates a card in place. Built at start, so a
 * corpus or alias table that does not load stops the service before it takes a call.
 */
@Startup
@Singleton
public class SuggestionEngine {

    private final CallReader reader;
    private final CoverageDecider decider;
    private final ClauseRetriever retriever;
    private final Clock clock;

    public SuggestionEngine(CallReader reader, CoverageDecider decider, ClauseRetriever retriever, Clock clock) {
        this.reader = reader;
        this.decider = decider;
        this.retriever = retriever;
        this.clock = clock;
    }

    /**
     * @param context  the call's contract context; without a plan there is nothing to decide against yet
     * @param customer the caller's card, or null for an unknown caller
     */
    public SuggestionsUpdated suggest(CallContext context, CustomerCard customer, List<String> customerLines) {
        return suggest(null, context, customer, customerLines);
    }

    /**
     * The cards of call {@code sessionId}: offline, high confidence, without a creation time (the caller
     * stamps it, keeping an unchanged card's earlier one).
     */
    public SuggestionsUpdated suggest(String sessionId, CallContext context, CustomerCard customer,
            List<String> customerLines) {
        return suggest(sessionId, context, customer, reader.read(customerLines));
    }

    /** The cards of call {@code sessionId} as read already ({@link CallReader#read(CallReader.Read, List)}). */
    public SuggestionsUpdated suggest(String sessionId, CallContext context, CustomerCard customer, CallReading reading) {
        if (context == null || context.plan() == null) {
            return new SuggestionsUpdated(reading.intent().name(), List.of());
        }
        LocalDate today = LocalDate.now(clock);
        Coverage coverage = Coverage.of(context, customer, today);
        Integer fee = serviceFee(coverage.scope());
        List<String> flags = flags(context, customer, reading);
        List<SuggestionCard> cards = new ArrayList<>();
        for (Question question : reading.questions()) {
            Optional<Answer> answer = decider.decide(question, coverage, reading, today);
            answer.ifPresent(decided -> cards.add(SuggestionCard.offline(cardId(question), sessionId, question.item(),
                    Scripts.question(question), reading.intent().name(), decided.decision(),
                    Scripts.script(question, decided, fee), decided.evidence().stream().map(Clause::evidence).toList(),
                    flags)));
        }
        return new SuggestionsUpdated(reading.intent().name(), cards);
    }

    /**
     * What every card of the call tells the agent beside its decision: an instruction the caller tried
     * to give (set aside by the reader, so it changed nothing), and a plan or state in force that none
     * of the caller's contracts on record has.
     */
    static List<String> flags(CallContext context, CustomerCard customer, CallReading reading) {
        List<String> flags = new ArrayList<>();
        if (reading.injection()) {
            flags.add(SuggestionCard.PROMPT_INJECTION);
        }
        if (customer != null && customer.contracts() != null && !customer.contracts().isEmpty()) {
            if (context.plan() != null && customer.contracts().stream().noneMatch(c -> context.plan().equalsIgnoreCase(c.plan()))) {
                flags.add(SuggestionCard.PLAN_MISMATCH);
            }
            if (context.state() != null
                    && customer.contracts().stream().noneMatch(c -> context.state().equalsIgnoreCase(c.state()))) {
                flags.add(SuggestionCard.STATE_MISMATCH);
            }
        }
        return flags;
    }

    private Integer serviceFee(ContractScope scope) {
        OptionalInt fee = retriever.headed(CoverageDecider.SERVICE_FEE, scope).stream().map(ClauseText::firstAmount)
                .filter(OptionalInt::isPresent).findFirst().orElse(OptionalInt.empty());
        return fee.isPresent() ? fee.getAsInt() : null;
    }

    /** Stable across the call: the item, and the part when the card is about a part. */
    static String cardId(Question question) {
        return question.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
