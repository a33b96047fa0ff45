package dev.copilotsuite.orchestrator.service;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeRequest;
import dev.copilotsuite.events.calculator.ChangeResponse;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.rest.ApiError;

/**
 * The deterministic brain: routes a message, and for a change asks calculator-service to apply the
 * exact batch. Every figure in a reply comes from calculator-service's answer.
 */
@ApplicationScoped
public class OfflineBrain {

    private static final Logger LOG = Logger.getLogger(OfflineBrain.class);
    private static final Pattern GENERATE = Pattern.compile(
            "\\b(executive summary|summary|report|pdf|one[- ]pager|board deck|briefing)\\b");

    private final CalculatorClient calculator;
    private final Emitter<EventEnvelope<?>> documentRequests;
    private volatile ChangeParser parser;

    public OfflineBrain(@RestClient CalculatorClient calculator,
            @Channel(Topics.DOCUMENT_REQUESTS) Emitter<EventEnvelope<?>> documentRequests) {
        this.calculator = calculator;
        this.documentRequests = documentRequests;
    }

    public Turn answer(EventEnvelope<?> event, ChatMessageSubmitted message) {
        String text = message.text().toLowerCase(Locale.ROOT);
        if (GENERATE.matcher(text).find()) {
            return generate(event, message);
        }
        ChangeParser.Parsed parsed = parser().parse(message.text());
        if (!parsed.ops().isEmpty()) {
            return modify(event, message, parsed);
        }
        if (!parsed.problems().isEmpty()) {
            return Turn.of(Routes.OTHER, String.join(" ", parsed.problems()));
        }
        return overview(event.sessionId());
    }

    private Turn generate(EventEnvelope<?> event, ChatMessageSubmitted message) {
        CalculatorState state = calculator.state(event.sessionId());
        EventPublisher.sendAndWait(documentRequests, event.answer(new DocumentRequested(message.messageId(),
                DocumentKind.EXECUTIVE_SUMMARY, state.version(), message.userId(), null)));
        return Turn.of(Routes.GENERATE, "I'm preparing an executive summary of your calculator as it stands (version "
                + state.version() + "). It will appear here as a download in a moment.");
    }

    private Turn modify(EventEnvelope<?> event, ChatMessageSubmitted message, ChangeParser.Parsed parsed) {
        CalculatorState before = calculator.state(event.sessionId());
        ChangeResponse response;
        try {
            response = calculator.change(event.sessionId(), new ChangeRequest(event.tenantId(), message.messageId(),
                    "copilot", message.messageId(), null, parsed.ops()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400 || e.getResponse().getStatus() == 409) {
                ApiError error = e.getResponse().readEntity(ApiError.class);
                return Turn.refused("I couldn't make that change, so nothing was changed. " + error.message());
            }
            throw e;
        }
        StringJoiner changes = new StringJoiner("; ");
        for (FieldChange change : response.changes()) {
            InputDef input = parser().input(change.path());
            changes.add(input.displayName() + " " + value(input, change.before()) + " → " + value(input, change.after()));
        }
        String reply = (response.changes().isEmpty() ? "That is already the value, so nothing changed."
                : "Done: " + changes + ".") + " " + effect(before.outputs(), response.state().outputs());
        if (!parsed.problems().isEmpty()) {
            reply += " " + String.join(" ", parsed.problems());
        }
        return Turn.of(Routes.MODIFY, reply.trim());
    }

    private Turn overview(String sessionId) {
        RoiOutputs out = calculator.state(sessionId).outputs();
        return Turn.of(Routes.OTHER, "I can change inputs (\"reduce human salary by 15%\"), and prepare an executive "
                + "summary. Right now peak utilization is " + Figures.percent(out.peakUtilization())
                + ", net recovery " + Figures.money(out.netRecovery()) + " a month and the recovery rate "
                + Figures.percent(out.recoveryRate()) + ".");
    }

    /** The key outputs that moved, old → new. */
    static String effect(RoiOutputs before, RoiOutputs after) {
        StringJoiner moved = new StringJoiner(", ");
        if (!Figures.percent(before.peakUtilization()).equals(Figures.percent(after.peakUtilization()))) {
            moved.add("peak utilization " + Figures.percent(before.peakUtilization()) + " → "
                    + Figures.percent(after.peakUtilization()));
        }
        if (!Figures.money(before.netRecovery()).equals(Figures.money(after.netRecovery()))) {
            moved.add("net recovery " + Figures.money(before.netRecovery()) + " → " + Figures.money(after.netRecovery()));
        }
        if (!Figures.money(before.totalCost()).equals(Figures.money(after.totalCost()))) {
            moved.add("total monthly cost " + Figures.money(before.totalCost()) + " → " + Figures.money(after.totalCost()));
        }
        return moved.length() == 0 ? "" : "Effect: " + moved + ".";
    }

    private static String value(InputDef input, Object value) {
        if (!(value instanceof Number number)) {
            return String.valueOf(value);
        }
        double v = number.doubleValue();
        String unit = input.unit().toLowerCase(Locale.ROOT);
        if (unit.startsWith("usd")) {
            return Figures.money(v);
        }
        if (unit.startsWith("fraction") || unit.equals("relative")) {
            return Figures.percent(v);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private ChangeParser parser() {
        if (parser == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new ChangeParser(calculator.catalog());
                    LOG.debug("input catalog loaded from calculator-service");
                }
            }
        }
        return parser;
    }
}
