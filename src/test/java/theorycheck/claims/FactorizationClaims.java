package theorycheck.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Matrix factorization (CATALOGUE.md §6, assignment Problem 2): the landscape of
 * f(U) = ‖UUᵀ − u*u*ᵀ‖²_F around its saddle at 0 and its global minima.
 */
class FactorizationClaims {

    @Test
    @ClaimId("assignment.saddle")
    void assignment_saddle() {
        ClaimVerifier.verify("assignment.saddle", new Saddle(false), new Saddle(true));
    }

    @Test
    @ClaimId("assignment.mf-low-rank")
    void assignment_mf_low_rank() {
        ClaimVerifier.verify("assignment.mf-low-rank", new FactorizationLowRank("alpha_small"),
                new FactorizationLowRank("alpha_large"));
    }

    @Test
    @ClaimId("lit.mf-nuclear-enough")
    void lit_mf_nuclear_enough() {
        ClaimVerifier.verify("lit.mf-nuclear-enough", new FactorizationNuclear("m_over_dof", "alpha"),
                new FactorizationNuclear("m_over_dof", "control_alpha"));
    }

    @Test
    @ClaimId("lit.mf-nuclear-few")
    void lit_mf_nuclear_few() {
        ClaimVerifier.verify("lit.mf-nuclear-few", new FactorizationNuclear("m_over_dof", "alpha"),
                new FactorizationNuclear("control_m_over_dof", "alpha"));
    }

    @Test
    @ClaimId("lit.deep-mf-rank")
    void lit_deep_mf_rank() {
        ClaimVerifier.verify("lit.deep-mf-rank", new FactorizationDeep("depth"), new FactorizationDeep("control_depth"));
    }

    /** One instance: u* ∈ ℝⁿ, U ∈ ℝ^{n×k}, the unit q ∈ ℝ^k of the minimum u*qᵀ, the GD init α·W. */
    record SaddleInstance(int n, int k, double[] uStar, double[] q, double alpha, double[] w) {
        static SaddleInstance draw(Trial trial) {
            Rng rng = trial.rng();
            int[] nr = trial.setting().intRange("n");
            int[] kr = trial.setting().intRange("k");
            double[] ar = trial.setting().range("alpha");
            int n = rng.intBetween(nr[0], nr[1]);
            int k = rng.intBetween(kr[0], kr[1]);
            double[] uStar = rng.gaussianVector(n, 1.0);
            double[] q = rng.gaussianVector(k, 1.0);
            double qn = Vec.norm2(q);
            for (int c = 0; c < k; c++) {
                q[c] /= qn;
            }
            double alpha = rng.logUniform(ar[0], ar[1]);
            double[] w = rng.gaussianVector(n * k, 1.0 / Math.sqrt(n));
            return new SaddleInstance(n, k, uStar, q, alpha, w);
        }

        /** U = u*qᵀ, a global minimum (f = 0) for every unit q. */
        double[] minimum() {
            double[] u = new double[n * k];
            for (int p = 0; p < n; p++) {
                for (int c = 0; c < k; c++) {
                    u[p * k + c] = uStar[p] * q[c];
                }
            }
            return u;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d k=%d ‖u*‖²=%.3g α=%.3g", n, k, Vec.dot(uStar, uStar), alpha);
        }
    }

    /**
     * assignment.saddle. Per trial, with s = ‖u*‖²:
     * (a) the analytic Hessian agrees with central differences of the exact gradient at the saddle
     * candidate, the minimum candidate and the GD start (max entry gap ≤ {@link #FD_TOL}·8s);
     * (b) the saddle candidate is a critical point whose Hessian has λmin ≤ −{@link #EIG_TOL}·8s and
     * spectrum {−4s (×k), 0 (×(nk−k))};
     * (c) the minimum candidate has f = 0, ∇f = 0, λmin ≥ −{@link #EIG_TOL}·8s, exactly n(k−1) eigenvalues
     * with |λ| ≤ EIG_TOL·8s and spectrum {8s, 4s (×(n−1)), 0 (×n(k−1))};
     * (d) GD with η = {@link #STEP_C}/s from α·W reaches ‖UUᵀ − M‖_F/‖M‖_F ≤ {@link #ESCAPE_TOL} and
     * λmin(H) ≥ −{@link #END_TOL}·s there.
     * Control: the candidates swapped (the minimum tested as the saddle, 0 as the minimum) and GD from
     * α = 0 (exactly at the saddle).
     */
    static final class Saddle implements InstanceCheck<SaddleInstance>, ClaimRunner.KeyNumber {
        static final double FD_TOL = 1e-6;
        static final double EIG_TOL = 1e-9;
        static final double STEP_C = 0.05;
        static final double ESCAPE_TOL = 1e-3;
        static final double END_TOL = 0.04;
        private final boolean swapped;

        Saddle(boolean swapped) {
            this.swapped = swapped;
        }

        @Override
        public SaddleInstance draw(Trial trial) {
            return SaddleInstance.draw(trial);
        }

        @Override
        public TrialResult check(SaddleInstance inst, Trial trial) {
            FactorizationSaddle f = new FactorizationSaddle(inst.uStar(), inst.k());
            int n = inst.n(), k = inst.k(), d = n * k;
            double s = f.starNormSq();
            double scale = 8 * s;
            double[] zero = new double[d];
            double[] min = inst.minimum();
            double[] saddleCand = swapped ? min : zero;
            double[] minCand = swapped ? zero : min;
            double alpha = swapped ? 0 : inst.alpha();
            double[] init = new double[d];
            for (int i = 0; i < d; i++) {
                init[i] = alpha * inst.w()[i];
            }
            var b = TrialResult.of(trial).instance(inst + (swapped ? " (candidates swapped, GD from 0)" : ""));

            // (a) analytic Hessian vs finite differences
            double fdGap = 0;
            for (double[] u : List.of(saddleCand, minCand, inst.w())) {
                Mat h = f.hessian(u);
                Mat hf = f.finiteDifferenceHessian(u, 1e-4 * Math.sqrt(s));
                for (int i = 0; i < h.data().length; i++) {
                    fdGap = Math.max(fdGap, Math.abs(h.data()[i] - hf.data()[i]) / scale);
                }
            }
            b.metric("fdGap", fdGap);

            // (b) saddle candidate
            double[] eS = FactorizationSaddle.eigenvalues(f.hessian(saddleCand));
            double[] eM = FactorizationSaddle.eigenvalues(f.hessian(minCand));
            if (eS == null || eM == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Jacobi eigensolver did not converge");
            }
            double gS = norm(f.gradient(saddleCand)) / Math.pow(s, 1.5);
            double lminS = eS[d - 1] / s;
            double specS = spectrumGap(eS, saddleSpectrum(n, k, s)) / scale;
            b.metric("saddleGradRel", gS).metric("saddleLambdaMinOverS", lminS).metric("saddleSpectrumGap", specS);
            boolean isSaddle = gS <= EIG_TOL && eS[d - 1] <= -EIG_TOL * scale && specS <= EIG_TOL;

            // (c) minimum candidate
            double gM = norm(f.gradient(minCand)) / Math.pow(s, 1.5);
            double fM = f.value(minCand) / (s * s);
            int nullDim = 0;
            for (double v : eM) {
                if (Math.abs(v) <= EIG_TOL * scale) {
                    nullDim++;
                }
            }
            double specM = spectrumGap(eM, minimumSpectrum(n, k, s)) / scale;
            b.metric("minGradRel", gM).metric("minValueRel", fM).metric("minLambdaMinOverS", eM[d - 1] / s)
                    .metric("minLambdaMaxOverS", eM[0] / s).metric("minNullDim", nullDim)
                    .metric("expectedNullDim", n * (k - 1)).metric("minSpectrumGap", specM);
            boolean isMin = gM <= EIG_TOL && fM <= EIG_TOL && eM[d - 1] >= -EIG_TOL * scale
                    && nullDim == n * (k - 1) && specM <= EIG_TOL;

            // (d) GD escape
            Escape esc = gradientDescent(f, init, STEP_C / s, trial.setting().integer("max_steps"));
            b.trace("distance", esc.steps(), esc.distances());
            if (esc.diverged()) {
                return b.outcome(Outcome.INCONCLUSIVE, lminS, "GD diverged");
            }
            double[] eEnd = FactorizationSaddle.eigenvalues(f.hessian(esc.u()));
            double lminEnd = eEnd == null ? Double.NaN : eEnd[d - 1] / s;
            b.metric("gdFinalDistance", esc.finalDistance()).metric("gdSteps", esc.stepsTaken())
                    .metric("gdEscapeStep", esc.escapeStep()).metric("gdEndLambdaMinOverS", lminEnd);
            boolean escaped = esc.finalDistance() <= ESCAPE_TOL && lminEnd >= -END_TOL;

            String note = String.format(Locale.ROOT,
                    "FD gap %.2g; saddle cand.: |∇|=%.2g λmin/s=%.4f spectrum gap %.2g; min cand.: f=%.2g λmin/s=%.2g "
                            + "null dim %d (expect %d) spectrum gap %.2g; GD: distance %.2g after %d steps (escape at %d)",
                    fdGap, gS, lminS, specS, fM, eM[d - 1] / s, nullDim, n * (k - 1), specM, esc.finalDistance(),
                    esc.stepsTaken(), esc.escapeStep());
            return b.decide(lminS, fdGap <= FD_TOL && isSaddle && isMin && escaped, note);
        }

        /** Predicted Hessian spectrum at U = 0, descending: 0 (×(nk−k)), then −4s (×k). */
        static double[] saddleSpectrum(int n, int k, double s) {
            double[] e = new double[n * k];
            for (int i = n * k - k; i < n * k; i++) {
                e[i] = -4 * s;
            }
            return e;
        }

        /** Predicted Hessian spectrum at U = u*qᵀ, descending: 8s, 4s (×(n−1)), 0 (×n(k−1)). */
        static double[] minimumSpectrum(int n, int k, double s) {
            double[] e = new double[n * k];
            e[0] = 8 * s;
            for (int i = 1; i < n; i++) {
                e[i] = 4 * s;
            }
            return e;
        }

        static double spectrumGap(double[] descending, double[] predicted) {
            double g = 0;
            for (int i = 0; i < predicted.length; i++) {
                g = Math.max(g, Math.abs(descending[i] - predicted[i]));
            }
            return g;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(ClaimCharts.traces(e, "distance", e.arm() + "-distance-vs-step",
                    "‖UUᵀ − u*u*ᵀ‖_F/‖u*u*ᵀ‖_F along GD from α·W (" + e.arm() + ")", "step", "relative distance",
                    false, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            return DiagonalNetClaims.range(e, "saddleLambdaMinOverS", "λmin(H)/‖u*‖² at the saddle candidate")
                    + "; " + DiagonalNetClaims.range(e, "minLambdaMinOverS", "λmin/‖u*‖² at the minimum candidate")
                    + "; " + DiagonalNetClaims.range(e, "gdEscapeStep", "GD escape step");
        }
    }

    record Escape(double[] u, double[] steps, double[] distances, int stepsTaken, int escapeStep,
            double finalDistance, boolean diverged) {
    }

    /**
     * GD U ← U − η∇f(U) until ‖UUᵀ − M‖_F/‖M‖_F ≤ {@link Saddle#ESCAPE_TOL} or the budget ends.
     * The escape step is the first with relative distance ≤ 1/2 (−1 if never).
     */
    static Escape gradientDescent(FactorizationSaddle f, double[] init, double eta, int maxSteps) {
        double[] u = init.clone();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int escape = -1;
        int t = 0;
        double dist = f.relativeDistance(u);
        for (; t <= maxSteps; t++) {
            dist = f.relativeDistance(u);
            if (!Double.isFinite(dist)) {
                return new Escape(u, new double[0], new double[0], t, escape, dist, true);
            }
            if (t % 5 == 0) {
                xs.add((double) t);
                ys.add(Math.max(dist, 1e-300));
            }
            if (escape < 0 && dist <= 0.5) {
                escape = t;
            }
            if (dist <= Saddle.ESCAPE_TOL || t == maxSteps) {
                break;
            }
            double[] g = f.gradient(u);
            for (int i = 0; i < u.length; i++) {
                u[i] -= eta * g[i];
            }
        }
        return new Escape(u, ClaimCharts.toArray(xs), ClaimCharts.toArray(ys), Math.min(t, maxSteps), escape, dist,
                false);
    }

    static double norm(double[] v) {
        return Vec.norm2(v);
    }
}
