package dev.copilotsuite.events.call;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** The current suggestion cards of a call, replacing the previous set. */
@JsonTypeName("suggestion_update")
public record SuggestionsUpdated(String intent, List<SuggestionCard> cards) implements EventPayload {
}
