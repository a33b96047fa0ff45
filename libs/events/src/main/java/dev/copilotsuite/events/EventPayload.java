package dev.copilotsuite.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.calculator.CalculatorChangeRejected;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.CalculatorResetRequested;
import dev.copilotsuite.events.calculator.CalculatorUndoRequested;
import dev.copilotsuite.events.calculator.InsightRaised;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.call.CustomerUpdated;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;
import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.events.chat.ChatReplyDelta;
import dev.copilotsuite.events.chat.ChatRunStarted;
import dev.copilotsuite.events.chat.ChatToolCalled;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.events.document.DocumentRequested;

/**
 * The body of an {@link EventEnvelope}. Each payload names its type with {@link JsonTypeName};
 * the envelope writes that name as its {@code type} property.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(ChatMessageSubmitted.class),
        @JsonSubTypes.Type(ChatReplied.class),
        @JsonSubTypes.Type(ChatRunStarted.class),
        @JsonSubTypes.Type(ChatReplyDelta.class),
        @JsonSubTypes.Type(ChatToolCalled.class),
        @JsonSubTypes.Type(CalculatorChangeRequested.class),
        @JsonSubTypes.Type(CalculatorUndoRequested.class),
        @JsonSubTypes.Type(CalculatorResetRequested.class),
        @JsonSubTypes.Type(CalculatorStateChanged.class),
        @JsonSubTypes.Type(CalculatorChangeRejected.class),
        @JsonSubTypes.Type(InsightRaised.class),
        @JsonSubTypes.Type(TranscriptSegmentReceived.class),
        @JsonSubTypes.Type(CopilotToggled.class),
        @JsonSubTypes.Type(CustomerUpdated.class),
        @JsonSubTypes.Type(SuggestionsUpdated.class),
        @JsonSubTypes.Type(DocumentRequested.class),
        @JsonSubTypes.Type(ArtifactReady.class)
})
public interface EventPayload {

    /** The type name this payload travels under, e.g. {@code chat.message.submitted}. */
    static String typeOf(Class<? extends EventPayload> payloadType) {
        JsonTypeName name = payloadType.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(payloadType.getName() + " has no @JsonTypeName");
        }
        return name.value();
    }
}
