package dev.copilotsuite.orchestrator.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says once at start which brain answers, so an operator never has to guess. */
@ApplicationScoped
class BrainAnnouncement {

    private static final Logger LOG = Logger.getLogger(BrainAnnouncement.class);

    void onStart(@Observes StartupEvent start, OrchestratorConfig config) {
        if (config.gemini().apiKey().filter(key -> !key.isBlank()).isPresent()) {
            LOG.infof("brain: gemini (model %s), tools on calculator-service; the offline brain answers when Gemini fails",
                    config.gemini().model());
        } else {
            LOG.info("brain: offline (no GEMINI_API_KEY or GOOGLE_API_KEY); every answer comes from the deterministic brain");
        }
    }
}
