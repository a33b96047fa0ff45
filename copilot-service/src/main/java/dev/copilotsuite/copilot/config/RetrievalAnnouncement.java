package dev.copilotsuite.copilot.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says once at start when live suggestions are off suite-wide, so an operator never has to guess (retrieval logs its own store). */
@ApplicationScoped
class RetrievalAnnouncement {

    private static final Logger LOG = Logger.getLogger(RetrievalAnnouncement.class);

    void onStart(@Observes StartupEvent start, CopilotConfig config) {
        if (!config.liveEnabled()) {
            LOG.info("live suggestions are off suite-wide (ENABLE_LIVE_COPILOT=false)");
        }
    }
}
