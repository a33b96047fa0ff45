package dev.copilotsuite.orchestrator.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.model.Step;

/**
 * The deterministic brain, the suite's embedded default: the router (MessageReader) classifies a message
 * into steps, and each step runs its agent in order, on the shared TurnScope. A refused change ends the
 * turn, so nothing after it runs on a state the user did not get.
 */
@ApplicationScoped
public class OfflineBrain {

    public static final String NAME = "offline";

    private final Catalog catalog;
    private final CalculatorController controller;
    private final ScenarioRunner scenarios;
    private final Analyst analyst;
    private final DocumentGenerator documents;

    public OfflineBrain(Catalog catalog, CalculatorController controller, ScenarioRunner scenarios, Analyst analyst,
            DocumentGenerator documents) {
        this.catalog = catalog;
        this.controller = controller;
        this.scenarios = scenarios;
        this.analyst = analyst;
        this.documents = documents;
    }

    public void answer(TurnScope scope) {
        List<Step> steps = catalog.reader().read(scope.text, scope.focus);
        for (Step step : steps) {
            run(scope, step);
            if (scope.error) {
                return;
            }
        }
    }

    private void run(TurnScope scope, Step step) {
        switch (step.route()) {
            case Routes.MODIFY:
                controller.modify(scope, step.ops());
                break;
            case Routes.UNDO:
                controller.undo(scope);
                break;
            case Routes.SCENARIO:
                scenarios.run(scope, step.ops(), step.metric());
                break;
            case Routes.ANALYZE:
                analyst.analyze(scope, step);
                break;
            case Routes.GENERATE:
                documents.generate(scope);
                break;
            case Routes.REJECT:
                scope.routes.add(Routes.REJECT);
                scope.error = true;
                scope.focus = scope.focus.withRoute(Routes.REJECT).withRequest(step.ops());
                scope.say("I couldn't do that, so nothing was changed. " + step.problem());
                break;
            default:
                other(scope, step);
        }
    }

    private void other(TurnScope scope, Step step) {
        scope.routes.add(Routes.OTHER);
        scope.focus = scope.focus.withRoute(Routes.OTHER);
        RoiOutputs out = scope.state.outputs();
        String now = "Right now peak utilization is " + Figures.percent(out.peakUtilization()) + ", net recovery "
                + Figures.money(out.netRecovery()) + " a month and the recovery rate " + Figures.percent(out.recoveryRate())
                + ".";
        switch (step.ask()) {
            case THANKS:
                scope.say("You're welcome. Ask me to change an input, explain a figure or run a what-if whenever you like.");
                break;
            case CLARIFY:
                scope.say(step.problem());
                break;
            case OFF_TOPIC:
                scope.say("That is outside what I can help with: I work on your collections ROI calculator. " + now);
                break;
            default:
                scope.say("I'm the copilot of your collections ROI calculator. I can change inputs (\"reduce human "
                        + "salary by 15%\"), explain a figure (\"why is my peak utilization so high?\"), run a what-if "
                        + "without touching your numbers (\"what if bucket 1 used AI augmentation?\"), undo a change, "
                        + "and prepare an executive summary PDF. " + now);
        }
    }
}
