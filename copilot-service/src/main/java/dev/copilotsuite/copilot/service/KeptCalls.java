package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.repository.CallSegment;
import dev.copilotsuite.copilot.repository.CallSegmentRepository;

/**
 * The transcripts of the calls this instance is handling, kept between their events so that each caller line's
 * suggestions do not read the whole transcript back from MongoDB (a call of n lines read n docs for each line:
 * under the webhook bench that read was the Mongo server's largest load). A kept transcript is used only while
 * its call is at the revision it was kept for ({@link Call#revision}, moved by every save): a call another
 * instance handled meanwhile, a line written past it, or a failed event is read from MongoDB again.
 * <p>
 * Only a call's lane touches its entry (one event of a call at a time), so an entry needs no lock of its own.
 */
@ApplicationScoped
public class CallTranscripts {

    /** A call's lines in order (line {@code seq} at {@code seq - 1}) as of the call's {@code revision}. */
    private static final class Kept {
        long revision;
        final List<CallSegment> lines;

        Kept(long revision, List<CallSegment> lines) {
            this.revision = revision;
            this.lines = lines;
        }
    }

    private final CallSegmentRepository segments;
    private final Cache<String, Kept> kept;

    public CallTranscripts(CallSegmentRepository segments, CopilotConfig config) {
        this.segments = segments;
        this.kept = Caffeine.newBuilder().maximumSize(config.transcriptsKept()).build();
    }

    /** The call's lines in order: the kept ones while they are the stored ones, else read (and kept). */
    public List<CallSegment> of(Call call) {
        Kept entry = current(call);
        if (entry != null) {
            return List.copyOf(entry.lines);
        }
        List<CallSegment> read = segments.transcript(call);
        if (inOrder(read) && call.segmentCount != null && read.size() == call.segmentCount) {
            kept.put(call.id, new Kept(call.revision, new ArrayList<>(read)));
        } else {
            kept.invalidate(call.id);
        }
        return read;
    }

    /**
     * The call's stored line {@code id}: looked up in the kept transcript while it is the stored one (a line not
     * there is new), else read. Each segment asked MongoDB for its line before it was stored; most are new.
     */
    public Optional<CallSegment> line(Call call, String id) {
        Kept entry = current(call);
        if (entry == null) {
            return segments.line(id);
        }
        return entry.lines.stream().filter(line -> line.id.equals(id)).findFirst();
    }

    /** The call's kept transcript, while it holds every line stored as of the call's revision; else null. */
    private Kept current(Call call) {
        Kept entry = kept.getIfPresent(call.id);
        boolean current = entry != null && entry.revision == call.revision && call.segmentCount != null
                && entry.lines.size() == call.segmentCount;
        return current ? entry : null;
    }

    /** A line of the call was stored: the kept transcript takes it, or is dropped if it cannot be placed. */
    public void stored(Call call, CallSegment line) {
        Kept entry = kept.getIfPresent(call.id);
        if (entry == null) {
            return;
        }
        if (entry.revision != call.revision) {
            kept.invalidate(call.id);
        } else if (line.seq == entry.lines.size() + 1) {
            entry.lines.add(line);
        } else if (line.seq >= 1 && line.seq <= entry.lines.size()) {
            entry.lines.set((int) line.seq - 1, line);
        } else {
            kept.invalidate(call.id);
        }
    }

    /** The call was saved, moving from revision {@code from} to its own. */
    public void saved(Call call, long from) {
        Kept entry = kept.getIfPresent(call.id);
        if (entry == null) {
            return;
        }
        if (entry.revision == from) {
            entry.revision = call.revision;
        } else {
            kept.invalidate(call.id);
        }
    }

    /** An event of the call failed part way: what is kept may not be what is stored. */
    public void forget(String callId) {
        kept.invalidate(callId);
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
