package dev.copilotsuite.orchestrator.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.ScenarioRequest;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.service.language.Lexicon;
import dev.copilotsuite.orchestrator.service.language.Metric;
import dev.copilotsuite.platform.rest.ApiError;

/**
 * The scenario runner agent: evaluates a what-if through calculator-service's scenario API, which never
 * changes the state, and says what would move. "Apply it" later turns the same batch into a change.
 */
@ApplicationScoped
public class ScenarioRunner {

    private static final List<String> HEADLINE = List.of("peakUtilization", "netRecovery", "recoveryRate", "totalCost");

    private final CalculatorClient calculator;
    private final CalculatorController controller;
    private final ObjectMapper mapper;

    public ScenarioRunner(@RestClient CalculatorClient calculator, CalculatorController controller, ObjectMapper mapper) {
        this.calculator = calculator;
        this.controller = controller;
        this.mapper = mapper;
    }

    public void run(TurnScope scope, List<ChangeOp> ops, String metric) {
        scope.focus = scope.focus.withScenario(ops);
        ScenarioResult result;
        try {
            result = calculator.scenario(scope.sessionId, new ScenarioRequest(ops));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            ApiError error = e.getResponse().readEntity(ApiError.class);
            scope.stream.tool("run_scenario", Map.of("ops", ops), error, true);
            scope.routes.add(Routes.REJECT);
            scope.error = true;
            scope.focus = scope.focus.withRoute(Routes.REJECT).withScenario(List.of()).withRequest(ops);
            scope.say("I couldn't run that what-if. " + error.message());
            return;
        }
        scope.stream.tool("run_scenario", Map.of("ops", ops), result, false);
        scope.routes.add(Routes.SCENARIO);
        scope.scenarioOps.addAll(ops);
        scope.focus = scope.focus.withRoute(Routes.SCENARIO).withSubject(metric, buckets(ops));

        OutputValues before = new OutputValues(mapper, scope.state.outputs());
        OutputValues after = new OutputValues(mapper, result.outputs());
        Set<String> order = new LinkedHashSet<>();
        if (metric != null) {
            order.add(metric);
        }
        order.addAll(HEADLINE);
        StringJoiner moves = new StringJoiner(", ");
        for (String name : order) {
            Lexicon.metricNamed(name).filter(m -> m.key() != null).ifPresent(m -> moves.add(move(m, before, after, null)));
        }
        List<String> bucketMoves = new ArrayList<>();
        for (String bucket : buckets(ops)) {
            Metric rate = Lexicon.metricNamed("recoveryRate").orElseThrow();
            bucketMoves.add(Figures.bucket(bucket) + " recovery rate " + move(rate, before, after, bucket)
                    .replace("recovery rate ", ""));
        }
        String changes = result.changes().isEmpty() ? "no input would change" : controller.describe(result.changes());
        scope.say("What-if, not applied: " + changes + ". It would move " + moves
                + (bucketMoves.isEmpty() ? "" : "; " + String.join(", ", bucketMoves)) + ".");
        scope.say("Your calculator is unchanged. Say \"apply it\" to make this change.");
    }

    private static String move(Metric metric, OutputValues before, OutputValues after, String bucket) {
        Double a = before.of(metric, bucket);
        Double b = after.of(metric, bucket);
        String text = metric.label() + " " + Wording.metric(metric, a) + " → " + Wording.metric(metric, b);
        String delta = Wording.delta(metric, a, b);
        return metric.style() == Metric.Style.MONEY && delta != null ? text + " (" + delta + ")" : text;
    }

    private static List<String> buckets(List<ChangeOp> ops) {
        return ops.stream().map(ChangeOp::path).filter(p -> p.startsWith("buckets.")).map(p -> p.split("\\.")[1])
                .distinct().toList();
    }
}
