package dev.copilotsuite.document.ai;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Asks Gemini (quarkus-langchain4j-ai-gemini) for the summary's prose with placeholders in place of figures.
 * It only drafts: {@code Narrative} checks the draft and inserts the figures. Without Gemini configured it is
 * never called.
 */
@ApplicationScoped
public class NarrativeWriter {

    static final String INSTRUCTIONS = """
            You write the narrative section of a one-to-three page executive summary of a debt-collections \
            operation for a CFO. Plain, confident business English, no headings, no lists, no markdown. \
            Write two to five short paragraphs separated by a blank line, at most two hundred words in all.

            You never write a number. Wherever a figure belongs, write its placeholder exactly as named in the \
            facts, in curly braces, for example {netRecovery}; code replaces it with the figure. Do not write \
            digits, number words, or placeholders that are not in the facts. Describe only what the facts \
            support: the operation's net recovery and return, which buckets recover and cost most, the AI case \
            if any, capacity against the threshold, and the input that moves net recovery most.""";

    private final boolean configured;
    private final ChatModel model;

    public NarrativeWriter(@ConfigProperty(name = "quarkus.langchain4j.ai.gemini.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "quarkus.langchain4j.ai.gemini.enable-integration", defaultValue = "true")
            boolean enabled, ChatModel model) {
        this.configured = enabled && apiKey.filter(key -> !key.isBlank()).isPresent();
        this.model = model;
    }

    /** Whether Gemini writes the narrative: an API key is set and the integration is on. Otherwise the templates do. */
    public boolean configured() {
        return configured;
    }

    /**
     * Gemini's draft for these facts, or empty when it answered nothing. Throws when the call fails, or when
     * it has not answered within 8 s all told: the client's own timeout bounds one attempt and langchain4j
     * retries, so this bounds what a document waits before the templates write it instead.
     *
     * @param facts     one {@code placeholder = figure as printed} per line
     * @param scenarios how many what-ifs the document's comparison table shows
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    public Optional<String> draft(String facts, int scenarios) {
        String request = "Facts (placeholder = figure as it will be printed):\n" + facts
                + "\n\nThe document also has charts of recovery and cost per bucket, utilization against capacity, "
                + "a sensitivity tornado" + (scenarios > 0 ? ", and a table comparing the scenarios discussed" : "")
                + ".";
        ChatResponse response = model.chat(SystemMessage.from(INSTRUCTIONS), UserMessage.from(request));
        return Optional.ofNullable(response.aiMessage() == null ? null : response.aiMessage().text())
                .filter(text -> !text.isBlank());
    }
}
