package dev.copilotsuite.events.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.document.DocumentKind;

/**
 * The copilot's complete answer to one chat message: the readable reply for the user and the technical
 * result for the system (dual output). It ends the turn (AG-UI RUN_FINISHED, or RUN_ERROR when
 * {@code failed}).
 *
 * @param replyTo      the {@code messageId} of the user's message
 * @param routes       the routes the turn ran, in order: MODIFY, SCENARIO, ANALYZE, GENERATE, UNDO, REJECT, OTHER
 * @param brain        which brain wrote the text: {@code offline} or {@code gemini}
 * @param error        true when the request was refused (e.g. an out-of-bounds change); the state is unchanged
 * @param ops          the change batch applied by this turn, normalised to the four ops
 * @param scenarioOps  the batch a what-if evaluated without applying it
 * @param changes      each input the turn moved, old and new
 * @param stateVersion the calculator version after the turn
 * @param document     the kind of document requested, or null
 * @param artifacts    the documents the turn produced
 * @param failed       true when the turn itself failed (not a refusal); {@code text} says why
 */
@JsonTypeName("chat.replied")
public record ChatReplied(String messageId, String replyTo, List<String> routes, String text, String brain,
        boolean error, List<ChangeOp> ops, List<ChangeOp> scenarioOps, List<FieldChange> changes,
        Long stateVersion, DocumentKind document, List<ArtifactLink> artifacts, boolean failed)
        implements EventPayload {

    public ChatReplied {
        routes = routes == null ? List.of() : List.copyOf(routes);
        ops = ops == null ? List.of() : List.copyOf(ops);
        scenarioOps = scenarioOps == null ? List.of() : List.copyOf(scenarioOps);
        changes = changes == null ? List.of() : List.copyOf(changes);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }
}
