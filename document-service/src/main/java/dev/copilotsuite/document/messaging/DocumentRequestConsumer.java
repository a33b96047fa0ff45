package dev.copilotsuite.document.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.copilotsuite.document.client.UnknownStateVersionException;
import dev.copilotsuite.document.service.DocumentService;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.document.DocumentRequested;
import dev.copilotsuite.platform.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/**
 * Generates the documents the orchestrator asks for. A request for a version the calculator does not
 * have is dropped with a warning; any other failure propagates, so the record is dead-lettered.
 */
@ApplicationScoped
public class DocumentRequestConsumer {

    private static final Logger LOG = Logger.getLogger(DocumentRequestConsumer.class);

    private final DocumentService documents;
    private final ProcessedEvents processed;

    public DocumentRequestConsumer(DocumentService documents, ProcessedEvents processed) {
        this.documents = documents;
        this.processed = processed;
    }

    @Incoming(Topics.DOCUMENT_REQUESTS)
    @Blocking
    public void onDocumentRequested(EventEnvelope<?> event) {
        if (event != null && event.payload() instanceof DocumentRequested request) {
            processed.process("document-requests", event, () -> fulfil(event, request));
        }
    }

    private void fulfil(EventEnvelope<?> event, DocumentRequested request) {
        if (request.requestId() == null || request.requestId().isBlank() || request.kind() == null) {
            LOG.warnf("dropping document request %s: it has no request id or no kind", event.id());
            return;
        }
        try {
            documents.fulfil(event, request);
        } catch (UnknownStateVersionException e) {
            LOG.warnf("dropping document request %s: %s", request.requestId(), e.getMessage());
        }
    }
}
