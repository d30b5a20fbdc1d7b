package theorycheck.claims.factorization;

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
import theorycheck.measure.LogLogFit;
import theorycheck.measure.TangentKernel;
import theorycheck.model.TwoLayerNtkNet;
import theorycheck.reference.KernelRegression;

/**
 * slides.scale-lazy: the centered, scaled model f_α = α(f_θ − f_θ₀) of a fixed-width two-layer ReLU net
 * trained by GD with step η/α² (Chizat, Oyallon &amp; Bach 2019) for T steps, at several α. Two laziness
 * measures: the relative parameter change ‖θ_T − θ₀‖/‖θ₀‖ and the relative test distance e(α) to the
 * linearized model trained the same way (kernel GD with the empirical tangent kernel at θ₀, which does
 * not depend on α). PASS when the parameter-change slope against α lies in [{@link #MOVE_LO},
 * {@link #MOVE_HI}] (theory −1), e falls over the α range at least like α^{{@link #DIST_SLOPE_MAX}}
 * (theory α⁻¹ once no ReLU changes side at a test point) and e ≤ {@link #DIST_MAX} at the largest α.
 * The number of (unit, test input) pairs whose ReLU changed side is recorded per α: those kinks, not
 * the smooth second-order term, set e at moderate α. The control overrides alpha with small scales,
 * where training is not lazy.
 */
final class KernelRegimeLazy implements InstanceCheck<KernelRegimeLazy.Instance>, ClaimRunner.KeyNumber {
    /** Band for the slope of the parameter change (theory −1). */
    static final double MOVE_LO = -1.3, MOVE_HI = -0.7;
    /**
     * Largest admitted endpoint log-log slope of the distance to the linearized model: the smooth
     * remainder falls exactly like 1/α and kink terms only add at the small-α end, so without a flipped
     * pair at the largest α the slope is ≤ −1 up to O(1/α) changes of the trajectory.
     */
    static final double DIST_SLOPE_MAX = -0.9;
    /** ... and be at most this relative size at the largest α. */
    static final double DIST_MAX = 0.01;
    record Instance(int n, int nTest, int d, int k, double[] alphas, int steps, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d d=%d k=%d α %.3g–%.3g T=%d", n, d, k, alphas[0],
                    alphas[alphas.length - 1], steps);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        return new Instance(s.integer("n"), s.integer("n_test"), s.integer("d"), s.integer("width"),
                s.reals("alpha"), s.integer("steps"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Rng rng = new Rng(inst.seed());
        var data = KernelRegimeTraining.Data.draw(inst.n(), inst.nTest(), inst.d(), rng);
        TwoLayerNtkNet net = new TwoLayerNtkNet(inst.d(), inst.k());
        double[] theta0 = net.initialize(rng.split());
        Mat k0 = TangentKernel.gram(net, theta0, data.x(), data.x());
        Mat k0Test = TangentKernel.gram(net, theta0, data.xTest(), data.x());
        double eta = 1 / KernelRegimeTraining.lambdaMax(k0);
        double[] lin = KernelRegression.gradientDescentPrediction(k0, k0Test, data.y(), eta, inst.steps());
        var b = TrialResult.of(trial).instance(inst.toString());
        int m = inst.alphas().length;
        double[] moves = new double[m];
        double[] dists = new double[m];
        double[] flips = new double[m];
        for (int i = 0; i < m; i++) {
            double alpha = inst.alphas()[i];
            double[] theta = KernelRegimeTraining.train(net, theta0, data.x(), data.y(), alpha, eta, inst.steps());
            if (theta == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged at α = " + alpha);
            }
            moves[i] = Vec.distance(theta, theta0) / Vec.norm2(theta0);
            dists[i] = Vec.relativeError(
                    KernelRegimeTraining.scaledOutput(net, theta, theta0, data.xTest(), alpha), lin, 0.0);
            flips[i] = net.activationFlips(theta0, theta, data.xTest());
        }
        double[] alphas = inst.alphas();
        double sMove = LogLogFit.slope(alphas, moves);
        double sDist = LogLogFit.slope(alphas, dists);
        double sEnds = Math.log(dists[m - 1] / dists[0]) / Math.log(alphas[m - 1] / alphas[0]);
        b.metric("slopeMove", sMove).metric("slopeLinDistance", sDist).metric("endpointSlopeLinDistance", sEnds)
                .metric("eta", eta).metric("linDistanceAtMaxAlpha", dists[m - 1])
                .metric("flippedTestPairsAtMaxAlpha", flips[m - 1]);
        b.trace("paramChange", alphas, moves).trace("linDistance", alphas, dists).trace("flippedTestPairs", alphas, flips);
        boolean pass = sMove >= MOVE_LO && sMove <= MOVE_HI && sEnds <= DIST_SLOPE_MAX && dists[m - 1] <= DIST_MAX;
        return b.decide(sEnds, pass, String.format(Locale.ROOT,
                "‖Δθ‖/‖θ₀‖ %.3g → %.3g (slope %.3f); distance to linearized %.3g → %.3g (endpoint slope %.3f);"
                        + " flipped (unit, test input) pairs %.0f → %.0f",
                moves[0], moves[m - 1], sMove, dists[0], dists[m - 1], sEnds, flips[0], flips[m - 1]));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "paramChange", e.arm() + "-param-change-vs-alpha",
                        "Relative parameter change ‖θ_T − θ₀‖/‖θ₀‖ vs output scale α (" + e.arm() + ")", "α",
                        "relative change", true, true),
                ClaimCharts.traces(e, "linDistance", e.arm() + "-lin-distance-vs-alpha",
                        "Relative test distance to the linearized model vs α (" + e.arm() + ")", "α",
                        "relative distance", true, true),
                ClaimCharts.traces(e, "flippedTestPairs", e.arm() + "-flipped-pairs-vs-alpha",
                        "(Unit, test input) pairs whose ReLU changed side during training vs α (" + e.arm() + ")", "α",
                        "flipped pairs", true, false));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "slopeMove", "slope of ‖Δθ‖/‖θ₀‖ vs α") + "; "
                + DiagonalNetChecks.range(e, "linDistanceAtMaxAlpha", "distance to linearized at the largest α") + "; "
                + DiagonalNetChecks.range(e, "endpointSlopeLinDistance", "its endpoint slope");
    }
}
