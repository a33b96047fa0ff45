package dev.copilotsuite.document.repository;

import java.time.Instant;

import dev.copilotsuite.events.document.DocumentKind;

/**
 * A stored document's metadata. {@code artifactId} is the hex ObjectId of its GridFS file.
 *
 * @param stateVersion the calculator version the document shows
 * @param sha256       hex digest of the stored bytes
 */
public record Artifact(
        String artifactId,
        String sessionId,
        String tenantId,
        String requestId,
        DocumentKind kind,
        String title,
        String fileName,
        String contentType,
        long stateVersion,
        long sizeBytes,
        String sha256,
        Instant createdAt) {
}
