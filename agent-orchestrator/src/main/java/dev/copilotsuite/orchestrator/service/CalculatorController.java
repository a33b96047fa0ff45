package dev.copilotsuite.orchestrator.service;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.ChangeRequest;
import dev.copilotsuite.events.calculator.ChangeResponse;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.SessionCommand;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.service.language.Lexicon;
import dev.copilotsuite.platform.rest.ApiError;

/**
 * The calculator controller agent: applies an exact change batch (or an undo) through calculator-service,
 * against the version the turn started from, and reports what changed, old → new, with the effect on
 * the key outputs.
 */
@ApplicationScoped
public class CalculatorController {

    private final CalculatorClient calculator;
    private final Catalog catalog;
    private final ObjectMapper mapper;

    public CalculatorController(@RestClient CalculatorClient calculator, Catalog catalog, ObjectMapper mapper) {
        this.calculator = calculator;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    public void modify(TurnScope scope, List<ChangeOp> ops) {
        scope.focus = scope.focus.withRequest(ops);
        CalculatorState before = scope.state;
        ChangeResponse response;
        try {
            response = calculator.change(scope.sessionId, new ChangeRequest(scope.tenantId,
                    scope.messageId + ":change", "copilot", scope.messageId, before.version(), ops));
        } catch (WebApplicationException e) {
            ApiError error = refusal(e);
            scope.stream.tool("apply_change", Map.of("ops", ops), error, true);
            scope.routes.add(Routes.REJECT);
            scope.error = true;
            scope.focus = scope.focus.withRoute(Routes.REJECT);
            scope.say(e.getResponse().getStatus() == 409
                    ? "The calculator changed while I was working on this (" + error.message() + "), so I changed "
                            + "nothing. Please ask again on the current figures."
                    : "I couldn't make that change, so nothing was changed. " + error.message());
            return;
        }
        scope.stream.tool("apply_change", Map.of("ops", ops), response, false);
        scope.routes.add(Routes.MODIFY);
        scope.ops.addAll(ops);
        scope.changes.addAll(response.changes());
        scope.state = response.state();
        scope.focus = scope.focus.withRoute(Routes.MODIFY).withChange(before.version(), response.state().version());
        scope.say(response.changes().isEmpty() ? "That is already the value, so nothing changed."
                : "Done: " + describe(response.changes()) + ". " + effect(before.outputs(), response.state().outputs()));
    }

    public void undo(TurnScope scope) {
        CalculatorState before = scope.state;
        ChangeResponse response;
        try {
            response = calculator.undo(scope.sessionId, new SessionCommand(scope.tenantId, scope.messageId + ":undo",
                    "copilot", scope.messageId, before.version()));
        } catch (WebApplicationException e) {
            ApiError error = refusal(e);
            scope.stream.tool("undo", Map.of(), error, true);
            scope.routes.add(Routes.UNDO);
            scope.focus = scope.focus.withRoute(Routes.UNDO);
            scope.say(e.getResponse().getStatus() == 409 && !"NOTHING_TO_UNDO".equals(error.code())
                    ? "The calculator changed while I was working on this, so I undid nothing. " + error.message()
                    : "There is nothing to undo: the calculator is as it started.");
            return;
        }
        scope.stream.tool("undo", Map.of(), response, false);
        scope.routes.add(Routes.UNDO);
        scope.changes.addAll(response.changes());
        scope.state = response.state();
        scope.focus = scope.focus.withRoute(Routes.UNDO).withRequest(List.of())
                .withChange(before.version(), response.state().version());
        scope.say(response.changes().isEmpty() ? "Undone; no input differed."
                : "Undone: " + describe(response.changes()) + ". " + effect(before.outputs(), response.state().outputs()));
    }

    String describe(List<FieldChange> changes) {
        Lexicon lexicon = catalog.lexicon();
        StringJoiner out = new StringJoiner("; ");
        for (FieldChange change : changes) {
            var input = lexicon.input(change.path());
            String name = input == null ? change.path() : input.label() + (input.bucket() == null ? ""
                    : " in " + Figures.bucket(input.bucket()));
            out.add(name + " " + Wording.input(input, change.before()) + " → " + Wording.input(input, change.after()));
        }
        return out.toString();
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
        if (!Figures.percent(before.recoveryRate()).equals(Figures.percent(after.recoveryRate()))) {
            moved.add("recovery rate " + Figures.percent(before.recoveryRate()) + " → "
                    + Figures.percent(after.recoveryRate()));
        }
        if (!Figures.money(before.totalCost()).equals(Figures.money(after.totalCost()))) {
            moved.add("total monthly cost " + Figures.money(before.totalCost()) + " → " + Figures.money(after.totalCost()));
        }
        return moved.length() == 0 ? "The key outputs did not move." : "Effect: " + moved + ".";
    }

    private ApiError refusal(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            throw e;
        }
        try {
            return e.getResponse().readEntity(ApiError.class);
        } catch (RuntimeException unreadable) {
            return ApiError.of("REFUSED", "calculator-service refused the change (HTTP " + status + ").");
        }
    }
}
