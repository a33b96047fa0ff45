package dev.copilotsuite.copilot.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.copilotsuite.copilot.service.CallReader;
import dev.copilotsuite.copilot.service.CallReading;
import dev.copilotsuite.copilot.service.PolicyCorpus;
import dev.copilotsuite.copilot.service.Vocabulary;
import dev.copilotsuite.copilot.service.Vocabulary.Alias;

/**
 * Reading a caller's new sentence, the copilot's per-line work that no cache saves (every sentence of a live call is
 * new): the alias patterns over it, every one of them against only those its word starts allow (PatternIndex), a
 * whole first read by CallReader, and the read of a long call that a new line brings. Not a test: run it with {@link #main} ({@code ./copilot bench reading}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadingBenchmark {

    /** Callers' sentences as they come: a question, a breakdown, small talk, an amount. */
    private static final String[] SAID = {
        "Hi, yeah, um, so my dishwasher stopped draining yesterday.",
        "There's like two inches of gross water just sitting in the bottom.",
        "Okay and, uh, it's the usual hundred-dollar fee for the visit, right?",
        "The AC is blowing warm air, like, it runs but nothing cold comes out.",
        "We signed up about three weeks ago, so is the water heater covered yet?",
        "Sorry, my kid is yelling in the background, give me one second.",
    };

    private final Vocabulary vocabulary = new Vocabulary(new PolicyCorpus());
    private final CallReader reader = new CallReader(vocabulary);
    private long next;

    /** A sentence never seen before: one of {@link #SAID}, numbered within the sentence, so no cache holds it. */
    private String newSentence() {
        long n = next++;
        return "Call " + n + ": " + SAID[(int) (n % SAID.length)];
    }

    @Benchmark
    public void everyAlias(Blackhole sink) {
        String sentence = newSentence();
        for (Alias alias : vocabulary.aliases()) {
            sink.consume(alias.pattern().matcher(sentence).find());
        }
    }

    @Benchmark
    public void indexedAliases(Blackhole sink) {
        String sentence = newSentence();
        for (Alias alias : vocabulary.candidates(sentence)) {
            sink.consume(alias.pattern().matcher(sentence).find());
        }
    }

    @Benchmark
    public CallReading firstRead() {
        return reader.read(List.of(newSentence()));
    }

    /** The caller's lines of a call 100 lines long so far, each read before but the newest. */
    private final java.util.ArrayDeque<String> call = new java.util.ArrayDeque<>();

    /**
     * What a caller line that says something costs on a long call: the call read again whole (its suggestions follow
     * from all it said), its 99 earlier lines read before, and the new line. A line that says nothing keeps the
     * reading before it ({@link CallReader#read(CallReader.Read, List)}) and costs its own first read only.
     */
    @Benchmark
    public CallReading callOf100Lines() {
        if (call.isEmpty()) {
            for (int i = 0; i < 99; i++) {
                call.addLast(newSentence());
                reader.read(List.copyOf(call));
            }
        }
        call.addLast(newSentence());
        if (call.size() > 100) {
            call.removeFirst();
        }
        return reader.read(List.copyOf(call));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ReadingBenchmark.class.getSimpleName()).build()).run();
    }
}
