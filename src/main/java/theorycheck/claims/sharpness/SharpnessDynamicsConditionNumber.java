package theorycheck.claims.sharpness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.FullBatchObjective;
import theorycheck.loss.Objective;
import theorycheck.loss.Quadratic;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.StopRule;
import theorycheck.train.TrainConfig;
import theorycheck.train.Trainer;

/**
 * book.A.18: two quadratics ½θᵀHθ with the same condition number κ = λ_max/λ_min (same extremes),
 * GD with the step 1/λ_max on both. The expected loss over an isotropic random start,
 * E f(θ_t) = ½ tr(H(I − αH)^{2t})/d, is computed exactly as the mean of the core's GD runs from
 * the d unit vectors (cross-checked against the spectral formula), and the iterations T_ε to
 * reduce it by ε are compared. Each pair has different spectra between the extremes (bulk near
 * λ_max versus bulk near λ_min). The setting's {@code start} chooses the start: {@code isotropic}
 * (the claim: E θ₀θ₀ᵀ = I/d, every eigendirection carries error) or {@code worst_case} (the control:
 * θ₀ the unit eigenvector of λ_min, the slowest direction, whose rate 1 − 1/κ is what κ fixes; the
 * spectrum between the extremes then carries no error and cannot matter).
 */
final class SharpnessDynamicsConditionNumber implements InstanceCheck<SharpnessDynamicsConditionNumber.Instance>,
        ClaimRunner.KeyNumber {
    /** The GD runs must reproduce the spectral formula to this relative accuracy (round-off only). */
    static final double FORMULA_TOL = 1e-9;
    /** Iteration counts "equal": one step of slack for round-off at the ε crossing. */
    static final int STEP_SLACK = 1;

    /** Two spectra with λ_max = 1 and λ_min = 1/κ. */
    record Instance(int d, double kappa, double[] spectrumA, double[] spectrumB, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d κ=%.1f A: bulk in [%.3g, %.3g], B: bulk in [%.3g, %.3g] seed=%d", d,
                    kappa, Vec.min(Arrays.copyOfRange(spectrumA, 1, d - 1)),
                    Vec.max(Arrays.copyOfRange(spectrumA, 1, d - 1)), Vec.min(Arrays.copyOfRange(spectrumB, 1, d - 1)),
                    Vec.max(Arrays.copyOfRange(spectrumB, 1, d - 1)), seed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        SharpnessDynamicsSpectrum spectrum = SharpnessDynamicsSpectrum.draw(trial);
        Rng rng = trial.rng();
        int d = spectrum.d();
        double kappa = spectrum.kappa();
        double mu = 1.0 / kappa;
        double[] a = new double[d];
        double[] b = new double[d];
        a[0] = b[0] = mu;
        a[d - 1] = b[d - 1] = 1.0;
        for (int i = 1; i < d - 1; i++) {
            a[i] = rng.uniform(0.5, 1.0); // bulk near the sharp end
            b[i] = rng.uniform(mu, 1.5 * mu); // bulk near the flat end
        }
        return new Instance(d, kappa, a, b, rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        var s = trial.setting();
        double eps = s.real("epsilon");
        int maxSteps = s.integer("max_steps");
        Rng rng = new Rng(inst.seed());
        Mat ha = RandomDesigns.symmetricWithEigenvalues(inst.d(), rng.split(), inst.spectrumA());
        Mat hb = RandomDesigns.symmetricWithEigenvalues(inst.d(), rng.split(), inst.spectrumB());
        double alpha = 1.0; // 1/λ_max
        boolean worstCase = trial.setting().choice("start", "worst_case", "isotropic").equals("worst_case");
        double[] curveA = expectedLossCurve(ha, starts(ha, worstCase), alpha, eps, maxSteps);
        double[] curveB = expectedLossCurve(hb, starts(hb, worstCase), alpha, eps, maxSteps);
        double formulaErr = Math.max(formulaError(curveA, inst.spectrumA(), worstCase, alpha),
                formulaError(curveB, inst.spectrumB(), worstCase, alpha));
        int ta = crossing(curveA, eps);
        int tb = crossing(curveB, eps);
        var r = TrialResult.of(trial).instance(inst.toString())
                .metric("kappa", inst.kappa())
                .metric("T_A", ta)
                .metric("T_B", tb)
                .metric("ratio", (double) Math.max(ta, tb) / Math.max(1, Math.min(ta, tb)))
                .metric("worstCaseRate", 1 - 1 / inst.kappa())
                .metric("lossRatioAtT_A", curveB[Math.min(ta, curveB.length - 1)] / curveB[0])
                .metric("logVolumeRatio", 0.5 * (sumLog(inst.spectrumA()) - sumLog(inst.spectrumB())))
                .metric("meanCurvatureA", Vec.mean(inst.spectrumA()))
                .metric("meanCurvatureB", Vec.mean(inst.spectrumB()))
                .metric("formulaError", formulaErr)
                .trace("A", steps(curveA), normalized(curveA))
                .trace("B", steps(curveB), normalized(curveB));
        if (ta < 0 || tb < 0) {
            return r.decide(Double.NaN, false, "E f did not fall by ε within " + maxSteps + " steps");
        }
        if (!(formulaErr <= FORMULA_TOL)) {
            return r.decide(Double.NaN, false, "GD runs disagree with the spectral formula: " + formulaErr);
        }
        int gap = Math.abs(ta - tb);
        return r.decide(gap, gap <= STEP_SLACK, String.format(Locale.ROOT,
                "%s start, same κ = %.1f: GD needs T_ε = %d (A) and %d (B) steps to cut the expected loss by %.0e (equal up to %d "
                        + "passes); worst-case rate 1 − 1/κ = %.4f for both; sublevel-set volume ratio vol_B/vol_A = e^%.1f",
                worstCase ? "worst-case (λ_min eigenvector)" : "isotropic", inst.kappa(), ta, tb, eps, STEP_SLACK, 1 - 1 / inst.kappa(),
                0.5 * (sumLog(inst.spectrumA()) - sumLog(inst.spectrumB()))));
    }

    /**
     * The starts whose mean loss is the curve: the d unit vectors (second moment I/d, an isotropic
     * start), or the one unit eigenvector of H's smallest eigenvalue (the worst-case start).
     */
    static double[][] starts(Mat h, boolean worstCase) {
        int d = h.rows();
        if (worstCase) {
            SymmetricEigen.Result eig = SymmetricEigen.decompose(h);
            int k = 0;
            for (int i = 1; i < d; i++) {
                k = eig.values()[i] < eig.values()[k] ? i : k;
            }
            return new double[][] {eig.vector(k)};
        }
        double[][] unit = new double[d][d];
        for (int k = 0; k < d; k++) {
            unit[k][k] = 1.0;
        }
        return unit;
    }

    /**
     * E f(θ_t) over the given starts: the mean of f(GD_t(s_k)), each run by the core's
     * {@link GradientDescent}. Stops once the curve is below ε·E f(θ₀) or after maxSteps.
     */
    static double[] expectedLossCurve(Mat h, double[][] starts, double alpha, double eps, int maxSteps) {
        int d = h.rows();
        int m = starts.length;
        Quadratic f = new Quadratic(h, new double[d]);
        // the m runs side by side: θ = (θ_1, …, θ_m), objective Σ_k f(θ_k), so each block takes its own GD step
        double[] theta0 = new double[m * d];
        for (int k = 0; k < m; k++) {
            System.arraycopy(starts[k], 0, theta0, k * d, d);
        }
        // one pass over the blocks gives the sum and every block's gradient
        Objective sum = new FullBatchObjective(m * d, m) {
            @Override
            protected double valueAndGradient(double[] theta, double[] grad) {
                return sumAndGradient(f, theta, m, grad);
            }
        };
        List<Double> curve = new ArrayList<>();
        StopRule crossed = (t, theta, total) -> {
            curve.add(total / m);
            return total / m <= eps * curve.get(0) ? "mean below ε·E f(θ₀)" : null;
        };
        Trainer.run(sum, new GradientDescent(alpha), BatchSampler.full(), theta0,
                new TrainConfig(maxSteps, 0, 0, 1, Double.POSITIVE_INFINITY, 0), Map.of(), Trainer.Hooks.stopWhen(crossed));
        return ClaimCharts.toArray(curve);
    }

    /** Σ_k f(θ_k) over the blocks of θ, summed in block order; the blocks' gradients into g (if not null). */
    private static double sumAndGradient(Quadratic f, double[] theta, int m, double[] g) {
        int d = f.dim();
        double[] grad = new double[d];
        double total = 0;
        for (int k = 0; k < m; k++) {
            double[] block = java.util.Arrays.copyOfRange(theta, k * d, (k + 1) * d);
            total += f.valueAndGradient(block, null, g == null ? null : grad);
            if (g != null) {
                System.arraycopy(grad, 0, g, k * d, d);
            }
        }
        return total;
    }

    /**
     * Largest relative gap between the run curve and its spectral formula: ½Σλᵢ(1 − αλᵢ)^{2t}/d for the
     * isotropic start, ½λ_min(1 − αλ_min)^{2t} for the worst-case one.
     */
    static double formulaError(double[] curve, double[] lambda, boolean worstCase, double alpha) {
        double[] terms = worstCase ? new double[] {java.util.Arrays.stream(lambda).min().getAsDouble()} : lambda;
        double worst = 0;
        for (int t = 0; t < curve.length; t++) {
            double s = 0;
            for (double l : terms) {
                s += 0.5 * l * Math.pow(1 - alpha * l, 2.0 * t);
            }
            s /= terms.length;
            worst = Math.max(worst, Math.abs(curve[t] - s) / s);
        }
        return worst;
    }

    /** First t with curve[t] ≤ ε·curve[0], or −1. */
    static int crossing(double[] curve, double eps) {
        for (int t = 0; t < curve.length; t++) {
            if (curve[t] <= eps * curve[0]) {
                return t;
            }
        }
        return -1;
    }

    private static double[] steps(double[] curve) {
        double[] x = new double[curve.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] normalized(double[] curve) {
        double[] y = new double[curve.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = curve[i] / curve[0];
        }
        return y;
    }

    private static double sumLog(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.log(x);
        }
        return s;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials().subList(0, Math.min(3, e.trials().size()))) {
            for (String name : List.of("A", "B")) {
                double[][] tr = t.traces().get(name);
                series.add(Chart.Series.line("trial " + t.index() + " spectrum " + name
                        + String.format(Locale.ROOT, " (κ=%.0f)", t.metrics().get("kappa")), tr[0], tr[1]));
            }
        }
        return List.of(new Chart(e.arm() + "-expected-loss",
                "GD (step 1/λ_max) on two quadratics with the same condition number: E f(θ_t)/E f(θ₀) (" + e.arm() + ")",
                "step t", "expected loss ratio", false, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double maxRatio = e.max("ratio");
        double minRatio = e.min("ratio");
        return String.format(Locale.ROOT, "same κ, iterations to ε differ by a factor %.2f–%.2f between the two spectra",
                minRatio, maxRatio);
    }
}
