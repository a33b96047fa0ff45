package dev.copilotsuite.events.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * Generate a document of a session's calculator.
 *
 * @param requestId    idempotency key: the same request id yields the same artifact
 * @param stateVersion the calculator version to show, or null for the latest
 * @param requestedBy  the user, or the chat message id the copilot acted on
 * @param scenarios    the what-ifs the conversation ran, oldest first, for a comparison table (may be empty)
 */
@JsonTypeName("document.requested")
public record DocumentRequested(String requestId, DocumentKind kind, Long stateVersion, String requestedBy,
        List<DocumentScenario> scenarios) implements EventPayload {

    public DocumentRequested {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
}
