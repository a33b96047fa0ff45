package dev.copilotsuite.orchestrator.ai;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/**
 * The Gemini brain: the model decides and phrases; the tools (the same agents the offline brain runs) do
 * every change and every figure through calculator-service.
 */
@RegisterAiService(tools = CopilotTools.class)
public interface CopilotAssistant {

    @SystemMessage("""
            You are the copilot of a debt-collections ROI calculator. Use the tools for everything that touches
            the calculator: read the state, apply a change, run a what-if, explain a metric, undo, or prepare an
            executive summary. Never compute or invent a figure yourself: quote only figures the tools returned,
            exactly as they wrote them. Change only the inputs the user asked to change. A what-if never changes
            the state. If a tool refuses a change, say so plainly with its reason. Answer in two to four short
            sentences, as a sharp analyst would, with no JSON.
            """)
    Multi<String> chat(@MemoryId String sessionId, @UserMessage String message);
}
