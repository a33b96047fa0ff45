package dev.copilotsuite.orchestrator.service;

import java.util.ArrayList;
import java.util.List;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.chat.ArtifactLink;
import dev.copilotsuite.events.document.DocumentKind;
import dev.copilotsuite.orchestrator.model.Focus;

/**
 * The shared state of one turn as it moves through the agents (the role langchain4j-agentic gives its
 * AgenticScope): who asked what, the calculator as the user saw it, the focus carried from earlier
 * turns, and what each agent produced. Agents read and write it; the brain turns it into the reply.
 */
public final class TurnScope {

    public final String sessionId;
    public final String tenantId;
    public final String messageId;
    public final String userId;
    public final String text;
    public final TurnStream stream;

    /** The calculator now; agents that change it replace it. */
    public CalculatorState state;
    public Focus focus;

    public final List<String> routes = new ArrayList<>();
    public final List<ChangeOp> ops = new ArrayList<>();
    public final List<ChangeOp> scenarioOps = new ArrayList<>();
    public final List<FieldChange> changes = new ArrayList<>();
    public final List<ArtifactLink> artifacts = new ArrayList<>();
    public final List<String> reply = new ArrayList<>();
    public DocumentKind document;
    public boolean error;

    public TurnScope(String sessionId, String tenantId, String messageId, String userId, String text,
            CalculatorState state, Focus focus, TurnStream stream) {
        this.sessionId = sessionId;
        this.tenantId = tenantId;
        this.messageId = messageId;
        this.userId = userId;
        this.text = text;
        this.state = state;
        this.focus = focus;
        this.stream = stream;
    }

    /** One paragraph of the reply; each is streamed as it is written. */
    public void say(String paragraph) {
        if (paragraph != null && !paragraph.isBlank()) {
            reply.add(paragraph.trim());
            stream.text(reply.size() == 1 ? paragraph.trim() : "\n\n" + paragraph.trim());
        }
    }

    public String replyText() {
        return String.join("\n\n", reply);
    }
}
