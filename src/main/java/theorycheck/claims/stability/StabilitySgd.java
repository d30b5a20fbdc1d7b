package theorycheck.claims.stability;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.Objective;
import theorycheck.measure.LossDifferenceSup;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.RegularizedLogistic;
import theorycheck.reference.StabilityBounds;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * lit.hardt-sgd: SGD (one uniformly drawn example per step, with replacement, from w = 0) on the
 * logistic or Huber loss ({@link Loss}) with inputs on the sphere of radius R. Two coupled runs on S and
 * on S with example 0 replaced by its label-flipped copy share the index sequence. Over many index
 * sequences: L·E‖w_T − w'_T‖ (what the proof bounds) and E sup_z |ℓ(w_T, z) − ℓ(w'_T, z)| against
 * (2L²/m)Σα_t; per sequence and at every step t, the growth recursion ‖w_t − w'_t‖ ≤ 2L Σ_{s ≤ t: i_s = 0} α_s.
 */
final class StabilitySgd implements InstanceCheck<StabilitySgd.Instance>, ClaimRunner.KeyNumber {
    record Instance(int d, int m, double radius, double stepFactor, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d m=%d R=%.3g α=%.3g·2/β", d, m, radius, stepFactor);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Rng rng = trial.rng();
        return new Instance(trial.drawInt("d"), trial.drawInt("m"), trial.drawUniform("radius"),
                trial.drawUniform("step_factor"), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        int paths = s.integer("paths");
        double epochs = s.real("epochs");
        String lossName = s.choice("loss", "both", "logistic", "huber");
        // "both": logistic on even trials, Huber on odd ones
        Loss loss = lossName.equals("both") ? (trial.index() % 2 == 0 ? Loss.LOGISTIC : Loss.HUBER)
                : Loss.valueOf(lossName.toUpperCase(Locale.ROOT));
        Rng rng = new Rng(in.seed());
        double[] wStar = StabilityData.direction(in.d(), 1.0, rng.split());
        StabilityData.Sample sample = StabilityData.classification(in.m(), wStar, in.radius(), s.real("flip"), rng.split());
        Mat x = sample.x();
        double[] y = sample.y(); // ±1: classification labels, and regression targets for the Huber loss
        double[] yFlipped = y.clone();
        yFlipped[0] = -y[0];
        double lipschitz = loss.lipschitz(in.radius());
        double smooth = loss.smoothness(in.radius());
        double alpha = in.stepFactor() * 2 / smooth;
        int steps = (int) Math.round(epochs * in.m());
        double bound = StabilityBounds.hardtSgd(lipschitz, alpha * steps, in.m());
        double meanDistance = 0;
        double meanLossSup = 0;
        double worstPathRatio = 0;
        int checkpoints = Math.min(20, steps);
        double[] curveT = new double[checkpoints];
        double[] curveMeasured = new double[checkpoints];
        double[] curveBound = new double[checkpoints];
        boolean finite = true;
        int d = in.d();
        Objective pair = new CoupledRuns(x, y, yFlipped, loss);
        for (int p = 0; p < paths; p++) {
            // one index per step, with replacement, shared by the two runs
            BatchSampler draws = BatchSampler.withReplacement(in.m(), 1, rng.split());
            int[] last = {-1};
            BatchSampler shared = new BatchSampler() {
                @Override
                public int[] next() {
                    int[] i = draws.next();
                    last[0] = i[0];
                    return i;
                }

                @Override
                public String describe() {
                    return draws.describe();
                }
            };
            double[] pathBudget = {0}; // 2L Σ_{t: i_t = 0} α_t
            double[] worst = {worstPathRatio};
            int[] c = {0};
            Trainer.Hooks everyStep = Trainer.Hooks.observing(1, (t, both) -> {
                if (t == 0) {
                    return;
                }
                if (last[0] == 0) {
                    pathBudget[0] += 2 * lipschitz * alpha;
                }
                // the proof's induction bounds ‖w_t − w'_t‖ at every step t, not only at T
                double gap = Vec.distance(java.util.Arrays.copyOfRange(both, 0, d), java.util.Arrays.copyOfRange(both, d, 2 * d));
                if (gap > 0) {
                    worst[0] = Math.max(worst[0], pathBudget[0] > 0 ? gap / pathBudget[0] : Double.POSITIVE_INFINITY);
                }
                if (c[0] < checkpoints && t == (long) steps * (c[0] + 1) / checkpoints) {
                    curveT[c[0]] = t;
                    curveMeasured[c[0]] += lipschitz * gap / paths;
                    curveBound[c[0]] = StabilityBounds.hardtSgd(lipschitz, alpha * t, in.m());
                    c[0]++;
                }
            });
            // the full-batch loss only at the start and the end; a non-finite gradient ends the run
            TrainResult run = Trainer.run(pair, new GradientDescent(alpha), shared, new double[2 * d],
                    new TrainConfig(steps, 0, 0, Math.max(1, steps), Double.POSITIVE_INFINITY, 0), Map.of(), everyStep);
            worstPathRatio = worst[0];
            double[] w = java.util.Arrays.copyOfRange(run.theta(), 0, d);
            double[] w2 = java.util.Arrays.copyOfRange(run.theta(), d, 2 * d);
            finite &= !run.diverged();
            meanDistance += Vec.distance(w, w2) / paths;
            meanLossSup += LossDifferenceSup.overBall(w, w2, in.radius(), new double[] {-1, 1},
                    loss::value) / paths;
        }
        double measured = lipschitz * meanDistance;
        double ratio = measured / bound;
        var b = TrialResult.of(trial).instance(in + String.format(Locale.ROOT, " %s α=%.4g T=%d",
                loss.name().toLowerCase(Locale.ROOT), alpha, steps))
                .metric("d", in.d()).metric("m", in.m()).metric("radius", in.radius())
                .metric("stepFactor", in.stepFactor()).metric("alpha", alpha).metric("steps", steps)
                .metric("bound", bound).metric("lTimesMeanDistance", measured).metric("meanLossSup", meanLossSup)
                .metric("ratio", ratio).metric("worstPathRatio", worstPathRatio)
                .trace("measured", curveT, curveMeasured).trace("bound", curveT, curveBound);
        String note = String.format(Locale.ROOT,
                "L·E‖w_T − w'_T‖ = %.4g, E sup_z |Δℓ| = %.4g, bound (2L²/m)Σα = %.4g (ratio %.3f); worst path "
                        + "‖δ_T‖/(2L Σ_{i_t=0} α) = %.3f", measured, meanLossSup, bound, ratio, worstPathRatio);
        if (!finite) {
            return b.outcome(Outcome.INCONCLUSIVE, ratio, "an SGD run left the finite range; " + note);
        }
        return b.decide(ratio, ratio <= 1 && meanLossSup <= bound && worstPathRatio <= 1 + 1e-9, note);
    }

    /** The per-example losses of a linear model, with their constants on inputs ‖x‖ ≤ R. */
    enum Loss {
        /** log(1 + e^{−y⟨w, x⟩}): L = R, β = R²/4. */
        LOGISTIC,
        /** Huber h(⟨w, x⟩ − y), h(r) = r²/2 for |r| ≤ 1, |r| − ½ beyond: convex, L = R, β = R². */
        HUBER;

        double lipschitz(double radius) {
            return radius;
        }

        double smoothness(double radius) {
            return this == LOGISTIC ? radius * radius / 4 : radius * radius;
        }

        double value(double prediction, double label) {
            if (this == LOGISTIC) {
                return RegularizedLogistic.logistic(label * prediction);
            }
            double r = Math.abs(prediction - label);
            return r <= 1 ? r * r / 2 : r - 0.5;
        }

        /** ∂ℓ/∂prediction. */
        double derivative(double prediction, double label) {
            if (this == LOGISTIC) {
                double z = label * prediction;
                double s = z >= 0 ? StrictMath.exp(-z) / (1 + StrictMath.exp(-z)) : 1 / (1 + StrictMath.exp(z)); // σ(−z)
                return -label * s;
            }
            return Math.max(-1, Math.min(1, prediction - label));
        }
    }

    /**
     * The two runs as one objective on θ = (w, w′): the mean over the drawn examples of
     * ℓ(⟨w, xᵢ⟩, yᵢ) + ℓ(⟨w′, xᵢ⟩, y′ᵢ), so one SGD step on it is one step of each run on the same example.
     */
    private static final class CoupledRuns implements Objective {
        private final Mat x;
        private final double[] y;
        private final double[] yFlipped;
        private final Loss loss;

        CoupledRuns(Mat x, double[] y, double[] yFlipped, Loss loss) {
            this.x = x;
            this.y = y;
            this.yFlipped = yFlipped;
            this.loss = loss;
        }

        @Override
        public int dim() {
            return 2 * x.cols();
        }

        @Override
        public int examples() {
            return x.rows();
        }

        @Override
        public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
            int d = x.cols();
            int count = batch == null ? x.rows() : batch.length;
            if (grad != null) {
                java.util.Arrays.fill(grad, 0.0);
            }
            double value = 0;
            for (int k = 0; k < count; k++) {
                int i = batch == null ? k : batch[k];
                double z = 0, z2 = 0;
                for (int j = 0; j < d; j++) {
                    z += x.get(i, j) * theta[j];
                    z2 += x.get(i, j) * theta[d + j];
                }
                value += loss.value(z, y[i]) + loss.value(z2, yFlipped[i]);
                if (grad != null) {
                    double g = loss.derivative(z, y[i]) / count;
                    double g2 = loss.derivative(z2, yFlipped[i]) / count;
                    for (int j = 0; j < d; j++) {
                        grad[j] += g * x.get(i, j);
                        grad[d + j] += g2 * x.get(i, j);
                    }
                }
            }
            return value / count;
        }
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new java.util.ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= 2 * ClaimCharts.MAX_CURVES / 2) {
                break;
            }
            double[][] m = t.traces().get("measured");
            double[][] bd = t.traces().get("bound");
            series.add(Chart.Series.line("trial " + t.index() + " L·E‖δ_t‖", m[0], m[1]));
            series.add(Chart.Series.line("trial " + t.index() + " bound", bd[0], bd[1]));
        }
        return List.of(new Chart(e.arm() + "-stability-vs-step", "Coupled SGD: L·E‖w_t − w'_t‖ and (2L²/m)Σα ("
                + e.arm() + ")", "step t", "loss-change bound", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double max = e.max("ratio");
        double path = e.max("worstPathRatio");
        return String.format(Locale.ROOT, "L·E‖w_T − w'_T‖ at most %.3f of (2L²/m)Σα; worst path %.3f of its recursion",
                max, path);
    }
}
