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
import theorycheck.measure.TangentKernel;
import theorycheck.model.TwoLayerNtkNet;
import theorycheck.reference.ArcCosineKernel;
import theorycheck.reference.KernelRegression;

/**
 * book.A.11: lazily trained two-layer ReLU nets (unbiased start, output scale α, step η/α²) at a narrow
 * and a wide width, several independent initializations per width, on the same data. The trained
 * predictor at width k is a random function of the init; "independent of width" is read as: the two
 * widths give the same law of predictors. Compared through the same-width baselines (distances between
 * two nets of one width, different init seeds): the spread ratio S = rms narrow–narrow / rms wide–wide
 * distance (1 for one law; √(k_wide/k_narrow) if the init randomness falls like 1/√k) and the location
 * ratio B = rms narrow–wide distance / the pooled same-width rms (1 when the widths differ only by init
 * randomness). The statement PASSes when S ≤ {@link #SPREAD_MAX} and B ≤ {@link #LOCATION_MAX}.
 * Setting {@code wide_features}: "independent" (the wide net draws all its neurons) or "tiled" (the wide
 * net repeats a narrow draw, so its tangent kernel is a narrow net's: the control).
 */
final class KernelRegimeWidthBias implements InstanceCheck<KernelRegimeWidthBias.Instance>, ClaimRunner.KeyNumber {
    /** Geometric middle of 1 (one law) and 8 = √(1024/16) (the 1/√k law at the claim's widths). */
    static final double SPREAD_MAX = 2 * Math.sqrt(2);
    /** The between-width distance may exceed the same-width one by a factor 2 before it counts as a shift. */
    static final double LOCATION_MAX = 2;

    record Instance(int n, int nTest, int d, int[] widths, int inits, boolean tiled, double alpha, int steps, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d d=%d widths %d and %d (%s), %d inits each, α=%.3g T=%d", n, d,
                    widths[0], widths[1], tiled ? "wide net tiled from a narrow draw" : "independent neurons", inits, alpha,
                    steps);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        int[] w = s.intRange("widths");
        if (w[1] % w[0] != 0) {
            throw new IllegalArgumentException("setting.widths: the wide width must be a multiple of the narrow one, got "
                    + w[0] + " and " + w[1]);
        }
        return new Instance(s.integer("n"), s.integer("n_test"), s.integer("d"), w, s.integer("inits_per_width"),
                s.choice("wide_features", "independent", "tiled").equals("tiled"), s.real("alpha"), s.integer("steps"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Rng rng = new Rng(inst.seed());
        var data = KernelRegimeTraining.Data.draw(inst.n(), inst.nTest(), inst.d(), rng);
        double eta = 1 / KernelRegimeTraining.lambdaMax(
                ArcCosineKernel.gram(data.x(), data.x(), ArcCosineKernel.Part.BOTH));
        var b = TrialResult.of(trial).instance(inst.toString());
        int m = inst.inits();
        double[][][] preds = new double[2][m][];
        for (int i = 0; i < 2; i++) {
            int k = inst.widths()[i];
            TwoLayerNtkNet net = new TwoLayerNtkNet(inst.d(), k);
            for (int rep = 0; rep < m; rep++) {
                double[] theta0 = i == 1 && inst.tiled()
                        ? tile(new TwoLayerNtkNet(inst.d(), inst.widths()[0]).initializeUnbiased(rng.split()), inst.d(), k)
                        : net.initializeUnbiased(rng.split());
                double[] theta = KernelRegimeTraining.train(net, theta0, data.x(), data.y(), inst.alpha(), eta,
                        inst.steps());
                if (theta == null) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged at width " + k);
                }
                preds[i][rep] = KernelRegimeTraining.scaledOutput(net, theta, theta0, data.xTest(), inst.alpha());
                if (rep == 0) {
                    // part (i), recorded: the first net of each width against kernel GD with its own K₀
                    b.metric(i == 0 ? "ownKernelGapNarrow" : "ownKernelGapWide", ownKernelGap(net, theta0, data, eta,
                            inst.steps(), preds[i][rep]));
                }
            }
        }
        double narrow = rmsDistance(preds[0], preds[0]);
        double wide = rmsDistance(preds[1], preds[1]);
        double between = rmsDistance(preds[0], preds[1]);
        double spread = narrow / wide;
        double location = between / Math.sqrt((narrow * narrow + wide * wide) / 2);
        b.metric("spreadNarrow", narrow).metric("spreadWide", wide).metric("betweenWidths", between)
                .metric("spreadRatio", spread).metric("locationRatio", location);
        if (!Double.isFinite(spread) || !Double.isFinite(location)) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "non-finite distance ratio");
        }
        return b.decide(spread, spread <= SPREAD_MAX && location <= LOCATION_MAX, String.format(Locale.ROOT,
                "same-width spread %.3g at width %d, %.3g at width %d (ratio S = %.3g, one law if ≤ %.2f); "
                        + "between widths %.3g (ratio B = %.3g to the pooled same-width spread, ≤ %.1f)",
                narrow, inst.widths()[0], wide, inst.widths()[1], spread, SPREAD_MAX, between, location, LOCATION_MAX));
    }

    /**
     * A width-k net repeating the neurons of a narrow θ (width k₀ dividing k) k/k₀ times: its tangent kernel
     * (1/k)Σ_j ∇φ_j∇φ_jᵀ equals the narrow net's, and its output at θ₀ is √(k/k₀) times the narrow one's (0 here).
     */
    static double[] tile(double[] narrow, int d, int k) {
        int k0 = narrow.length / (d + 1);
        double[] theta = new double[k * d + k];
        for (int j = 0; j < k; j++) {
            int src = j % k0;
            System.arraycopy(narrow, src * d, theta, j * d, d);
            theta[k * d + j] = narrow[k0 * d + src];
        }
        return theta;
    }

    /** Relative test distance of a trained net to kernel GD with its own tangent kernel at θ₀; NaN if K₀ is singular. */
    private static double ownKernelGap(TwoLayerNtkNet net, double[] theta0, KernelRegimeTraining.Data data, double eta,
            int steps, double[] pred) {
        Mat k0 = TangentKernel.gram(net, theta0, data.x(), data.x());
        Mat k0Test = TangentKernel.gram(net, theta0, data.xTest(), data.x());
        try {
            return Vec.relativeError(pred, KernelRegression.gradientDescentPrediction(k0, k0Test, data.y(), eta, steps), 0.0);
        } catch (IllegalArgumentException notPositiveDefinite) {
            return Double.NaN;
        }
    }

    /**
     * Root mean square of ‖f − g‖/‖(f + g)/2‖ over the pairs f ∈ a, g ∈ b (distinct pairs when a and b are
     * the same set): the relative distance between two predictors on the test points.
     */
    static double rmsDistance(double[][] a, double[][] b) {
        double s = 0;
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = a == b ? i + 1 : 0; j < b.length; j++) {
                double num = 0, den = 0;
                for (int t = 0; t < a[i].length; t++) {
                    double diff = a[i][t] - b[j][t];
                    double mid = (a[i][t] + b[j][t]) / 2;
                    num += diff * diff;
                    den += mid * mid;
                }
                s += num / den;
                count++;
            }
        }
        return Math.sqrt(s / count);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        Chart.Series s = ClaimCharts.scatter(e, "spreadWide", "spreadNarrow");
        return List.of(new Chart(e.arm() + "-same-width-spreads",
                "Same-width spread of the trained predictor (init seeds differ): narrow vs wide width (" + e.arm() + ")",
                "rms relative distance, two wide nets", "rms relative distance, two narrow nets", true, true, List.of(s)));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "spreadRatio", "spread ratio S narrow/wide") + "; "
                + DiagonalNetChecks.range(e, "locationRatio", "location ratio B") + "; "
                + DiagonalNetChecks.range(e, "ownKernelGapNarrow", "narrow net vs own-K₀ kernel GD");
    }
}
