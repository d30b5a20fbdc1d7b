package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.FashionMnist;
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;

/**
 * Networks at initialization and in the kernel regime: layer-wise gradient norms
 * (assignment Problem 1), the NTK limit and lazy training (slides "Kernel Regime"; book C.20, B.4, A.11).
 */
class KernelRegimeChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("assignment.vanishing", LayerGradientRatio::new);
        checks.put("assignment.vanishing-tanh", LayerGradientRatio::new);
        checks.put("assignment.vanishing-tanh-weights", LayerGradientRatio::new);
        checks.put("book.C.20", KernelRegimeWidthGap::new);
        checks.put("slides.scale-lazy", KernelRegimeLazy::new);
        checks.put("book.A.11", KernelRegimeWidthBias::new);
    }

    /** A Fashion-MNIST class pair and a seed for the three nets' weights. */
    record PairInstance(int positiveClass, int negativeClass, long dataSeed, long initSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Fashion-MNIST %s vs %s, dataSeed=%d initSeed=%d",
                    FashionMnist.CLASS_NAMES[positiveClass], FashionMnist.CLASS_NAMES[negativeClass], dataSeed, initSeed);
        }
    }

    /**
     * r = m₂ / m_L (first and last hidden-to-hidden layer) of the mean logistic loss at initialization,
     * where m_l is, by setting {@code measure}, the Frobenius norm of ∇W_l ("weight_gradient", what the
     * assignment plots) or of the backpropagated error δ_l = ∂L/∂z_l over all examples ("delta", the
     * quantity the vanishing-gradient argument is about). Subject net: setting {@code activation} with
     * weights N(0, weight_gain/fan_in) and biases N(0, bias_std²); reference, as the statement contrasts
     * it: a ReLU net at He's 2/fan_in on the same data, measured the same way.
     */
    static final class LayerGradientRatio implements InstanceCheck<PairInstance>, ClaimRunner.KeyNumber {
        static final double VANISHED = 0.1;
        static final double SAME_ORDER = 10;
        static final String WEIGHT_GRADIENT = "weight_gradient";
        static final String DELTA = "delta";

        @Override
        public PairInstance draw(Trial trial) {
            Rng rng = trial.rng();
            int a = rng.nextInt(FashionMnist.CLASSES);
            int b = (a + 1 + rng.nextInt(FashionMnist.CLASSES - 1)) % FashionMnist.CLASSES;
            return new PairInstance(a, b, rng.nextLong(), rng.nextLong());
        }

        @Override
        public TrialResult check(PairInstance inst, Trial trial) {
            var s = trial.setting();
            String measure = s.choice("measure", WEIGHT_GRADIENT, DELTA);
            Activation subject = Activation.byName(s.text("activation"));
            double gain = s.real("weight_gain");
            double biasStd = s.real("bias_std");
            int perClass = s.integer("per_class");
            Classification data = FashionMnist.binary(FashionMnist.load().train(), inst.positiveClass(), inst.negativeClass(),
                    perClass, perClass, s.integer("pool"), new Rng(inst.dataSeed()));
            int hidden = s.integer("hidden_layers");
            int[] widths = new int[hidden];
            java.util.Arrays.fill(widths, s.integer("width"));
            Activation[] acts = {subject, Activation.RELU};
            // Init.XAVIER is N(0, 1/fan_in); gain σ_w² scales its variance
            Init[] inits = {Init.XAVIER.scaled(Math.sqrt(gain)), Init.HE};
            String[] tag = {"subject", "relu"};
            double[] r = new double[acts.length];
            var b = TrialResult.of(trial).instance(String.format(Locale.ROOT, "%s, %d hidden layers, %s at σ_w² = %.4g%s, "
                    + "measure %s", inst, hidden, subject.key(), gain, biasStd > 0 ? ", biases N(0, " + biasStd * biasStd + ")" : "",
                    measure));
            for (int k = 0; k < acts.length; k++) {
                // biases are always slots of θ (0 unless drawn), so δ_l can be read as ∂L/∂b_l; a zero bias
                // leaves the forward pass and the weight gradients exactly as in a bias-free net
                Mlp net = new Mlp(data.dim(), widths, acts[k], true);
                double[] theta = net.initialize(inits[k], new Rng(inst.initSeed()));
                if (k == 0 && biasStd > 0) {
                    Rng biasRng = Rng.stream(inst.initSeed(), "bias-init");
                    for (int l = 0; l < hidden; l++) {
                        int off = net.biasOffset(l).orElseThrow();
                        for (int j = 0; j < net.fanOut(l); j++) {
                            theta[off + j] = biasStd * biasRng.gaussian();
                        }
                    }
                }
                double[] grad = new double[theta.length];
                new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y()).valueAndGradient(theta, null, grad);
                double[] weights = net.layerGradientNorms(theta, grad);
                double[] deltas = deltaNorms(net, theta, data);
                double[] layer = new double[hidden];
                for (int l = 0; l < hidden; l++) {
                    layer[l] = l + 1;
                }
                double[] used = measure.equals(DELTA) ? deltas : weights;
                // layer 2 against layer L: both hidden-to-hidden, so the input's norm (which ∇W₁ carries) is not compared
                r[k] = used[1] / used[hidden - 1];
                b.metric("rFirst." + tag[k], weights[0] / weights[hidden - 1])
                        .metric("rWeights." + tag[k], weights[1] / weights[hidden - 1])
                        .metric("rDelta." + tag[k], deltas[1] / deltas[hidden - 1])
                        .metric("r." + tag[k], r[k]).trace(tag[k], layer, java.util.Arrays.copyOf(used, hidden));
            }
            boolean pass = r[0] < VANISHED && r[1] >= VANISHED && r[1] <= SAME_ORDER;
            return b.decide(r[0], pass, String.format(Locale.ROOT,
                    "%s ratio layer 2 / layer %d: %s %.3g (vanished if < %.1f), ReLU+He %.3g (same order if in [%.1f, %.0f])",
                    measure, hidden, subject.key(), r[0], VANISHED, r[1], VANISHED, SAME_ORDER));
        }

        /**
         * ‖δ_l‖ over all examples for each hidden layer: δ_{l,i} = ∂L/∂z_l at example i is the gradient of
         * b_l when only example i is pulled back with its loss weight ℓ'(f_i, y_i)/N.
         */
        static double[] deltaNorms(Mlp net, double[] theta, Classification data) {
            int n = data.examples();
            int hidden = net.depth() - 1;
            double[] f = new double[n];
            net.predict(theta, data.x(), null, f);
            double[] g = new double[theta.length];
            double[] sq = new double[hidden];
            for (int i = 0; i < n; i++) {
                double c = LogisticLoss.INSTANCE.derivative(f[i], data.label(i)) / n;
                net.pullback(theta, data.x(), new int[] {i}, new double[] {c}, g);
                for (int l = 0; l < hidden; l++) {
                    int off = net.biasOffset(l).orElseThrow();
                    for (int j = 0; j < net.fanOut(l); j++) {
                        sq[l] += g[off + j] * g[off + j];
                    }
                }
            }
            for (int l = 0; l < hidden; l++) {
                sq[l] = Math.sqrt(sq[l]);
            }
            return sq;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new ArrayList<>();
            for (String net : new String[] {"subject", "relu"}) {
                charts.add(ClaimCharts.traces(e, net, e.arm() + "-" + net + "-layer-gradient-norms",
                        "Per-layer gradient norm at initialization (the setting's measure: ‖∇W_l‖_F or ‖δ_l‖), "
                                + (net.equals("relu") ? "ReLU (He)" : "subject net") + " (" + e.arm() + ")",
                        "hidden layer l (1 = input side)", "norm", false, true));
            }
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT, "r = layer 2 / last layer: subject in [%.3g, %.3g] (vanished if < %.1f); ReLU+He in [%.3g, %.3g]",
                    extreme(e, "r.subject", -1), extreme(e, "r.subject", 1), VANISHED, extreme(e, "r.relu", -1),
                    extreme(e, "r.relu", 1));
        }

        /** The largest (sign = 1) or smallest (sign = −1) value of a metric over the arm's trials. */
        private static double extreme(Evidence e, String metric, double sign) {
            return sign * e.trials().stream().mapToDouble(t -> sign * t.metrics().getOrDefault(metric, Double.NaN)).max()
                    .orElse(Double.NaN);
        }
    }
}
