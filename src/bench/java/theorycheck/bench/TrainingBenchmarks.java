package theorycheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainResult;

/**
 * Wall time of one full training run per invocation ({@link Mode#SingleShotTime}), so each
 * measurement is one run as a user would see it, and the median over measurements compares
 * directly with a NumPy script timed the same way. Each benchmark returns the {@link TrainResult},
 * which JMH sinks into a Blackhole, so the run cannot be eliminated.
 *
 * <p>After each trial the last result is checked (the minimum-norm run must converge, the others
 * must spend their whole budget without diverging), so a broken workload fails instead of timing
 * something else; the step count is printed with the JMH output.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
public class TrainingBenchmarks {

    /** State shared by the three workload states: the problem and the last run's result. */
    public abstract static class WorkloadState {
        Workloads.Workload workload;
        TrainResult last;

        abstract Workloads.Workload build();

        abstract RunStatus expected();

        @Setup(Level.Trial)
        public void setUp() {
            workload = build();
        }

        @TearDown(Level.Trial)
        public void check() {
            if (last == null || last.status() != expected()) {
                throw new IllegalStateException(workload.name() + ": expected " + expected() + ", got "
                        + (last == null ? "no run" : last.status() + " (" + last.detail() + ")"));
            }
            System.out.printf("%n%s: %s after %d steps, loss %.6e, gradient norm %.3e%n", workload.name(),
                    last.status(), last.steps(), last.loss(), last.gradNorm());
        }
    }

    @State(Scope.Benchmark)
    public static class MinnormState extends WorkloadState {
        @Override
        Workloads.Workload build() {
            return Workloads.minnormGd();
        }

        @Override
        RunStatus expected() {
            return RunStatus.CONVERGED;
        }
    }

    @State(Scope.Benchmark)
    public static class LogisticState extends WorkloadState {
        @Override
        Workloads.Workload build() {
            return Workloads.logisticGd();
        }

        @Override
        RunStatus expected() {
            return RunStatus.BUDGET_EXHAUSTED;
        }
    }

    @State(Scope.Benchmark)
    public static class DiagNetState extends WorkloadState {
        @Override
        Workloads.Workload build() {
            return Workloads.diagNetGd();
        }

        @Override
        RunStatus expected() {
            return RunStatus.BUDGET_EXHAUSTED;
        }
    }

    /** A few milliseconds per run, so more warm-up runs to reach compiled code. */
    @Benchmark
    @Warmup(iterations = 200)
    @Measurement(iterations = 50)
    public TrainResult minnormGd(MinnormState s) {
        s.last = s.workload.train();
        return s.last;
    }

    @Benchmark
    public TrainResult logisticGd(LogisticState s) {
        s.last = s.workload.train();
        return s.last;
    }

    @Benchmark
    public TrainResult diagNetGd(DiagNetState s) {
        s.last = s.workload.train();
        return s.last;
    }
}
