package dev.copilotsuite.copilot.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says once at start where policy clauses are retrieved from, so an operator never has to guess. */
@ApplicationScoped
class RetrievalAnnouncement {

    private static final Logger LOG = Logger.getLogger(RetrievalAnnouncement.class);

    void onStart(@Observes StartupEvent start, CopilotConfig config) {
        if (config.milvusUri().filter(uri -> !uri.isBlank()).isPresent()) {
            // Embedding retrieval behind the ClauseRetriever seam is not in this build yet: say so, never pretend.
            LOG.warnf("MILVUS_URI is set (%s), but this build retrieves clauses in-process; Milvus is not used",
                    config.milvusUri().get());
        } else {
            LOG.info("retrieval: in-process clause index over the policy corpus (MILVUS_URI not set)");
        }
        if (!config.liveEnabled()) {
            LOG.info("live suggestions are off suite-wide (ENABLE_LIVE_COPILOT=false)");
        }
    }
}
