package dev.copilotsuite.orchestrator.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import dev.copilotsuite.orchestrator.ai.CopilotAssistant;
import dev.copilotsuite.orchestrator.ai.CurrentTurn;
import dev.copilotsuite.orchestrator.config.OrchestratorConfig;
import dev.copilotsuite.orchestrator.model.Routes;

/**
 * Gemini drives the same agents as tools and writes the reply. When it fails or times out, the turn falls
 * back to the offline brain and says so, instead of failing. Without a key this brain is never used.
 */
@ApplicationScoped
public class GeminiBrain {

    public static final String NAME = "gemini";
    private static final Logger LOG = Logger.getLogger(GeminiBrain.class);

    private final CopilotAssistant assistant;
    private final OfflineBrain offline;
    private final boolean enabled;

    public GeminiBrain(CopilotAssistant assistant, OfflineBrain offline, OrchestratorConfig config) {
        this.assistant = assistant;
        this.offline = offline;
        this.enabled = config.gemini().apiKey().filter(key -> !key.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The AI service is request scoped; a Kafka consumer's thread has no request of its own. */
    @ActivateRequestContext
    public void answer(TurnScope scope) {
        CurrentTurn.set(scope);
        String text;
        try {
            text = assistant.chat(scope.sessionId, scope.text);
        } catch (RuntimeException e) {
            LOG.warnf("Gemini failed (%s); the offline brain answers this turn", e.toString());
            text = null;
        } finally {
            CurrentTurn.clear();
        }
        if (text == null || text.isBlank()) {
            if (scope.routes.isEmpty()) {
                scope.say("Gemini is not answering right now, so the offline brain answered.");
                offline.answer(scope);
            } else {
                scope.say("Gemini stopped before writing its answer; the calculator's own account of what was done "
                        + "follows.");
                scope.toolNotes.forEach(scope::say);
            }
            return;
        }
        scope.brain = NAME;
        scope.separator = " ";
        if (scope.routes.isEmpty()) {
            scope.routes.add(Routes.OTHER);
        }
        for (String sentence : text.trim().split("(?<=[.!?])\\s+")) {
            scope.say(sentence);
        }
    }
}
