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
    /** The routes a model's router read in the message, before any agent ran; empty offline. */
    public final List<String> plan = new ArrayList<>();
    public final List<ChangeOp> ops = new ArrayList<>();
    public final List<ChangeOp> scenarioOps = new ArrayList<>();
    public final List<FieldChange> changes = new ArrayList<>();
    public final List<ArtifactLink> artifacts = new ArrayList<>();
    public final List<String> reply = new ArrayList<>();
    public DocumentKind document;
    public boolean error;
    /** offline or gemini: which brain wrote the text. */
    public String brain = OfflineBrain.NAME;
    /** While a model drives the agents as tools, what they say is the tool's result, not the reply. */
    private List<String> muted;
    /** Every tool result of the turn, for the reply when a model stops before writing its own. */
    public final List<String> toolNotes = new ArrayList<>();

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
        if (muted != null) {
            if (paragraph != null && !paragraph.isBlank()) {
                muted.add(paragraph.trim());
            }
            return;
        }
        if (paragraph != null && !paragraph.isBlank()) {
            reply.add(paragraph.trim());
            stream.text(reply.size() == 1 ? paragraph.trim() : separator + paragraph.trim());
        }
    }

    /** A piece of a model's reply as it streams in: written and streamed exactly as it came. */
    public void token(String piece) {
        if (piece == null || piece.isEmpty() || reply.isEmpty() && piece.isBlank()) {
            return;
        }
        String text = reply.isEmpty() ? piece.stripLeading() : piece;
        if (reply.isEmpty()) {
            reply.add(text);
        } else {
            reply.set(reply.size() - 1, reply.get(reply.size() - 1) + text);
        }
        stream.text(text);
    }

    /** Runs an agent as a tool: what it would have said is returned instead of written to the reply. */
    public String asTool(Runnable agent) {
        muted = new ArrayList<>();
        try {
            agent.run();
            String note = String.join(" ", muted);
            toolNotes.add(note);
            return note;
        } finally {
            muted = null;
        }
    }

    /** Paragraphs by default; a model's sentences are joined by a space. */
    public String separator = "\n\n";

    public String replyText() {
        return String.join(separator, reply);
    }
}
