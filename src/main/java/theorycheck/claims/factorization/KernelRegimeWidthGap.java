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
import theorycheck.model.TwoLayerNtkNet;
import theorycheck.reference.ArcCosineKernel;
import theorycheck.reference.KernelRegression;

/**
 * book.C.20: a two-layer ReLU net in NTK parametrization, unbiased start (f_θ₀ ≡ 0), full-batch GD
 * with η = 1/λ_max(Θ∞) for T steps, against kernel GD with the infinite-width arc-cosine NTK Θ∞ for
 * the same η and T (kernel regression as T → ∞). The relative test-set gap is measured at several
 * widths and its log-log slope fitted; PASS when the slope lies in [{@link #SLOPE_LO},
 * {@link #SLOPE_HI}] around the predicted −1/2. Setting {@code parametrization}: "ntk" (output 1/√k) or
 * "mean_field" (output 1/k, step η·k: the same tangent dynamics at t = 0, but the features move by O(1)).
 */
final class KernelRegimeWidthGap implements InstanceCheck<KernelRegimeWidthGap.Instance>, ClaimRunner.KeyNumber {
    static final double SLOPE_LO = -0.8, SLOPE_HI = -0.3;
    /** Independent initializations per width; the gap is their root mean square. */
    static final int INITS = 2;

    record Instance(int n, int nTest, int d, int[] widths, int steps, boolean meanField, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d d=%d widths %d–%d T=%d %s", n, d, widths[0],
                    widths[widths.length - 1], steps, meanField ? "mean-field 1/k" : "NTK 1/√k");
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        return new Instance(s.integer("n"), s.integer("n_test"), s.integer("d"), s.integers("widths"),
                s.integer("steps"), s.choice("parametrization", "ntk", "mean_field").equals("mean_field"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Rng rng = new Rng(inst.seed());
        var data = KernelRegimeTraining.Data.draw(inst.n(), inst.nTest(), inst.d(), rng);
        Mat kTrain = ArcCosineKernel.gram(data.x(), data.x(), ArcCosineKernel.Part.BOTH);
        Mat kTest = ArcCosineKernel.gram(data.xTest(), data.x(), ArcCosineKernel.Part.BOTH);
        double eta = 1 / KernelRegimeTraining.lambdaMax(kTrain);
        double[] ref = KernelRegression.gradientDescentPrediction(kTrain, kTest, data.y(), eta, inst.steps());
        double[] trainRef = KernelRegression.gradientDescentPrediction(kTrain, kTrain, data.y(), eta, inst.steps());
        var b = TrialResult.of(trial).instance(inst.toString());
        int w = inst.widths().length;
        double[] ks = new double[w];
        double[] gaps = new double[w];
        for (int i = 0; i < w; i++) {
            int k = inst.widths()[i];
            TwoLayerNtkNet net = new TwoLayerNtkNet(inst.d(), k);
            double alpha = inst.meanField() ? 1 / Math.sqrt(k) : 1.0;
            double sq = 0;
            for (int rep = 0; rep < INITS; rep++) {
                double[] theta0 = net.initializeUnbiased(rng.split());
                double[] theta = KernelRegimeTraining.train(net, theta0, data.x(), data.y(), alpha, eta,
                        inst.steps());
                if (theta == null) {
                    return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged at width " + k);
                }
                double[] pred = KernelRegimeTraining.scaledOutput(net, theta, theta0, data.xTest(), alpha);
                double g = Vec.relativeError(pred, ref, 0.0);
                sq += g * g / INITS;
            }
            ks[i] = k;
            gaps[i] = Math.sqrt(sq);
            b.metric("gap_k" + k, gaps[i]);
        }
        double slope = LogLogFit.slope(ks, gaps);
        double refResidual = Vec.relativeError(trainRef, data.y(), 0.0);
        b.metric("slope", slope).metric("kernelTrainResidual", refResidual).metric("eta", eta);
        b.trace("gap", ks, gaps);
        return b.decide(slope, slope >= SLOPE_LO && slope <= SLOPE_HI, String.format(Locale.ROOT,
                "test gap to NTK kernel GD %.3g at k=%d … %.3g at k=%d; log-log slope %.3f (kernel train residual %.2g)",
                gaps[0], (int) ks[0], gaps[w - 1], (int) ks[w - 1], slope, refResidual));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(ClaimCharts.traces(e, "gap", e.arm() + "-gap-vs-width",
                "Relative test gap ‖f_net − f_NTK-kernel‖/‖f_NTK-kernel‖ vs width (" + e.arm() + ")", "width k",
                "relative gap", true, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "slope", "log-log slope of gap vs width");
    }
}
