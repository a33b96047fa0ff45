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

/**
 * The golden thread: every turn per session in {@code chat_turns}, so the UI reloads it, and the focus after
 * the last turn in {@code chat_heads} ({@code _id} = session), so follow-ups resolve after a restart.
 */
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

    /** The focus after the session's last turn, read by {@code _id} from its head (a hot path: every turn). */
    public Focus lastFocus(String sessionId) {
        Document head = heads().find(new Document("_id", sessionId)).first();
        Object focus = head == null ? null : head.get("focus");
        return focus == null ? Focus.NONE : mapper.convertValue(focus, Focus.class);
    }

    private com.mongodb.client.MongoCollection<Document> heads() {
        return mongoDatabase().getCollection("chat_heads");
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
        heads().replaceOne(new Document("_id", sessionId),
                new Document("_id", sessionId).append("focus", turn.focus).append("lastMessageId", messageId).append("at",
                        java.util.Date.from(at)),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
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
