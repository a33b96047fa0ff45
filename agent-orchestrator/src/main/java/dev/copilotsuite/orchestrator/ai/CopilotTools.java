package dev.copilotsuite.orchestrator.ai;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.orchestrator.model.Step;
import dev.copilotsuite.orchestrator.service.Analyst;
import dev.copilotsuite.orchestrator.service.CalculatorController;
import dev.copilotsuite.orchestrator.service.Catalog;
import dev.copilotsuite.orchestrator.service.DocumentGenerator;
import dev.copilotsuite.orchestrator.service.ScenarioRunner;
import dev.copilotsuite.orchestrator.service.TurnScope;
import dev.copilotsuite.orchestrator.service.language.Lexicon;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.copilotsuite.orchestrator.model.Routes;

/**
 * The agents as tools for a model. Every change still goes through calculator-service's validation, and
 * a tool answers with the agent's own sentence, figures included, for the model to quote.
 */
@ApplicationScoped
public class CopilotTools {

    /** One operation as the model states it; the value is a number, or a strategy name. */
    public record Op(@P("set, scale, add or strategy") String op,
            @P("an input path such as humanAgents or buckets.bucket2.contactRate") String path,
            @P("the number (a fraction for rates: 20% is 0.2), or HUMAN, AI_AUGMENTED, AI_FIRST") String value) {
    }

    private final CalculatorController controller;
    private final ScenarioRunner scenarios;
    private final Analyst analyst;
    private final DocumentGenerator documents;
    private final Catalog catalog;
    private final OpenTurns turns;

    public CopilotTools(CalculatorController controller, ScenarioRunner scenarios, Analyst analyst,
            DocumentGenerator documents, Catalog catalog, OpenTurns turns) {
        this.catalog = catalog;
        this.turns = turns;
        this.controller = controller;
        this.scenarios = scenarios;
        this.analyst = analyst;
        this.documents = documents;
    }

    @Tool("Apply a batch of changes to the calculator, all or nothing. Returns what changed and the effect.")
    public String applyChange(@ToolMemoryId String sessionId, Op[] ops) {
        TurnScope scope = turns.of(sessionId);
        String refused = refusal(scope, ops, Routes.MODIFY);
        return refused != null ? refused : scope.asTool(() -> controller.modify(scope, changeOps(ops)));
    }

    @Tool("Evaluate a batch of changes as a what-if without changing the calculator. Returns what would move.")
    public String runScenario(@ToolMemoryId String sessionId, Op[] ops,
            @P("the metric the user asks about, or empty") String metric) {
        TurnScope scope = turns.of(sessionId);
        String refused = refusal(scope, ops, Routes.SCENARIO);
        return refused != null ? refused : scope.asTool(() -> scenarios.run(scope, changeOps(ops), blankToNull(metric)));
    }

    @Tool("Explain a metric (peakUtilization, utilization, recoveryRate, netRecovery, totalCost, costToCollect, roi, "
            + "paybackMonths, serviceLevel, fteRequired) overall or for buckets (bucket1..bucket4).")
    public String explain(@ToolMemoryId String sessionId, String metric, String[] buckets,
            @P("true for why it is so, false for its value") boolean why) {
        TurnScope scope = turns.of(sessionId);
        if (Lexicon.metricNamed(metric).isEmpty()) {
            return "Unknown metric " + metric + ".";
        }
        return scope.asTool(() -> analyst.analyze(scope, Step.analyze(metric, buckets == null ? List.of() : List.of(buckets),
                why ? Step.Ask.WHY : Step.Ask.VALUE)));
    }

    @Tool("Undo the last change applied to the calculator.")
    public String undo(@ToolMemoryId String sessionId) {
        TurnScope scope = turns.of(sessionId);
        String refused = unplanned(scope, Routes.UNDO);
        return refused != null ? refused : scope.asTool(() -> controller.undo(scope));
    }

    @Tool("Prepare the executive summary PDF of the calculator as it is now.")
    public String requestDocument(@ToolMemoryId String sessionId) {
        TurnScope scope = turns.of(sessionId);
        String refused = unplanned(scope, Routes.GENERATE);
        return refused != null ? refused : scope.asTool(() -> documents.generate(scope));
    }

    /**
     * Why a batch the model proposes is refused before it reaches the calculator: an op that is not one of the
     * four, an input the user's message (or the change it follows up) never named, or a route the router did
     * not read in the message. A message cannot talk the model into touching anything else.
     */
    private String refusal(TurnScope scope, Op[] ops, String route) {
        if (ops == null || ops.length == 0) {
            return "Refused: no operation was given.";
        }
        Lexicon lexicon = catalog.lexicon();
        java.util.Set<String> named = new java.util.HashSet<>();
        lexicon.inputs(scope.text.toLowerCase(java.util.Locale.ROOT)).forEach(f -> named.add(f.value().key()));
        lexicon.strategy(scope.text.toLowerCase(java.util.Locale.ROOT)).ifPresent(s -> named.add("strategy"));
        scope.focus.request().forEach(op -> named.add(key(op.path())));
        scope.focus.scenario().forEach(op -> named.add(key(op.path())));
        for (Op op : ops) {
            if (op.op() == null || !List.of("set", "scale", "add", "strategy").contains(op.op().trim().toLowerCase(java.util.Locale.ROOT))) {
                return "Refused: '" + op.op() + "' is not an operation; use set, scale, add or strategy.";
            }
            if (op.path() == null || !named.contains(key(op.path()))) {
                return "Refused: the user did not ask to change " + op.path() + ". Change only what they named.";
            }
        }
        return unplanned(scope, route);
    }

    /** A tool whose route the router did not read in the message is refused; with no plan, none is. */
    private static String unplanned(TurnScope scope, String route) {
        if (scope.plan.isEmpty() || scope.plan.contains(route)) {
            return null;
        }
        return "Refused: the user's message does not ask for " + route.toLowerCase(java.util.Locale.ROOT)
                + " (it asks for " + String.join(", ", scope.plan).toLowerCase(java.util.Locale.ROOT) + ").";
    }

    private static String key(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** An array, not a List: the tool's arguments are bound by their runtime type, which a List erases. */
    private static List<ChangeOp> changeOps(Op[] ops) {
        return ops == null ? List.of() : java.util.Arrays.stream(ops).map(CopilotTools::changeOp).toList();
    }

    private static ChangeOp changeOp(Op op) {
        ChangeOp.Kind kind = ChangeOp.Kind.valueOf(op.op().trim().toUpperCase(java.util.Locale.ROOT));
        if (kind == ChangeOp.Kind.STRATEGY) {
            return new ChangeOp(kind, op.path(), op.value());
        }
        try {
            return new ChangeOp(kind, op.path(), Double.parseDouble(op.value()));
        } catch (NumberFormatException | NullPointerException e) {
            return new ChangeOp(kind, op.path(), op.value()); // refused by calculator-service as non-numeric
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
