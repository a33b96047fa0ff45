package dev.copilotsuite.calculator.model;

import java.util.Map;

/**
 * A proactive insight that fired.
 *
 * @param id       one of the ids in {@link Insights}
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param message  the figures in words, formatted as the copilot says them
 * @param figures  the unformatted figures the message quotes, by name, so the UI and the chat agree
 */
public record Insight(String id, String severity, String message, Map<String, Object> figures) {
}
