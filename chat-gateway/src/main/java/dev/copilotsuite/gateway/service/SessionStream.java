package dev.copilotsuite.gateway.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.messaging.SessionLog;

/**
 * Every session's messages as this replica sees them, numbered and windowed for resumption.
 *
 * <p>A message's {@code seq} is {@code offset * SLOTS + i}: the offset of its record on the gateway's
 * sequenced topic (one partition per session, read by every replica), and its index among the messages that
 * record became. So it is strictly increasing per session and the same on every replica, with no
 * coordination. Each session keeps its last messages in a bounded window, and only a bounded number of
 * sessions are kept (least recently used first out); a resume that reaches past the window is rebuilt from
 * Kafka, or answered with resync.
 */
@ApplicationScoped
public class SessionStream {

    private static final Logger LOG = Logger.getLogger(SessionStream.class);
    static final int RECENT_IDS = 64;

    /** One session's recent messages: every message with {@code seq > floorSeq} this replica consumed. */
    static final class Window {
        final int partition;
        long floorSeq;
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        final Set<String> recentEventIds = new LinkedHashSet<>();

        Window(int partition, long floorSeq) {
            this.partition = partition;
            this.floorSeq = floorSeq;
        }
    }

    public record Entry(long seq, String json) {
    }

    /** What a resume gets: the missed messages in order, or empty when it must resync. */
    public record Replay(boolean complete, List<Entry> entries) {
        static Replay resync() {
            return new Replay(false, List.of());
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Window> windows;
    private final Map<String, Set<SessionListener>> listeners = new ConcurrentHashMap<>();
    /** Per partition of the sequenced topic: the highest seq consumed, and the floor of windows created now. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Map<Integer, Long> floors = new ConcurrentHashMap<>();
    private volatile int partitionCount;

    private final BrowserMessages messages;
    private final ObjectMapper mapper;
    private final SessionLog log;
    private final GatewayConfig.Replay config;

    public SessionStream(BrowserMessages messages, ObjectMapper mapper, SessionLog log, GatewayConfig config) {
        this.messages = messages;
        this.mapper = mapper;
        this.log = log;
        this.config = config.replay();
        int maxSessions = this.config.sessions();
        this.windows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                if (size() <= maxSessions) {
                    return false;
                }
                // A session created later in this partition cannot know what the evicted one missed.
                Window evicted = eldest.getValue();
                floors.merge(evicted.partition, positions.getOrDefault(evicted.partition, -1L), Math::max);
                return true;
            }
        };
    }

    /** The client's own id of a session: the last part of its key (client ids contain no ':'). */
    public static String clientId(String sessionKey) {
        return sessionKey.substring(sessionKey.lastIndexOf(':') + 1);
    }

    /** This replica holds a partition of the sequenced topic from {@code startOffset} on. */
    public void assigned(int partition, long startOffset, int partitions) {
        lock.lock();
        try {
            partitionCount = Math.max(partitionCount, partitions);
            long floor = startOffset * BrowserMessages.SLOTS - 1;
            positions.put(partition, floor);
            floors.put(partition, floor);
        } finally {
            lock.unlock();
        }
    }

    /** One record of the sequenced topic: numbers its messages, keeps them, and hands them to the listeners. */
    public void publish(int partition, long offset, EventEnvelope<?> event) {
        String key = event.sessionId();
        String clientId = clientId(key);
        List<ObjectNode> rendered = messages.of(event, clientId);
        lock.lock();
        try {
            positions.put(partition, offset * BrowserMessages.SLOTS + BrowserMessages.SLOTS - 1);
            Window window = windows.get(key);
            if (window == null) {
                window = new Window(partition, floors.getOrDefault(partition, offset * BrowserMessages.SLOTS - 1));
                windows.put(key, window);
            }
            if (!window.recentEventIds.add(event.id())) {
                return; // the sequencer re-sent an event after a rebalance: its first copy counted
            }
            if (window.recentEventIds.size() > RECENT_IDS) {
                window.recentEventIds.remove(window.recentEventIds.iterator().next());
            }
            Set<SessionListener> hearing = listeners.get(key);
            for (int i = 0; i < rendered.size(); i++) {
                long seq = offset * BrowserMessages.SLOTS + i;
                ObjectNode message = rendered.get(i).put("sessionId", clientId).put("seq", seq);
                String json = write(message);
                window.entries.addLast(new Entry(seq, json));
                while (window.entries.size() > config.messagesPerSession()) {
                    window.floorSeq = window.entries.removeFirst().seq();
                }
                if (hearing != null) {
                    for (SessionListener listener : hearing) {
                        try {
                            listener.deliver(seq, event, message, json);
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "session %s: a listener failed", key);
                        }
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts hearing a session; returns the session's latest seq on this replica: everything the listener
     * hears from now on has a higher one.
     */
    public long listen(String sessionKey, SessionListener listener) {
        lock.lock();
        try {
            listeners.computeIfAbsent(sessionKey, k -> new CopyOnWriteArraySet<>()).add(listener);
            return positions.getOrDefault(partitionOf(sessionKey), -1L);
        } finally {
            lock.unlock();
        }
    }

    public void stopListening(String sessionKey, SessionListener listener) {
        listeners.computeIfPresent(sessionKey, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The session's messages after {@code lastSeq}: from this replica's window when it reaches back that far,
     * else read again from the session's partition. Incomplete when more than a window's worth was missed or
     * the log no longer holds it.
     */
    public Replay replay(String sessionKey, long lastSeq) {
        lock.lock();
        try {
            Window window = windows.get(sessionKey);
            if (window != null && lastSeq >= window.floorSeq) {
                return new Replay(true, window.entries.stream().filter(e -> e.seq() > lastSeq).toList());
            }
        } finally {
            lock.unlock();
        }
        return rebuild(sessionKey, lastSeq);
    }

    private Replay rebuild(String sessionKey, long lastSeq) {
        int partition = partitionOf(sessionKey);
        if (partition < 0) {
            return Replay.resync();
        }
        long fromOffset = Math.max(0, lastSeq / BrowserMessages.SLOTS);
        Optional<List<EventEnvelope<?>>> read;
        List<Long> offsets = new ArrayList<>();
        try {
            read = log.read(sessionKey, partition, fromOffset, config.maxScan(), offsets);
        } catch (RuntimeException e) {
            LOG.warnf("session %s: cannot read its partition %d back: %s", sessionKey, partition, e.getMessage());
            return Replay.resync();
        }
        if (read.isEmpty()) {
            return Replay.resync();
        }
        String clientId = clientId(sessionKey);
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<EventEnvelope<?>> events = read.get();
        for (int r = 0; r < events.size(); r++) {
            EventEnvelope<?> event = events.get(r);
            if (!seen.add(event.id())) {
                continue;
            }
            List<ObjectNode> rendered = messages.of(event, clientId);
            for (int i = 0; i < rendered.size(); i++) {
                long seq = offsets.get(r) * BrowserMessages.SLOTS + i;
                if (seq > lastSeq) {
                    entries.add(new Entry(seq, write(rendered.get(i).put("sessionId", clientId).put("seq", seq))));
                }
            }
        }
        if (entries.size() > config.messagesPerSession()) {
            return Replay.resync();
        }
        return new Replay(true, entries);
    }

    /** The partition Kafka's default partitioner puts the session's records in. */
    int partitionOf(String sessionKey) {
        int count = partitionCount;
        if (count == 0) {
            return -1;
        }
        return Utils.toPositive(Utils.murmur2(sessionKey.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** Whether this replica keeps a window for the session now. */
    public boolean holds(String sessionKey) {
        lock.lock();
        try {
            return windows.containsKey(sessionKey);
        } finally {
            lock.unlock();
        }
    }

    public int sessionsHeld() {
        lock.lock();
        try {
            return windows.size();
        } finally {
            lock.unlock();
        }
    }

    private String write(ObjectNode message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + message.path("type").asText() + " message", e);
        }
    }
}
