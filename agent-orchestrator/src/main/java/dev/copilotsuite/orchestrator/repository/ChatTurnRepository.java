package dev.copilotsuite.orchestrator.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.orchestrator.model.Focus;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The golden thread: every turn per session, in MongoDB, so follow-ups resolve after a restart and the UI reloads it. */
@ApplicationScoped
public class ChatTurnRepository implements PanacheMongoRepositoryBase<ChatTurn, String> {

    /** A session's thread shown to the UI is bounded; older turns stay stored. */
    public static final int THREAD_LIMIT = 200;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ChatTurnRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @PostConstruct
    void indexes() {
        mongoCollection().createIndex(Indexes.ascending("sessionId", "at"), new IndexOptions().name("session_at"));
    }

    public Optional<ChatTurn> find(String sessionId, String messageId) {
        return findByIdOptional(ChatTurn.idOf(sessionId, messageId));
    }

    public Focus lastFocus(String sessionId) {
        return find("sessionId", Sort.descending("at"), sessionId).firstResultOptional()
                .map(t -> t.focus == null ? Focus.NONE : mapper.convertValue(t.focus, Focus.class))
                .orElse(Focus.NONE);
    }

    public void save(String sessionId, String tenantId, String messageId, String userId, String text,
            ChatReplied reply, Focus focus, java.time.Instant at) {
        ChatTurn turn = new ChatTurn();
        turn.id = ChatTurn.idOf(sessionId, messageId);
        turn.sessionId = sessionId;
        turn.tenantId = tenantId;
        turn.messageId = messageId;
        turn.userId = userId;
        turn.text = text;
        turn.at = at;
        turn.reply = new Document(mapper.convertValue(reply, MAP));
        turn.focus = new Document(mapper.convertValue(focus, MAP));
        persistOrUpdate(turn);
    }

    public ChatReplied reply(ChatTurn turn) {
        return mapper.convertValue(turn.reply, ChatReplied.class);
    }

    /** The newest turns, oldest first. */
    public List<ChatTurnView> thread(String sessionId) {
        List<ChatTurn> newest = find("sessionId", Sort.descending("at"), sessionId).page(0, THREAD_LIMIT).list();
        return newest.stream().sorted(java.util.Comparator.comparing(t -> t.at))
                .map(t -> new ChatTurnView(t.messageId, t.userId, t.text, t.at, reply(t))).toList();
    }
}
