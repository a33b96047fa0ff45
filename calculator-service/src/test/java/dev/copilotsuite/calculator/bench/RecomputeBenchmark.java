package dev.copilotsuite.calculator.bench;

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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.copilotsuite.calculator.model.ChangeApplier;
import dev.copilotsuite.calculator.model.Defaults;
import dev.copilotsuite.calculator.model.Drivers;
import dev.copilotsuite.calculator.model.GoalSeek;
import dev.copilotsuite.calculator.model.RoiModel;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.GoalSeekResult;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * The full recompute a change triggers, RoiModel.evaluate, on the defaults (all HUMAN, no baseline run) and on
 * an all-AI mix (which also recomputes the all-HUMAN baseline); target under 20 µs. Drivers and goal seek, the
 * heaviest model calls behind REST, for scale. Not a test: run it with {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RecomputeBenchmark {

    private final RoiInputs defaults = Defaults.inputs();
    private final RoiInputs allAi = ChangeApplier.apply(defaults, List.of(
            ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED),
            ChangeOp.strategy("bucket2", Strategy.AI_AUGMENTED),
            ChangeOp.strategy("bucket3", Strategy.AI_FIRST),
            ChangeOp.strategy("bucket4", Strategy.AI_FIRST))).inputs();

    @Benchmark
    public RoiOutputs recomputeDefaults() {
        return RoiModel.evaluate(defaults);
    }

    @Benchmark
    public RoiOutputs recomputeAllAi() {
        return RoiModel.evaluate(allAi);
    }

    @Benchmark
    public DriversView drivers() {
        return Drivers.of(defaults);
    }

    @Benchmark
    public GoalSeekResult goalSeekAgentsForFullPeak() {
        return GoalSeek.seek(defaults, "humanAgents", "peakUtilization", 1.0);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RecomputeBenchmark.class.getName() + "\\.").build()).run();
    }
}
