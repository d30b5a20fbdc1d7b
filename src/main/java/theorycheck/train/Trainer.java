package theorycheck.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import theorycheck.linalg.Vec;
import theorycheck.loss.Objective;
import theorycheck.optim.BatchGradientStepper;
import theorycheck.optim.Optimizer;
import theorycheck.optim.Stepper;

/** Runs an optimizer on an objective under a {@link TrainConfig}. */
public final class Trainer {
    private Trainer() {
    }

    /** Full-batch run with no probes. */
    public static TrainResult run(Objective objective, Optimizer optimizer, double[] theta0, TrainConfig config) {
        return run(objective, optimizer, BatchSampler.full(), theta0, config, Map.of());
    }

    /**
     * Runs from a copy of {@code theta0} (not modified).
     *
     * @param probes named functions of θ recorded along the trajectory, in addition to loss and
     *     gradient norm
     */
    public static TrainResult run(Objective objective, Optimizer optimizer, BatchSampler sampler, double[] theta0,
            TrainConfig config, Map<String, ToDoubleFunction<double[]>> probes) {
        return run(objective, optimizer, sampler, theta0, config, probes, Hooks.NONE);
    }

    /**
     * What a claim adds to the loop without writing its own: a goal ({@link StopRule}) and an
     * {@link Observer} called every k steps.
     *
     * @param observeEvery k ≥ 1 (unused without an observer)
     */
    public record Hooks(StopRule stop, long observeEvery, Observer observer) {
        public static final Hooks NONE = new Hooks(StopRule.NEVER, 1, null);

        public Hooks {
            if (stop == null) {
                throw new IllegalArgumentException("stop rule is null (StopRule.NEVER for none)");
            }
            if (observeEvery < 1) {
                throw new IllegalArgumentException("observeEvery must be ≥ 1, got " + observeEvery);
            }
        }

        public static Hooks stopWhen(StopRule stop) {
            return new Hooks(stop, 1, null);
        }

        public static Hooks observing(long every, Observer observer) {
            return new Hooks(StopRule.NEVER, every, observer);
        }

        public Hooks andObserving(long every, Observer o) {
            return new Hooks(stop, every, o);
        }
    }

    /**
     * As {@link #run(Objective, Optimizer, BatchSampler, double[], TrainConfig, Map)}, with a goal
     * and an observer.
     */
    public static TrainResult run(Objective objective, Optimizer optimizer, BatchSampler sampler, double[] theta0,
            TrainConfig config, Map<String, ToDoubleFunction<double[]>> probes, Hooks hooks) {
        if (theta0.length != objective.dim()) {
            throw new IllegalArgumentException("θ₀ has length " + theta0.length + ", objective has " + objective.dim());
        }
        double[] theta = theta0.clone();
        double[] lastFinite = theta0.clone();
        double[] grad = new double[theta.length];
        double[] fullGrad = new double[theta.length];
        Stepper stepper = optimizer.start(theta.length);
        Trajectory trajectory = new Trajectory();
        RecordSchedule schedule = new RecordSchedule(config.maxSteps(), config.recordPoints());

        double loss = objective.valueAndGradient(theta, null, fullGrad);
        double gradNorm = Vec.norm2(fullGrad);
        double limit = config.blowUpFactor() * Math.max(loss, 1.0);
        if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
            return new TrainResult(theta, RunStatus.DIVERGED, 0, loss, gradNorm, "non-finite at the start", trajectory);
        }
        record(trajectory, 0, loss, gradNorm, theta, probes, config);
        Observer observer = hooks.observer();
        if (observer != null) {
            observer.observe(0, theta);
        }
        long t = 0;
        boolean fresh = true; // fullGrad holds ∇L(θ) at the current θ
        while (true) {
            if (stops(config, loss, gradNorm)) {
                record(trajectory, t, loss, gradNorm, theta, probes, config);
                return new TrainResult(theta, RunStatus.CONVERGED, t, loss, gradNorm, "stopping rule met", trajectory);
            }
            String goal = fresh ? hooks.stop().reached(t, theta, loss) : null;
            if (goal != null) {
                record(trajectory, t, loss, gradNorm, theta, probes, config);
                return new TrainResult(theta, RunStatus.CONVERGED, t, loss, gradNorm, goal, trajectory);
            }
            if (t >= config.maxSteps()) {
                record(trajectory, t, loss, gradNorm, theta, probes, config);
                return new TrainResult(theta, RunStatus.BUDGET_EXHAUSTED, t, loss, gradNorm, "step budget spent",
                        trajectory);
            }
            int[] batch = sampler.next();
            double[] g;
            if (batch == null) {
                g = fullGrad;
                if (!fresh) {
                    // between checks only the gradient is needed: the loss value costs as much again
                    objective.gradientOnly(theta, null, fullGrad);
                }
            } else {
                objective.gradientOnly(theta, batch, grad);
                g = grad;
            }
            if (!Vec.isFinite(g)) {
                // θ_t itself may still be finite (the gradient overflowed first): then it is the last finite iterate
                return new TrainResult(Vec.isFinite(theta) ? theta : lastFinite, RunStatus.DIVERGED, t, Double.NaN,
                        Double.NaN, "non-finite gradient at step " + t, trajectory);
            }
            if (stepper instanceof BatchGradientStepper extra) {
                int[] stepBatch = batch;
                extra.useBatchGradient((at, out) -> objective.gradientOnly(at, stepBatch, out));
            }
            stepper.step(theta, g, t);
            t++;
            if (observer != null && t % hooks.observeEvery() == 0) {
                observer.observe(t, theta);
            }
            // wants(t) advances the schedule, so ask it once per step: asking twice lost every
            // recording point that was not also a multiple of checkEvery.
            boolean wanted = schedule.wants(t);
            boolean check = t % config.checkEvery() == 0 || t >= config.maxSteps() || wanted;
            fresh = check;
            if (check) {
                loss = objective.valueAndGradient(theta, null, fullGrad);
                gradNorm = Vec.norm2(fullGrad);
                if (!Double.isFinite(loss) || !Double.isFinite(gradNorm) || !Vec.isFinite(theta)) {
                    return new TrainResult(lastFinite, RunStatus.DIVERGED, t, loss, gradNorm,
                            "non-finite loss, gradient or parameters at step " + t, trajectory);
                }
                if (loss > limit) {
                    return new TrainResult(theta, RunStatus.DIVERGED, t, loss, gradNorm,
                            "loss " + loss + " exceeded " + config.blowUpFactor() + " × max(initial loss, 1) at step " + t,
                            trajectory);
                }
                System.arraycopy(theta, 0, lastFinite, 0, theta.length);
                if (wanted) {
                    record(trajectory, t, loss, gradNorm, theta, probes, config);
                }
            }
        }
    }

    private static boolean stops(TrainConfig c, double loss, double gradNorm) {
        return (c.gradTol() > 0 && gradNorm < c.gradTol()) || (c.lossTol() > 0 && loss < c.lossTol());
    }

    private static void record(Trajectory tr, long t, double loss, double gradNorm, double[] theta,
            Map<String, ToDoubleFunction<double[]>> probes, TrainConfig config) {
        if (config.recordPoints() == 0) {
            return;
        }
        if (!tr.steps().isEmpty() && tr.steps().get(tr.size() - 1) == t) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", loss);
        values.put("gradNorm", gradNorm);
        for (Map.Entry<String, ToDoubleFunction<double[]>> p : probes.entrySet()) {
            values.put(p.getKey(), p.getValue().applyAsDouble(theta));
        }
        tr.add(t, values);
    }

    /** Roughly log-spaced recording steps: every step up to 10, then a geometric grid. */
    private static final class RecordSchedule {
        private final double ratio;
        private final long maxSteps;
        private final int points;
        private long next = 1;

        RecordSchedule(long maxSteps, int points) {
            this.maxSteps = maxSteps;
            this.points = points;
            this.ratio = points <= 10 || maxSteps <= 10 ? 2.0
                    : Math.max(1.0001, Math.pow(maxSteps / 10.0, 1.0 / (points - 10)));
        }

        boolean wants(long t) {
            if (points == 0) {
                return false;
            }
            if (t == maxSteps) {
                return true;
            }
            if (t < next) {
                return false;
            }
            while (next <= t) {
                next = next < 10 ? next + 1 : Math.max(next + 1, (long) Math.ceil(next * ratio));
            }
            return true;
        }
    }
}
