package dev.copilotsuite.events.document;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** A generated document is stored; the gateway offers it for download to the session's owner. */
@JsonTypeName("artifact_ready")
public record ArtifactReady(String artifactId, String requestId, DocumentKind kind, String title, String contentType,
        long stateVersion, long sizeBytes, String sha256) implements EventPayload {
}
