package theorycheck.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Classification;
import theorycheck.data.FashionMnist;
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;

/**
 * Networks at initialization and in the kernel regime (CATALOGUE.md §6): layer-wise gradient norms
 * (assignment Problem 1), the NTK limit and lazy training (slides "Kernel Regime"; book C.20, B.4, A.11).
 */
class KernelRegimeClaims {

    @Test
    @ClaimId("assignment.vanishing")
    void assignment_vanishing() {
        ClaimVerifier.verify("assignment.vanishing",
                new LayerGradientRatio(Activation.SIGMOID, LayerGradientRatio.TORCH_DEFAULT, "hidden_layers"),
                new LayerGradientRatio(Activation.SIGMOID, LayerGradientRatio.TORCH_DEFAULT, "control_hidden_layers"));
    }

    @Test
    @ClaimId("assignment.vanishing-tanh")
    void assignment_vanishing_tanh() {
        ClaimVerifier.verify("assignment.vanishing-tanh",
                new LayerGradientRatio(Activation.TANH, LayerGradientRatio.TORCH_DEFAULT, "hidden_layers"),
                new LayerGradientRatio(Activation.TANH, Init.XAVIER.scaled(Math.sqrt(0.1)), "hidden_layers", 1.0));
    }

    @Test
    @ClaimId("book.C.20")
    void book_C_20() {
        ClaimVerifier.verify("book.C.20", new KernelRegimeWidthGap(false), new KernelRegimeWidthGap(true));
    }

    @Test
    @ClaimId("slides.scale-lazy")
    void slides_scale_lazy() {
        ClaimVerifier.verify("slides.scale-lazy", new KernelRegimeLazy("alpha"), new KernelRegimeLazy("control_alpha"));
    }

    @Test
    @ClaimId("book.A.11")
    void book_A_11() {
        ClaimVerifier.verify("book.A.11", new KernelRegimeWidthBias("widths"), new KernelRegimeWidthBias("control_widths"));
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
     * r = ‖∇W₂‖_F / ‖∇W_L‖_F (first and last hidden-to-hidden layer) of the mean logistic loss at
     * initialization, for the subject net (sigmoid or tanh at a given init) and, as the reference the
     * statement contrasts it with, a ReLU net at He's 2/fan_in on the same data.
     */
    static final class LayerGradientRatio implements InstanceCheck<PairInstance>, ClaimRunner.KeyNumber {
        static final double VANISHED = 0.1;
        static final double SAME_ORDER = 10;
        /** PyTorch's nn.Linear default U(±1/√fan_in) has variance 1/(3·fan_in). */
        static final Init TORCH_DEFAULT = Init.XAVIER.scaled(1 / Math.sqrt(3));
        private final Activation subject;
        private final Init subjectInit;
        /** Setting key with the number of hidden layers. */
        private final String depthKey;
        /** Standard deviation of the subject net's biases; 0: no biases (the assignment's nets). */
        private final double biasStd;

        LayerGradientRatio(Activation subject, Init subjectInit, String depthKey) {
            this(subject, subjectInit, depthKey, 0);
        }

        LayerGradientRatio(Activation subject, Init subjectInit, String depthKey, double biasStd) {
            this.subject = subject;
            this.subjectInit = subjectInit;
            this.depthKey = depthKey;
            this.biasStd = biasStd;
        }

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
            int perClass = s.integer("per_class");
            Classification data = FashionMnist.binary(FashionMnist.load().train(), inst.positiveClass(), inst.negativeClass(),
                    perClass, perClass, s.integer("pool"), new Rng(inst.dataSeed()));
            int hidden = s.integer(depthKey);
            int[] widths = new int[hidden];
            java.util.Arrays.fill(widths, s.integer("width"));
            Activation[] acts = {subject, Activation.RELU};
            Init[] inits = {subjectInit, Init.HE};
            double[] r = new double[acts.length];
            var b = TrialResult.of(trial).instance(inst + ", " + hidden + " hidden layers, " + name(subject) + " at "
                    + subjectInit + (biasStd > 0 ? ", biases N(0, " + biasStd * biasStd + ")" : ""));
            for (int k = 0; k < acts.length; k++) {
                boolean biased = k == 0 && biasStd > 0;
                Mlp net = new Mlp(data.dim(), widths, acts[k], biased);
                double[] theta = net.initialize(inits[k], new Rng(inst.initSeed()));
                if (biased) {
                    // Init starts biases at 0; the control draws them, which moves tanh into its ordered phase
                    Rng biasRng = new Rng(inst.initSeed() ^ 0xB1A5L);
                    for (int l = 0; l < hidden; l++) {
                        int off = net.biasOffset(l).orElseThrow();
                        for (int j = 0; j < net.fanOut(l); j++) {
                            theta[off + j] = biasStd * biasRng.gaussian();
                        }
                    }
                }
                double[] grad = new double[theta.length];
                new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y()).valueAndGradient(theta, null, grad);
                double[] norms = net.layerGradientNorms(theta, grad);
                double[] layer = new double[hidden];
                for (int l = 0; l < hidden; l++) {
                    layer[l] = l + 1;
                }
                // W₂ against W_L: both hidden-to-hidden, so the input's norm (which ∇W₁ carries) is not compared
                r[k] = norms[1] / norms[hidden - 1];
                b.metric(k == 0 ? "rFirst.subject" : "rFirst.relu", norms[0] / norms[hidden - 1]);
                b.metric(k == 0 ? "r.subject" : "r.relu", r[k]).trace(k == 0 ? "subject" : "relu", layer,
                        java.util.Arrays.copyOf(norms, hidden));
            }
            boolean pass = r[0] < VANISHED && r[1] >= VANISHED && r[1] <= SAME_ORDER;
            return b.decide(r[0], pass, String.format(Locale.ROOT,
                    "‖∇W₂‖/‖∇W_%d‖: %s %.3g (vanished if < %.1f), ReLU+He %.3g (same order if in [%.1f, %.0f])",
                    hidden, name(subject), r[0], VANISHED, r[1], VANISHED, SAME_ORDER));
        }

        private static String name(Activation a) {
            return a.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new ArrayList<>();
            for (String net : new String[] {"subject", "relu"}) {
                charts.add(ClaimCharts.traces(e, net, e.arm() + "-" + net + "-layer-gradient-norms",
                        "‖∇W_l‖_F at initialization, " + (net.equals("relu") ? "ReLU (He)" : name(subject) + " at " + subjectInit)
                                + " (" + e.arm() + ")", "hidden layer l (1 = input side)", "‖∇W_l‖_F", false, true));
            }
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT, "r = ‖∇W₂‖/‖∇W_last‖: %s in [%.3g, %.3g] (vanished if < %.1f); ReLU+He in [%.3g, %.3g]",
                    name(subject), extreme(e, "r.subject", -1), extreme(e, "r.subject", 1), VANISHED, extreme(e, "r.relu", -1),
                    extreme(e, "r.relu", 1));
        }

        /** The largest (sign = 1) or smallest (sign = −1) value of a metric over the arm's trials. */
        private static double extreme(Evidence e, String metric, double sign) {
            return sign * e.trials().stream().mapToDouble(t -> sign * t.metrics().getOrDefault(metric, Double.NaN)).max()
                    .orElse(Double.NaN);
        }
    }
}
