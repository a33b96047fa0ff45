package dev.copilotsuite.orchestrator.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import dev.copilotsuite.orchestrator.ai.CopilotAssistant;
import dev.copilotsuite.orchestrator.ai.GeminiRouter;
import dev.copilotsuite.orchestrator.ai.OpenTurns;
import dev.copilotsuite.orchestrator.config.OrchestratorConfig;
import dev.copilotsuite.orchestrator.model.Routes;

/**
 * Gemini routes the message (structured output), then drives the same agents as tools and writes the reply,
 * streamed token by token. When it fails or times out, the turn falls back to the offline brain and says so,
 * instead of failing. Without a key this brain is never used.
 */
@ApplicationScoped
public class GeminiBrain {

    public static final String NAME = "gemini";
    private static final Logger LOG = Logger.getLogger(GeminiBrain.class);

    private final CopilotAssistant assistant;
    private final GeminiRouter router;
    private final OpenTurns turns;
    private final OfflineBrain offline;
    private final boolean enabled;
    private final Duration idle;

    public GeminiBrain(CopilotAssistant assistant, GeminiRouter router, OpenTurns turns, OfflineBrain offline,
            OrchestratorConfig config) {
        this.assistant = assistant;
        this.router = router;
        this.turns = turns;
        this.offline = offline;
        this.enabled = config.gemini().apiKey().filter(key -> !key.isBlank()).isPresent();
        this.idle = config.gemini().timeout();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The AI service is request scoped; a Kafka consumer's thread has no request of its own. */
    @ActivateRequestContext
    public void answer(TurnScope scope) {
        boolean answered;
        try (OpenTurns.Handle open = turns.open(scope)) {
            scope.plan.addAll(router.route(scope.text, scope.focus));
            // each piece is written as it arrives; a stream silent for longer than the timeout has failed
            for (String piece : assistant.chat(scope.sessionId, scope.text).ifNoItem().after(idle).fail()
                    .subscribe().asIterable()) {
                scope.brain = NAME;
                scope.separator = " ";
                scope.token(piece);
            }
            answered = !scope.reply.isEmpty();
        } catch (RuntimeException e) {
            LOG.warnf("Gemini failed (%s)", e.toString());
            answered = false;
        }
        if (answered) {
            if (scope.routes.isEmpty()) {
                scope.routes.addAll(scope.plan.isEmpty() ? List.of(Routes.OTHER) : scope.plan);
            }
        } else if (scope.routes.isEmpty() && scope.reply.isEmpty()) {
            scope.say("Gemini is not answering right now, so the offline brain answered.");
            offline.answer(scope);
        } else {
            // it failed after a tool ran or mid-sentence: never run the tools twice, report what they did
            scope.say("Gemini stopped before finishing its answer; the calculator's own account of what was done "
                    + "follows.");
            scope.toolNotes.forEach(scope::say);
        }
    }
}
