package theorycheck.claims;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.measure.TangentKernel;
import theorycheck.model.TwoLayerNtkNet;
import theorycheck.reference.ArcCosineKernel;

/**
 * book.A.11: two lazily trained two-layer ReLU nets of different widths (unbiased start, output scale
 * α, step η/α²) on the same data. Each is compared with kernel GD under its own empirical tangent
 * kernel K₀ (the "min RKHS norm" implicit bias at that width) and the two predictors with each other.
 * The statement "does not depend on width" PASSes when the two predictors differ by at most
 * {@link #SAME} relative on the test set. Claim arm: a narrow and a wide net; control: two very wide
 * nets, where the predictors approach the same infinite-width limit.
 */
final class KernelRegimeWidthBias implements InstanceCheck<KernelRegimeWidthBias.Instance>, ClaimRunner.KeyNumber {
    static final double SAME = 0.05;
    private final String widthKey;

    KernelRegimeWidthBias(String widthKey) {
        this.widthKey = widthKey;
    }

    record Instance(int n, int nTest, int d, int[] widths, double alpha, int steps, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d d=%d widths %d and %d α=%.3g T=%d", n, d, widths[0], widths[1],
                    alpha, steps);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        return new Instance(s.integer("n"), s.integer("n_test"), s.integer("d"), s.intRange(widthKey),
                s.real("alpha"), s.integer("steps"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Rng rng = new Rng(inst.seed());
        var data = KernelRegimeTraining.Data.draw(inst.n(), inst.nTest(), inst.d(), rng);
        double eta = 1 / KernelRegimeTraining.lambdaMax(
                ArcCosineKernel.gram(data.x(), data.x(), ArcCosineKernel.Part.BOTH));
        var b = TrialResult.of(trial).instance(inst.toString());
        double[][] preds = new double[2][];
        double[] ownKernelGap = new double[2];
        for (int i = 0; i < 2; i++) {
            int k = inst.widths()[i];
            TwoLayerNtkNet net = new TwoLayerNtkNet(inst.d(), k);
            double[] theta0 = net.initializeUnbiased(rng.split());
            double[] theta = KernelRegimeTraining.train(net, theta0, data.x(), data.y(), inst.alpha(), eta,
                    inst.steps());
            if (theta == null) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "GD diverged at width " + k);
            }
            preds[i] = KernelRegimeTraining.scaledOutput(net, theta, theta0, data.xTest(), inst.alpha());
            Mat k0 = TangentKernel.gram(net, theta0, data.x(), data.x());
            Mat k0Test = TangentKernel.gram(net, theta0, data.xTest(), data.x());
            double[] own = KernelRegimeTraining.kernelGd(k0, k0Test, data.y(), eta, inst.steps());
            ownKernelGap[i] = KernelRegimeTraining.relDistance(preds[i], own);
            b.metric("ownKernelGap_k" + k, ownKernelGap[i]);
        }
        double diff = KernelRegimeTraining.relDistance(preds[0], preds[1]);
        b.metric("widthDifference", diff).metric("maxOwnKernelGap", Math.max(ownKernelGap[0], ownKernelGap[1]));
        double[] idx = new double[preds[0].length];
        for (int t = 0; t < idx.length; t++) {
            idx[t] = t;
        }
        b.trace("narrow", idx, preds[0]).trace("wide", idx, preds[1]);
        return b.decide(diff, diff <= SAME, String.format(Locale.ROOT,
                "predictors at widths %d and %d differ by %.3g; each within %.3g / %.3g of kernel GD with its own K₀",
                inst.widths()[0], inst.widths()[1], diff, ownKernelGap[0], ownKernelGap[1]));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        Chart.Series s = ClaimCharts.scatter(e, "maxOwnKernelGap", "widthDifference");
        return List.of(new Chart(e.arm() + "-width-difference",
                "Difference between the two widths' predictors vs each net's gap to its own-K₀ kernel GD ("
                        + e.arm() + ")", "max gap to own-kernel predictor", "relative difference between widths",
                true, true, List.of(s)));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetClaims.range(e, "widthDifference", "difference between widths' predictors") + "; "
                + DiagonalNetClaims.range(e, "maxOwnKernelGap", "gap to own-K₀ kernel GD");
    }
}
