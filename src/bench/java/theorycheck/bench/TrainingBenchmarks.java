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
 * must spend their whole budget without diverging; {@code mlpGd} must also end below
 * {@link Workloads#MLP_MSE_LIMIT}, and the {@code doubleDescentSweep} curve must peak at n = m and
 * match the exact expected risk away from it, {@link DoubleDescentSweep.RiskCurve#mismatch()}), so a broken workload fails instead of timing
 * something else; the step count is printed with the JMH output.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
public class TrainingBenchmarks {

    /** State shared by the training workload states: the problem and the last run's result. */
    public abstract static class WorkloadState {
        Workloads.Workload workload;
        TrainResult last;

        abstract Workloads.Workload build();

        abstract RunStatus expected();

        @Setup(Level.Trial)
        public void setUp() {
            workload = build();
        }

        /** Empty when the last run's result is right beyond its status, else what is wrong. */
        String resultMismatch() {
            return "";
        }

        @TearDown(Level.Trial)
        public void check() {
            if (last == null || last.status() != expected()) {
                throw new IllegalStateException(workload.name() + ": expected " + expected() + ", got "
                        + (last == null ? "no run" : last.status() + " (" + last.detail() + ")"));
            }
            String mismatch = resultMismatch();
            if (!mismatch.isEmpty()) {
                throw new IllegalStateException(workload.name() + ": " + mismatch);
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

    @State(Scope.Benchmark)
    public static class MlpState extends WorkloadState {
        @Override
        Workloads.Workload build() {
            return Workloads.mlpGd();
        }

        @Override
        RunStatus expected() {
            return RunStatus.BUDGET_EXHAUSTED;
        }

        /** The objective is half the mean squared error. */
        @Override
        String resultMismatch() {
            double mse = 2 * last.loss();
            return mse < Workloads.MLP_MSE_LIMIT ? ""
                    : "training mean squared error " + mse + ", expected below " + Workloads.MLP_MSE_LIMIT;
        }
    }

    /** The sweep is not a training run: it keeps its own last result and check. */
    @State(Scope.Benchmark)
    public static class DoubleDescentState {
        DoubleDescentSweep.RiskCurve last;

        @TearDown(Level.Trial)
        public void check() {
            if (last == null) {
                throw new IllegalStateException("doubleDescentSweep: no run");
            }
            String mismatch = last.mismatch();
            if (!mismatch.isEmpty()) {
                throw new IllegalStateException("doubleDescentSweep: " + mismatch);
            }
            System.out.printf("%ndoubleDescentSweep: peak at n = %d; %s%n", last.peak(), last);
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

    @Benchmark
    public TrainResult mlpGd(MlpState s) {
        s.last = s.workload.train();
        return s.last;
    }

    @Benchmark
    public DoubleDescentSweep.RiskCurve doubleDescentSweep(DoubleDescentState s) {
        s.last = DoubleDescentSweep.run();
        return s.last;
    }
}
