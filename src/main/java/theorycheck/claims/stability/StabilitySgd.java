package theorycheck.claims.stability;

import java.util.List;
import java.util.Locale;
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
import theorycheck.measure.LossDifferenceSup;
import theorycheck.reference.RegularizedLogistic;
import theorycheck.reference.StabilityBounds;

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
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] dr = s.intRange("d");
        int[] mr = s.intRange("m");
        double[] rr = s.range("radius");
        double[] fr = s.range("step_factor");
        return new Instance(rng.intBetween(dr[0], dr[1]), rng.intBetween(mr[0], mr[1]), rng.uniform(rr[0], rr[1]),
                rng.uniform(fr[0], fr[1]), rng.nextLong());
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
        for (int p = 0; p < paths; p++) {
            Rng path = rng.split();
            double[] w = new double[in.d()];
            double[] w2 = new double[in.d()];
            double pathBudget = 0; // 2L Σ_{t: i_t = 0} α_t
            int c = 0;
            for (int t = 1; t <= steps; t++) {
                int i = path.nextInt(in.m());
                step(w, x, i, y[i], alpha, loss);
                step(w2, x, i, yFlipped[i], alpha, loss);
                if (i == 0) {
                    pathBudget += 2 * lipschitz * alpha;
                }
                // the proof's induction bounds ‖w_t − w'_t‖ at every step t, not only at T
                double gap = Vec.distance(w, w2);
                if (gap > 0) {
                    worstPathRatio = Math.max(worstPathRatio, pathBudget > 0 ? gap / pathBudget : Double.POSITIVE_INFINITY);
                }
                if (c < checkpoints && t == (long) steps * (c + 1) / checkpoints) {
                    curveT[c] = t;
                    curveMeasured[c] += lipschitz * Vec.distance(w, w2) / paths;
                    curveBound[c] = StabilityBounds.hardtSgd(lipschitz, alpha * t, in.m());
                    c++;
                }
            }
            double dist = Vec.distance(w, w2);
            finite &= Vec.isFinite(w) && Vec.isFinite(w2);
            meanDistance += dist / paths;
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

    /** w ← w − α ℓ'(⟨w, xᵢ⟩, y) xᵢ. */
    private static void step(double[] w, Mat x, int i, double y, double alpha, Loss loss) {
        int d = w.length;
        double z = 0;
        for (int j = 0; j < d; j++) {
            z += x.get(i, j) * w[j];
        }
        double g = loss.derivative(z, y);
        for (int j = 0; j < d; j++) {
            w[j] -= alpha * g * x.get(i, j);
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
        double max = e.trials().stream().mapToDouble(t -> t.metrics().get("ratio")).max().orElse(Double.NaN);
        double path = e.trials().stream().mapToDouble(t -> t.metrics().get("worstPathRatio")).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "L·E‖w_T − w'_T‖ at most %.3f of (2L²/m)Σα; worst path %.3f of its recursion",
                max, path);
    }
}
