package dev.copilotsuite.orchestrator.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Emitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.chat.ChatReplyDelta;
import dev.copilotsuite.events.chat.ChatToolCalled;
import dev.copilotsuite.orchestrator.service.TurnStream;
import dev.copilotsuite.platform.messaging.EventPublisher;

/**
 * A turn's progress as chat.tool.called and chat.reply.delta events, sent without waiting so the first
 * delta reaches the browser while the turn still runs; {@link #flush()} waits for them all before the
 * final reply. One producer and one key keep them in order.
 */
final class KafkaTurnStream implements TurnStream {

    private final Emitter<EventEnvelope<?>> replies;
    private final EventEnvelope<?> request;
    private final String replyTo;
    private final ObjectMapper mapper;
    final String replyId = UUID.randomUUID().toString();
    private final List<CompletionStage<Void>> pending = new ArrayList<>();
    private int index;
    private int tools;

    KafkaTurnStream(Emitter<EventEnvelope<?>> replies, EventEnvelope<?> request, String replyTo, ObjectMapper mapper) {
        this.replies = replies;
        this.request = request;
        this.replyTo = replyTo;
        this.mapper = mapper;
    }

    @Override
    public void tool(String name, Object args, Object result, boolean error) {
        pending.add(EventPublisher.send(replies, request.answer(new ChatToolCalled(replyTo, replyTo + ":tool" + (++tools),
                name, json(args), json(result), error))));
    }

    @Override
    public void text(String delta) {
        pending.add(EventPublisher.send(replies, request.answer(new ChatReplyDelta(replyId, replyTo, index++, delta))));
    }

    int deltas() {
        return index;
    }

    void flush() {
        CompletableFuture.allOf(pending.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).join();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
