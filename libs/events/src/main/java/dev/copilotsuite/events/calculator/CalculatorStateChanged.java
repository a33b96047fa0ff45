package dev.copilotsuite.events.calculator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A session's calculator reached a new version. Carries the whole state, so a consumer never needs an
 * earlier event to render it, and the RFC 6902 patch from the previous version, so a client that holds
 * {@code previousVersion} can apply a small delta instead.
 *
 * @param ops             the batch that produced this version (empty for a reset or an undo)
 * @param previousVersion the version the patch applies to
 * @param patch           JSON Patch from the previous version's {@code {version, inputs, outputs}} document to
 *                        this one's
 */
@JsonTypeName("calculator.state.changed")
public record CalculatorStateChanged(long version, String actor, String actorRef, String requestId, List<ChangeOp> ops,
        RoiInputs inputs, RoiOutputs outputs, long previousVersion, List<JsonPatchOp> patch) implements EventPayload {
}
