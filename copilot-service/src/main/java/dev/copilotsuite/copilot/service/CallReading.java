package dev.copilotsuite.copilot.service;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the caller's lines say so far.
 *
 * @param questions      in the order first asked
 * @param startedDaysAgo how long ago the caller says the contract started, when said
 * @param injection      a line tried to instruct the copilot or the agent; it was set aside
 */
public record CallReading(Intent intent, List<Question> questions, OptionalInt startedDaysAgo, boolean injection) {
}
