package dev.copilotsuite.events.calculator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A proactive insight fired on a new state version (shared/design/roi-model.md, "Proactive insights").
 * It fires once when its condition becomes true and again only after re-arming.
 *
 * @param figures the unformatted figures the message quotes, so the UI and the chat say the same numbers
 * @param actions what the model suggests, each an exact change batch the user can apply in one click
 */
@JsonTypeName("calculator.insight")
public record InsightRaised(String insightId, String severity, String message, Map<String, Object> figures,
        long version, List<SuggestedAction> actions) implements EventPayload {

    /** A change the model computed (a goal seek or a scenario), with a label for its button. */
    public record SuggestedAction(String label, List<ChangeOp> ops) {
    }
}
