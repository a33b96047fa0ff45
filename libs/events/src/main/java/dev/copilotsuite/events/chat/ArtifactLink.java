package dev.copilotsuite.events.chat;

import dev.copilotsuite.events.document.DocumentKind;

/**
 * A document a turn produced. The gateway adds the download URL, which depends on the client's own
 * session id.
 */
public record ArtifactLink(String id, String title, DocumentKind kind) {
}
