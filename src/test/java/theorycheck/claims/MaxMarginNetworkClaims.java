package theorycheck.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.model.Activation;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.Init;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/** Margins of networks on separable data: homogeneous nets, depth and activation. */
class MaxMarginNetworkClaims {

    @Test
    @ClaimId("lit.homogeneous-margin")
    void lit_homogeneous_margin() {
        ClaimVerifier.verify("lit.homogeneous-margin", new HomogeneousMargin());
    }

    @Test
    @ClaimId("slides.diag-logistic")
    void slides_diag_logistic() {
        ClaimVerifier.verify("slides.diag-logistic", new DiagonalL1Margin());
    }

    /**
     * GD on the depth-2 diagonal net β = u² − v² (u = v = α·1 at the start) with the mean logistic
     * loss, judged by the ℓ1 margin ratio γ₁(β_t)/γ₁* against the min-ℓ1 max-margin LP, and by its
     * trend over the last decade of the run.
     */
    static final class DiagonalL1Margin implements InstanceCheck<MaxMarginClaims.SeparableInstance>,
            ClaimRunner.KeyNumber {
        /** An instance separates the ℓ1 and ℓ2 answers when the ℓ2 one is at least this far short in ℓ1 margin. */
        static final double DISTINCT_L1 = 0.05;

        @Override
        public MaxMarginClaims.SeparableInstance draw(Trial trial) {
            return MaxMarginClaims.SeparableInstance.draw(trial);
        }

        @Override
        public TrialResult check(MaxMarginClaims.SeparableInstance inst, Trial trial) {
            var s = trial.setting();
            Classification data = inst.data();
            double[] ar = s.range("alpha");
            // α log-uniform in its range, drawn from the instance's own seed so both arms stay reproducible
            double alpha = ar[0] * Math.pow(ar[1] / ar[0], new Rng(inst.dataSeed() ^ 0xA1FAL).uniform());
            MaxMargin.Result l1 = MaxMargin.l1(data);
            MaxMargin.Result l2 = MaxMargin.l2(data);
            double l2ShortInL1 = 1 - MarginMeasures.normalizedMargin(l2.direction(), data, Norm.L1) / l1.margin();
            DiagonalLinearNet net = new DiagonalLinearNet(inst.d(), 2);
            // Gauss–Newton part of the smoothness at the start: Jᵀ(XᵀΛX/m)J with J = 2α·[I, −I], Λ = 1/4 at β = 0
            double lr = inst.stepFraction() / (GramSpectrum.of(data.x()).lambdaMax() * 2 * alpha * alpha + 1e-12);
            lr = Math.min(lr, s.real("max_lr"));
            long steps = s.integer("steps");
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("l1Ratio", th -> ratio(net.effectiveWeights(th), data, Norm.L1, l1.margin()));
            probes.put("l2Ratio", th -> ratio(net.effectiveWeights(th), data, Norm.L2, l2.margin()));
            EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
            TrainResult run = Trainer.run(risk, new GradientDescent(lr), BatchSampler.full(), net.uniformInit(alpha),
                    new TrainConfig(steps, 0, 0, 100, 1e12, 80), probes);
            double[] t = ClaimCharts.toArray(run.trajectory().steps());
            double[] r1 = ClaimCharts.toArray(run.trajectory().series("l1Ratio"));
            double[] r2 = ClaimCharts.toArray(run.trajectory().series("l2Ratio"));
            double end = r1[r1.length - 1];
            double decadeAgo = MaxMarginRateClaims.at(t, r1, steps / 10);
            var b = TrialResult.of(trial).instance(inst.withoutStep() + String.format(Locale.ROOT, " α=%.3g lr=%.3g", alpha,
                    lr)).metric("alpha", alpha).metric("lr", lr).metric("l2ShortInL1", l2ShortInL1)
                    .metric("l1RatioAtT", end).metric("l1RatioAtT/10", decadeAgo).metric("l2RatioAtT", r2[r2.length - 1])
                    .metric("lossAtT", run.loss()).trace("l1Ratio", t, r1).trace("l2Ratio", t, r2);
            if (!l1.converged() || !l2.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, end, "a max-margin reference did not verify its optimality");
            }
            if (l2ShortInL1 < DISTINCT_L1) {
                return b.outcome(Outcome.INCONCLUSIVE, end, String.format(Locale.ROOT,
                        "the ℓ2 answer is only %.3g short in ℓ1 margin: the instance cannot tell ℓ1 from ℓ2", l2ShortInL1));
            }
            if (run.diverged() || !(run.loss() > 0)) {
                return b.outcome(Outcome.INCONCLUSIVE, end, "run diverged or the loss underflowed: " + run.detail());
            }
            double gap1 = 1 - end;
            double gap2 = 1 - r2[r2.length - 1];
            boolean pass = gap1 < gap2 && end >= decadeAgo;
            return b.decide(end, pass, String.format(Locale.ROOT,
                    "ℓ1 margin gap %.4f vs ℓ2 margin gap %.4f at t=%d (need the ℓ1 gap smaller); ℓ1 ratio %.4f, %.4f a decade "
                            + "earlier (need not falling); the ℓ2 answer is %.3f short in ℓ1 margin", gap1, gap2, steps, end,
                    decadeAgo, l2ShortInL1));
        }

        private static double ratio(double[] beta, Classification data, Norm norm, double best) {
            return Vec.norm2(beta) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(beta, data, norm) / best;
        }


        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "l1Ratio", e.arm() + "-l1-margin-ratio",
                            "diagonal net u² − v², GD, logistic: ℓ1 margin ratio γ₁(β_t)/γ₁* (" + e.arm() + ")", "step t",
                            "γ₁(β_t)/γ₁*", true, false),
                    ClaimCharts.traces(e, "l2Ratio", e.arm() + "-l2-margin-ratio",
                            "diagonal net u² − v², GD, logistic: ℓ2 margin ratio γ₂(β_t)/γ₂* (" + e.arm() + ")", "step t",
                            "γ₂(β_t)/γ₂*", true, false));
        }

        @Override
        public String keyNumber(Evidence e) {
            double min = e.trials().stream().mapToDouble(t -> t.metrics().get("l1RatioAtT")).min().orElse(Double.NaN);
            double aMin = e.trials().stream().mapToDouble(t -> t.metrics().get("alpha")).min().orElse(Double.NaN);
            double aMax = e.trials().stream().mapToDouble(t -> t.metrics().get("alpha")).max().orElse(Double.NaN);
            double max2 = e.trials().stream().mapToDouble(t -> t.metrics().get("l2RatioAtT")).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "ℓ1 margin ratio at the end ≥ %.4f, ℓ2 margin ratio ≤ %.4f, α in [%.3g, %.3g]",
                    min, max2, aMin, aMax);
        }
    }

    @Test
    @ClaimId("seed.depth-deviation")
    void seed_depth_deviation() {
        ClaimVerifier.verify("seed.depth-deviation", OptimizerMarginGap.depth("deep", "shallow"));
    }

    @Test
    @ClaimId("seed.relu-vs-smooth")
    void seed_relu_vs_smooth() {
        ClaimVerifier.verify("seed.relu-vs-smooth", OptimizerMarginGap.activation("depth", "other_depth"));
    }

    /**
     * The seed repository's "margin deviation" read as δ_o = |ln(γ_o/γ_GD)| for o ∈ {Adam, Lion},
     * with γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L after an equal step budget from the same θ₀, averaged over the two
     * optimizers: δ̄. A trial compares δ̄ of one architecture ("subject") with δ̄ of one or more others
     * on the same data: PASS when the subject's is larger than the others' mean, FAIL when smaller.
     */
    static final class OptimizerMarginGap implements InstanceCheck<OptimizerMarginGap.Instance>,
            ClaimRunner.KeyNumber {
        record Arch(int depth, Activation activation) {
            @Override
            public String toString() {
                return activation.name().toLowerCase(Locale.ROOT) + " depth " + depth;
            }
        }

        record Instance(Arch subject, List<Arch> others, long dataSeed, long initSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%s vs %s, dataSeed=%d initSeed=%d", subject, others, dataSeed, initSeed);
            }
        }

        private final String subjectDepthKey;
        private final String otherDepthKey;
        private final boolean byActivation;

        private OptimizerMarginGap(String subjectDepthKey, String otherDepthKey, boolean byActivation) {
            this.subjectDepthKey = subjectDepthKey;
            this.otherDepthKey = otherDepthKey;
            this.byActivation = byActivation;
        }

        /** ReLU nets of depth setting[subjectKey] against depth setting[otherKey]. */
        static OptimizerMarginGap depth(String subjectKey, String otherKey) {
            return new OptimizerMarginGap(subjectKey, otherKey, false);
        }

        /** A ReLU net of depth setting[subjectKey] against tanh and GELU nets of depth setting[otherKey]. */
        static OptimizerMarginGap activation(String subjectKey, String otherKey) {
            return new OptimizerMarginGap(subjectKey, otherKey, true);
        }

        @Override
        public Instance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            Arch subject = new Arch(s.integer(subjectDepthKey), Activation.RELU);
            List<Arch> others = byActivation
                    ? List.of(new Arch(s.integer(otherDepthKey), Activation.TANH), new Arch(s.integer(otherDepthKey),
                            Activation.GELU))
                    : List.of(new Arch(s.integer(otherDepthKey), Activation.RELU));
            return new Instance(subject, others, rng.nextLong(), rng.nextLong());
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            var s = trial.setting();
            Classification data = SeparableDesigns.plantedMargin(s.integer("m"), s.integer("d"), s.real("gamma"),
                    new Rng(inst.dataSeed()));
            var b = TrialResult.of(trial).instance(inst.toString());
            List<Arch> all = new java.util.ArrayList<>();
            all.add(inst.subject());
            all.addAll(inst.others());
            double[] dev = new double[all.size()];
            String failure = null;
            for (int k = 0; k < all.size(); k++) {
                Arch arch = all.get(k);
                double[] gammas = margins(arch, data, inst.initSeed(), s, b, "arch" + k);
                String key = arch.activation().name().toLowerCase(Locale.ROOT) + arch.depth();
                b.metric(key + ".GD", gammas[0]).metric(key + ".Adam", gammas[1]).metric(key + ".Lion", gammas[2]);
                for (double g : gammas) {
                    if (!(g > 0)) {
                        failure = arch + " left a point misclassified or diverged (normalized margins GD/Adam/Lion "
                                + String.format(Locale.ROOT, "%.3g/%.3g/%.3g)", gammas[0], gammas[1], gammas[2]);
                    }
                }
                dev[k] = 0.5 * (Math.abs(Math.log(gammas[1] / gammas[0])) + Math.abs(Math.log(gammas[2] / gammas[0])));
                b.metric(key + ".deviation", dev[k]);
            }
            double others = 0;
            for (int k = 1; k < dev.length; k++) {
                b.metric("difference" + k, dev[0] - dev[k]);
                others += dev[k] / (dev.length - 1);
            }
            // the subject against the others' mean: one signed number per trial, no split outcome
            double diff = dev[0] - others;
            b.metric("differenceToMean", diff);
            if (failure != null) {
                return b.outcome(Outcome.INCONCLUSIVE, diff, failure);
            }
            String note = String.format(Locale.ROOT, "mean deviation |ln γ_o/γ_GD| over Adam, Lion: %s %.4f vs %s; "
                    + "difference to their mean %.4f", all.get(0), dev[0], othersText(all, dev), diff);
            if (diff == 0) {
                return b.outcome(Outcome.INCONCLUSIVE, diff, note + " (a tie)");
            }
            return b.decide(diff, diff > 0, note);
        }

        private static String othersText(List<Arch> all, double[] dev) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1; k < all.size(); k++) {
                sb.append(k > 1 ? ", " : "").append(String.format(Locale.ROOT, "%s %.4f", all.get(k), dev[k]));
            }
            return sb.toString();
        }

        /** γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L after GD, Adam and Lion from the same θ₀ (NaN for a diverged run). */
        private static double[] margins(Arch arch, Classification data, long initSeed, theorycheck.claim.Setting s,
                TrialResult.Builder b, String traceKey) {
            int[] widths = new int[arch.depth() - 1];
            java.util.Arrays.fill(widths, s.integer("width"));
            Mlp net = new Mlp(data.dim(), widths, arch.activation(), false);
            // same weights for every activation: the init is drawn for the shape, not the activation
            double[] theta0 = net.initialize(Init.HE, new Rng(initSeed));
            theorycheck.optim.Optimizer[] opts = {new GradientDescent(s.real("gd_lr")),
                    theorycheck.optim.Adam.withDefaults(s.real("adam_lr")),
                    theorycheck.optim.Lion.withDefaults(s.real("lion_lr"))};
            String[] names = {"GD", "Adam", "Lion"};
            EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
            double[] out = new double[3];
            for (int k = 0; k < 3; k++) {
                Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
                probes.put("margin", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, arch.depth()));
                TrainResult run = Trainer.run(risk, opts[k], BatchSampler.full(), theta0,
                        new TrainConfig(s.integer("steps"), 0, 0, 100, 1e12, 40), probes);
                out[k] = run.diverged() ? Double.NaN
                        : MarginMeasures.homogeneousNormalizedMargin(net, run.theta(), data, arch.depth());
                b.trace(arch + " " + names[k], ClaimCharts.toArray(run.trajectory().steps()),
                        ClaimCharts.toArray(run.trajectory().series("margin")));
            }
            return out;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new java.util.ArrayList<>();
            TrialResult first = e.trials().get(0);
            for (String name : first.traces().keySet()) {
                charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name.replaceAll("[^A-Za-z0-9]+", "-"),
                        name + ": normalized margin minᵢ yᵢf(xᵢ)/‖θ‖₂^L (" + e.arm() + ")", "step t", "γ(θ_t)", true,
                        false));
            }
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            double[] diffs = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("differenceToMean", Double.NaN))
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = diffs.length == 0 ? Double.NaN : diffs[diffs.length / 2];
            return String.format(Locale.ROOT, "median difference of mean deviations (subject − mean of the others): %.4f "
                    + "over %d trials", median, diffs.length);
        }
    }

    /**
     * A bias-free net on random-label data (Gaussian inputs, m &gt; d, so a non-linear net is needed),
     * its depth, width and data drawn per trial.
     */
    record NetInstance(int m, int d, int depth, int width, Activation activation, long dataSeed, long initSeed) {
        static NetInstance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            int[] dr = s.intRange("depth");
            int[] wr = s.intRange("width");
            return new NetInstance(s.integer("m"), s.integer("d"), rng.intBetween(dr[0], dr[1]),
                    rng.intBetween(wr[0], wr[1]), Activation.byName(s.text("activation")),
                    rng.nextLong(), rng.nextLong());
        }

        Classification data() {
            return SeparableDesigns.randomLabels(m, d, new Rng(dataSeed));
        }

        Mlp net() {
            int[] widths = new int[depth - 1];
            java.util.Arrays.fill(widths, width);
            return new Mlp(d, widths, activation, false);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "random labels m=%d d=%d, bias-free %s net depth %d width %d, dataSeed=%d "
                    + "initSeed=%d", m, d, activation.name().toLowerCase(Locale.ROOT), depth, width, dataSeed, initSeed);
        }
    }

    /**
     * GD on the mean logistic loss of a bias-free ReLU net (L-homogeneous, L = depth); after the
     * first recorded step with mean loss below log 2/m (every point classified), Lyu &amp; Li's
     * smoothed margin γ̃ must not fall (beyond a discretization allowance) and the normalized margin
     * γ = minᵢ yᵢf(xᵢ)/‖θ‖₂^L must end higher than it was at the threshold. The optimizer comes from
     * the setting: step {@code lr}, heavy-ball {@code momentum} (0: plain GD) and mini-{@code batch}
     * size (≥ m: full batch).
     */
    static final class HomogeneousMargin implements InstanceCheck<NetInstance>, ClaimRunner.KeyNumber {
        /** Largest relative fall of γ̃ between recorded points allowed for GD's discretization (see the claim file). */
        static final double SMOOTHED_DROP_TOL = 1e-3;

        @Override
        public NetInstance draw(Trial trial) {
            return NetInstance.draw(trial);
        }

        @Override
        public TrialResult check(NetInstance inst, Trial trial) {
            var s = trial.setting();
            Classification data = inst.data();
            Mlp net = inst.net();
            int degree = net.homogeneityDegree().orElseThrow();
            double[] theta0 = net.initialize(Init.HE, new Rng(inst.initSeed()));
            double lr = s.real("lr");
            double momentum = s.real("momentum");
            int batch = s.integer("batch");
            long steps = s.integer("steps");
            int m = data.examples();
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("margin", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, degree));
            probes.put("smoothed", th -> MarginMeasures.logisticSmoothedMargin(net, th, data, degree));
            // min yf/‖θ‖₂, which is not a margin for L ≥ 2: recorded to show what the wrong power does
            probes.put("byNorm", th -> MarginMeasures.homogeneousNormalizedMargin(net, th, data, 1));
            EmpiricalRisk risk = new EmpiricalRisk(net, LogisticLoss.INSTANCE, data.x(), data.y());
            BatchSampler sampler = batch < m ? BatchSampler.withoutReplacement(m, batch, new Rng(inst.initSeed() + 1))
                    : BatchSampler.full();
            theorycheck.optim.Optimizer opt = momentum > 0 ? new theorycheck.optim.HeavyBall(lr, momentum)
                    : new GradientDescent(lr);
            TrainResult run = Trainer.run(risk, opt, sampler, theta0,
                    new TrainConfig(steps, 0, 0, 100, 1e12, 120), probes);
            double[] t = ClaimCharts.toArray(run.trajectory().steps());
            double[] loss = ClaimCharts.toArray(run.trajectory().series("loss"));
            double[] margin = ClaimCharts.toArray(run.trajectory().series("margin"));
            double[] smoothed = ClaimCharts.toArray(run.trajectory().series("smoothed"));
            double[] byNorm = ClaimCharts.toArray(run.trajectory().series("byNorm"));
            double threshold = Math.log(2) / m;
            int first = -1;
            for (int i = 0; i < t.length; i++) {
                if (loss[i] < threshold) {
                    first = i;
                    break;
                }
            }
            var b = TrialResult.of(trial).instance(inst + " " + opt.describe() + " " + sampler.describe())
                    .metric("depth", inst.depth()).metric("width", inst.width()).metric("lr", lr)
                    .metric("lossAtT", run.loss()).trace("margin", t, margin).trace("smoothed", t, smoothed)
                    .trace("loss", t, loss);
            if (run.diverged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "run diverged: " + run.detail());
            }
            if (first < 0 || t[first] > steps / 10.0) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, String.format(Locale.ROOT,
                        "mean loss fell below log 2/m = %.4g only at %s: too little of the run is left to judge", threshold,
                        first < 0 ? "no recorded step" : "step " + (long) t[first]));
            }
            double worstDrop = 0;
            double best = smoothed[first];
            double worstMarginDrop = 0;
            double bestMargin = margin[first];
            int backAbove = 0;
            for (int i = first + 1; i < t.length; i++) {
                worstMarginDrop = Math.max(worstMarginDrop, (bestMargin - margin[i]) / Math.abs(bestMargin));
                bestMargin = Math.max(bestMargin, margin[i]);
                if (Double.isNaN(smoothed[i])) {
                    // γ̃ is undefined once the summed loss is back at or above log 2: there log(1/(e^L − 1)) ≤ 0,
                    // so γ̃ has fallen by at least its whole value
                    backAbove++;
                    worstDrop = Math.max(worstDrop, 1);
                    continue;
                }
                worstDrop = Math.max(worstDrop, (best - smoothed[i]) / Math.abs(best));
                best = Math.max(best, smoothed[i]);
            }
            double gain = margin[margin.length - 1] / margin[first];
            b.metric("thresholdStep", t[first]).metric("marginAtThreshold", margin[first])
                    .metric("marginAtT", margin[margin.length - 1]).metric("marginGain", gain)
                    .metric("byNormGain", byNorm[byNorm.length - 1] / byNorm[first])
                    .metric("smoothedWorstRelativeDrop", worstDrop).metric("marginWorstRelativeDrop", worstMarginDrop)
                    .metric("recordedStepsBackAboveThreshold", backAbove);
            boolean pass = worstDrop <= SMOOTHED_DROP_TOL && gain > 1;
            return b.decide(worstDrop, pass, String.format(Locale.ROOT,
                    "after step %d (mean loss < log 2/m): smoothed margin's largest relative fall %.2e (≤ %.0e passes); "
                            + "normalized margin %.4g → %.4g (×%.3f), its largest relative fall %.2e; summed loss back "
                            + "above log 2 at %d recorded steps",
                    (long) t[first], worstDrop, SMOOTHED_DROP_TOL, margin[first], margin[margin.length - 1], gain,
                    worstMarginDrop, backAbove));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "margin", e.arm() + "-normalized-margin",
                            "bias-free ReLU net: normalized margin minᵢ yᵢf(xᵢ)/‖θ‖₂^L (" + e.arm() + ")", "step t",
                            "γ(θ_t)", true, false),
                    ClaimCharts.traces(e, "smoothed", e.arm() + "-smoothed-margin",
                            "Lyu–Li smoothed margin log(1/(e^ℓ − 1))/‖θ‖₂^L, summed loss ℓ < log 2 (" + e.arm() + ")",
                            "step t", "γ̃(θ_t)", true, false),
                    ClaimCharts.traces(e, "loss", e.arm() + "-loss", "mean logistic loss (" + e.arm() + ")", "step t",
                            "loss", true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double drop = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("smoothedWorstRelativeDrop",
                    Double.NaN)).max().orElse(Double.NaN);
            double gain = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("marginGain", Double.NaN)).min()
                    .orElse(Double.NaN);
            return String.format(Locale.ROOT,
                    "after the loss threshold: largest relative fall of the smoothed margin %.2e (tol %.0e); smallest "
                            + "normalized-margin gain ×%.3f", drop, SMOOTHED_DROP_TOL, gain);
        }
    }
}
