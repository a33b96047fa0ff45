package dev.copilotsuite.copilot.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.repository.CallRepository;
import dev.copilotsuite.copilot.repository.CallSegment;
import dev.copilotsuite.copilot.repository.CallSegmentRepository;

/**
 * The calls this instance is handling, kept between their events with their transcripts: a call's next event
 * reads neither back from MongoDB (under the webhook bench those reads were the Mongo server's largest load).
 *
 * <p>What is kept is trusted until a write says otherwise. A call is saved only on a version it was read at
 * ({@link CallRepository#save}), and a new line takes the next free position, uniquely indexed; both fail with a
 * duplicate key when another instance wrote the call or its lines meanwhile (a partition moved), and the event is
 * then done again from what MongoDB holds ({@link #forget}). A call taken over is saved on its first event here,
 * so the instance that had it before finds out at its next save.
 *
 * <p>Only a call's lane touches its entry (one event of a call at a time), so an entry needs no lock of its own.
 */
@ApplicationScoped
public class KeptCalls {

    private static final class Kept {
        final Call call;
        /** Its lines in order (line {@code seq} at {@code seq - 1}), or null until a suggestion needs them. */
        List<CallSegment> lines;
        /** When this instance last saved the call; null before it did. */
        Instant savedAt;
        /** What the caller's lines said when the suggestions were last computed; null before. */
        CallReader.Read read;

        Kept(Call call) {
            this.call = call;
        }
    }

    private final CallRepository calls;
    private final CallSegmentRepository segments;
    private final Duration activitySaved;
    private final Cache<String, Kept> kept;

    public KeptCalls(CallRepository calls, CallSegmentRepository segments, CopilotConfig config) {
        this.calls = calls;
        this.segments = segments;
        this.activitySaved = config.activitySaved();
        this.kept = Caffeine.newBuilder().maximumSize(config.transcriptsKept()).build();
    }

    /** The call as this instance last left it; else as stored, with every stored line counted; else a new one. */
    public Call call(String tenantId, String sessionId) {
        String id = Call.idOf(tenantId, sessionId);
        Kept entry = kept.getIfPresent(id);
        if (entry != null) {
            return entry.call;
        }
        Call call = calls.findOrStart(tenantId, sessionId);
        segments.countLines(call);
        kept.put(id, new Kept(call));
        return call;
    }

    /** The call's lines in order: the kept ones, else read (and kept). */
    public List<CallSegment> lines(Call call) {
        Kept entry = entry(call);
        if (entry != null && entry.lines != null) {
            return List.copyOf(entry.lines);
        }
        List<CallSegment> read = segments.transcript(call);
        if (entry != null && inOrder(read) && read.size() == call.segmentCount) {
            entry.lines = new ArrayList<>(read);
        }
        return read;
    }

    /** The call's stored line {@code id}: looked up in the kept lines (a line not there is new), else read. */
    public Optional<CallSegment> line(Call call, String id) {
        Kept entry = entry(call);
        if (entry == null || entry.lines == null) {
            return segments.line(id);
        }
        return entry.lines.stream().filter(line -> line.id.equals(id)).findFirst();
    }

    /** A line of the call was stored: the kept lines take it, or are dropped if it cannot be placed. */
    public void stored(Call call, CallSegment line) {
        Kept entry = entry(call);
        if (entry == null || entry.lines == null) {
            return;
        }
        if (line.seq == entry.lines.size() + 1) {
            entry.lines.add(line);
        } else if (line.seq >= 1 && line.seq <= entry.lines.size()) {
            entry.lines.set((int) line.seq - 1, line);
        } else {
            entry.lines = null;
        }
    }

    /**
     * Whether a call whose state did not change is saved anyway, for its activity (its last event's time and the
     * copilot's expiry): once it has not been saved here for {@code activity-saved}, or never.
     */
    public boolean activityDue(Call call, Instant now) {
        Kept entry = entry(call);
        return entry == null || entry.savedAt == null || !now.isBefore(entry.savedAt.plus(activitySaved));
    }

    /** The call was saved by this instance. */
    public void saved(Call call) {
        Kept entry = entry(call);
        if (entry != null) {
            entry.savedAt = call.updatedAt;
        }
    }

    /** What the caller's lines said when the call's suggestions were last computed here, or null. */
    public CallReader.Read read(Call call) {
        Kept entry = entry(call);
        return entry == null ? null : entry.read;
    }

    public void read(Call call, CallReader.Read read) {
        Kept entry = entry(call);
        if (entry != null) {
            entry.read = read;
        }
    }

    /** An event of the call failed part way, or found the call written elsewhere: read it again next time. */
    public void forget(String callId) {
        kept.invalidate(callId);
    }

    /** The call's entry while it keeps this very call; null once dropped (more calls than are kept, say). */
    private Kept entry(Call call) {
        Kept entry = kept.getIfPresent(call.id);
        return entry != null && entry.call == call ? entry : null;
    }

    private static boolean inOrder(List<CallSegment> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).seq != i + 1) {
                return false;
            }
        }
        return true;
    }
}
