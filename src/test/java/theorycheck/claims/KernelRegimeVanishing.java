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
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;

/**
 * assignment.vanishing: per-layer gradient norms ‖∂L/∂W_l‖_F of the squared loss at initialization,
 * for a sigmoid net with fan-in init N(0, 1/n) and a ReLU net with He init N(0, 2/n), same widths and
 * data. PASS when the sigmoid first/last ratio is ≤ {@link #VANISH} and the ReLU one lies in
 * [1/{@link #SAME_ORDER}, {@link #SAME_ORDER}]. The control uses depth {@link #SHALLOW_DEPTH}: with
 * one backward step through σ' ≤ 1/4 there is nothing to compound, so the sigmoid ratio stays O(1).
 */
final class KernelRegimeVanishing implements InstanceCheck<KernelRegimeVanishing.Instance>, ClaimRunner.KeyNumber {
    static final double VANISH = 1e-2;
    static final double SAME_ORDER = 10.0;
    static final int SHALLOW_DEPTH = 2;
    private final boolean shallow;

    KernelRegimeVanishing(boolean shallow) {
        this.shallow = shallow;
    }

    /** n samples x ~ N(0, I_d), targets y ~ N(0, 1), hidden width k, weight layers L. */
    record Instance(int d, int k, int layers, int n, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d k=%d L=%d n=%d", d, k, layers, n);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        int[] kr = s.intRange("width");
        int k = trial.rng().intBetween(kr[0], kr[1]);
        int layers = shallow ? SHALLOW_DEPTH : s.integer("layers");
        return new Instance(k, k, layers, s.integer("n"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Rng rng = new Rng(inst.seed());
        Mat x = new Mat(inst.n(), inst.d(), rng.gaussianVector(inst.n() * inst.d(), 1.0));
        double[] y = rng.gaussianVector(inst.n(), 1.0);
        double[] sig = layerGradNorms(inst, Activation.SIGMOID, Init.XAVIER, x, y, rng.split());
        double[] relu = layerGradNorms(inst, Activation.RELU, Init.HE, x, y, rng.split());
        var b = TrialResult.of(trial).instance(inst.toString());
        for (double v : sig) {
            if (!Double.isFinite(v)) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "non-finite sigmoid gradient");
            }
        }
        for (double v : relu) {
            if (!Double.isFinite(v)) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "non-finite ReLU gradient");
            }
        }
        double rs = sig[0] / sig[sig.length - 1];
        double rr = relu[0] / relu[relu.length - 1];
        double[] idx = new double[sig.length];
        for (int l = 0; l < idx.length; l++) {
            idx[l] = l + 1;
        }
        b.metric("ratioSigmoid", rs).metric("ratioRelu", rr);
        b.trace("sigmoid", idx, sig).trace("relu", idx, relu);
        boolean pass = rs <= VANISH && rr >= 1 / SAME_ORDER && rr <= SAME_ORDER;
        return b.decide(rs, pass, String.format(Locale.ROOT,
                "first/last layer gradient norm: sigmoid+N(0,1/n) %.3g, ReLU+He %.3g", rs, rr));
    }

    /** ‖∂L/∂W_l‖_F for L(θ) = (1/2n)Σ(f_θ(xᵢ) − yᵢ)², one fresh init. */
    static double[] layerGradNorms(Instance inst, Activation act, Init init, Mat x, double[] y, Rng rng) {
        int[] widths = new int[inst.layers() - 1];
        java.util.Arrays.fill(widths, inst.k());
        Mlp net = new Mlp(inst.d(), widths, act, false);
        double[] theta = net.initialize(init, rng);
        double[] f = new double[inst.n()];
        net.predict(theta, x, null, f);
        double[] coef = new double[inst.n()];
        for (int i = 0; i < coef.length; i++) {
            coef[i] = (f[i] - y[i]) / inst.n();
        }
        double[] grad = new double[net.numParams()];
        net.pullback(theta, x, null, coef, grad);
        return net.layerGradientNorms(theta, grad);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new java.util.ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= ClaimCharts.MAX_CURVES) {
                break;
            }
            for (String name : new String[] {"sigmoid", "relu"}) {
                double[][] tr = t.traces().get(name);
                if (tr != null) {
                    series.add(Chart.Series.line(name + " trial " + t.index(), tr[0], tr[1]));
                }
            }
        }
        return List.of(new Chart(e.arm() + "-layer-grad-norms",
                "‖∂L/∂W_l‖_F by layer at init, sigmoid+N(0,1/n) vs ReLU+He (" + e.arm() + ")", "layer l (1 = input)",
                "gradient norm", false, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetClaims.range(e, "ratioSigmoid", "sigmoid first/last ratio") + "; "
                + DiagonalNetClaims.range(e, "ratioRelu", "ReLU+He first/last ratio");
    }
}
