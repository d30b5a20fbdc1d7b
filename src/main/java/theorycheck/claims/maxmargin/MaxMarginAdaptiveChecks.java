package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.maxmargin.SeparableInstance;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.Adam;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Lion;
import theorycheck.optim.Optimizer;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * The ℓ∞ implicit bias of adaptive and sign-based optimizers on separable data (the seed
 * project's table): Adam in its two settings (ε → 0 with a decaying step; ε = 1e-8 with a
 * constant step) and Lion, each judged by its ℓ∞ margin ratio γ∞(w_T)/γ∞* against the LP answer.
 */
class MaxMarginAdaptiveChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("seed.adam-linf-decay", LinfMargin::new);
        checks.put("seed.adam-linf-eps", LinfMargin::new);
        checks.put("seed.lion-linf", LinfMargin::new);
    }

    /**
     * The optimizers compared, named in the setting (lower case: {@code adam-decay}, {@code gd}…); their
     * hyperparameters come from the claim file's setting.
     */
    enum Method {
        /** Adam, ε = 0, step adam_lr/(t+1)^adam_decay, β₁ adam_beta1, β₂ adam_beta2. */
        ADAM_DECAY("Adam ε=0, decaying step"),
        /** Adam, ε = eps, constant step eps_lr, β₁ adam_beta1, β₂ eps_beta2 (the common defaults 0.9, 0.999). */
        ADAM_EPS("Adam ε=1e-8, constant step"),
        /** As {@link #ADAM_EPS} with ε = 0: separates the effect of ε from that of the constant step. */
        ADAM_CONST_NO_EPS("Adam ε=0, constant step"),
        /** As {@link #ADAM_DECAY} with ε = eps: separates the effect of ε from that of the decaying step. */
        ADAM_DECAY_EPS("Adam ε=1e-8, decaying step"),
        /** Lion, β₁ lion_beta1, β₂ lion_beta2, constant step lion_lr, no weight decay. */
        LION("Lion λ=0"),
        /** Lion with decoupled weight decay lion_weight_decay. */
        LION_DECAY("Lion λ>0"),
        /** GD with step 1/L, L = λmax(XᵀX/m)/4. */
        GD("GD");

        final String label;

        Method(String label) {
            this.label = label;
        }

        /**
         * The budget: adam_steps for {@link #ADAM_DECAY} when the setting gives it (its ε = 0 update is
         * lost once g² underflows, so it gets a shorter budget), else steps.
         */
        long steps(Setting s) {
            return this == ADAM_DECAY && s.has("adam_steps") ? s.integer("adam_steps") : s.integer("steps");
        }

        /** Adam without ε: its update m̂/√v̂ is lost once g² underflows. */
        boolean epsZero() {
            return this == ADAM_DECAY || this == ADAM_CONST_NO_EPS;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        Optimizer build(Setting s, double smooth) {
            return switch (this) {
                case ADAM_DECAY -> new Adam(s.real("adam_lr"), s.real("adam_beta1"), s.real("adam_beta2"), 0.0,
                        s.real("adam_decay"));
                case ADAM_EPS -> new Adam(s.real("eps_lr"), s.real("adam_beta1"), s.real("eps_beta2"), s.real("eps"), 0.0);
                case ADAM_DECAY_EPS -> new Adam(s.real("adam_lr"), s.real("adam_beta1"), s.real("adam_beta2"),
                        s.real("eps"), s.real("adam_decay"));
                case ADAM_CONST_NO_EPS -> new Adam(s.real("eps_lr"), s.real("adam_beta1"), s.real("eps_beta2"), 0.0, 0.0);
                case LION -> new Lion(s.real("lion_lr"), s.real("lion_beta1"), s.real("lion_beta2"), 0.0);
                case LION_DECAY -> new Lion(s.real("lion_lr"), s.real("lion_beta1"), s.real("lion_beta2"),
                        s.real("lion_weight_decay"));
                case GD -> new GradientDescent(1 / smooth);
            };
        }
    }

    /**
     * Runs the judged method (setting key {@code method}) and the recorded-only ones (setting key
     * {@code recorded}: a list of method names, possibly empty) from 0 on the mean logistic loss and
     * compares γ∞(w_T)/γ∞* with the threshold and with the ℓ2 SVM direction's own ℓ∞ ratio.
     */
    static final class LinfMargin extends OnSeparable implements ClaimRunner.KeyNumber {
        /** Below this, g² underflows in double precision (g² &lt; 1e-308): Adam's v stops tracking g. */
        static final double GRAD_SQUARE_UNDERFLOW = 1e-154;
        /**
         * Beyond this unnormalized margin exp(−z) underflows (at z ≈ 745) and per-example gradients
         * become exactly 0: the run then no longer follows the exact dynamics.
         */
        static final double MARGIN_UNDERFLOW = 700;
        /** The methods a setting names in {@code recorded}: comma-separated, or {@code none}. */
        static List<Method> recorded(Setting s) {
            return s.choices("recorded", Method.class);
        }

        @Override
        public TrialResult check(SeparableInstance inst, Trial trial) {
            Setting s = trial.setting();
            Method judged = s.choice("method", Method.class);
            List<Method> recorded = recorded(s);
            Classification data = inst.data();
            SeparableReferences refs = SeparableReferences.of(data);
            SeparabilityCertificate.Result cert = refs.certificate();
            MaxMargin.Result l2 = refs.l2();
            MaxMargin.Result lInf = refs.lInf();
            double svmLinfRatio = refs.l2LinfRatio();
            double referenceGap = refs.l2ShortOfLinfMargin();
            double smooth = GramSpectrum.of(data.x()).lambdaMax() / 4;
            long steps = judged.steps(s);
            double ratioTol = s.real("ratio_tol");
            double eps = s.has("eps") ? s.real("eps") : Double.NaN;
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, data.x(), data.y());
            var b = TrialResult.of(trial).instance(inst.withoutStep() + " " + judged.build(s, smooth).describe())
                    .metric("m", inst.m()).metric("d", inst.d()).metric("certifiedLinfMargin", cert.margin())
                    .metric("linfMaxMargin", lInf.margin()).metric("svmLinfRatio", svmLinfRatio)
                    .metric("l2ShortOfLinfMargin", referenceGap).metric("ratioTol", ratioTol);
            double ratio = Double.NaN;
            boolean diverged = false;
            boolean underflow = false;
            String detail = "";
            List<Method> all = new java.util.ArrayList<>();
            all.add(judged);
            all.addAll(recorded);
            for (Method method : all) {
                double[] g = new double[inst.d()];
                Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
                probes.put("linfRatio", w -> Vec.norm2(w) == 0 ? Double.NaN
                        : MarginMeasures.normalizedMargin(w, data, Norm.LINF) / lInf.margin());
                probes.put("l2Ratio", w -> Vec.norm2(w) == 0 ? Double.NaN
                        : MarginMeasures.normalizedMargin(w, data, Norm.L2) / l2.margin());
                probes.put("maxGrad", w -> {
                    risk.gradientOnly(w, null, g);
                    return Vec.normInf(g);
                });
                long budget = method.steps(s);
                TrainResult run = Trainer.run(risk, method.build(s, smooth), BatchSampler.full(), new double[inst.d()],
                        new TrainConfig(budget, 0, 0, 100, 1e12, 60), probes);
                double[] ts = ClaimCharts.toArray(run.trajectory().steps());
                double[] rs = ClaimCharts.toArray(run.trajectory().series("linfRatio"));
                double[] gs = ClaimCharts.toArray(run.trajectory().series("maxGrad"));
                double r = MarginMeasures.normalizedMargin(run.theta(), data, Norm.LINF) / lInf.margin();
                risk.gradientOnly(run.theta(), null, g);
                String k = method.key();
                b.metric(k + ".linfRatio", r)
                        .metric(k + ".l2Ratio", MarginMeasures.normalizedMargin(run.theta(), data, Norm.L2) / l2.margin())
                        .metric(k + ".maxGradAtT", Vec.normInf(g)).metric(k + ".normInfW", Vec.normInf(run.theta()))
                        .metric(k + ".lossAtT", run.loss())
                        .trace(method.label, ts, rs);
                if (!Double.isNaN(eps)) {
                    // the ℓ∞ ratio when max|g| first fell below ε, and the peak ratio: the drift after it
                    double atEps = Double.NaN;
                    double peak = Double.NEGATIVE_INFINITY;
                    long tEps = -1;
                    for (int i = 0; i < ts.length; i++) {
                        if (!Double.isNaN(rs[i])) {
                            peak = Math.max(peak, rs[i]);
                        }
                        if (tEps < 0 && gs[i] < eps) {
                            tEps = (long) ts[i];
                            atEps = rs[i];
                        }
                    }
                    b.metric(k + ".stepGradBelowEps", tEps).metric(k + ".linfRatioWhenGradBelowEps", atEps)
                            .metric(k + ".peakLinfRatio", peak);
                }
                if (method == judged) {
                    ratio = r;
                    diverged = run.diverged();
                    detail = run.detail();
                    double minMargin = MarginMeasures.margin(run.theta(), data);
                    boolean gradSquare = method.epsZero() && Vec.normInf(g) < GRAD_SQUARE_UNDERFLOW;
                    underflow = gradSquare || minMargin > MARGIN_UNDERFLOW;
                    b.metric("minMarginAtT", minMargin).metric("gradSquaredUnderflow", gradSquare ? 1 : 0);
                }
            }
            b.metric("linfRatio", ratio);
            Optional<String> unusable = refs.unusable();
            if (unusable.isPresent()) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, unusable.get());
            }
            if (diverged) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, "run diverged: " + detail);
            }
            if (underflow) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, String.format(Locale.ROOT,
                        "beyond double precision at the end (min margin %.1f > %.0f, or g² underflowed with ε = 0): "
                                + "shorten the budget", b.peek("minMarginAtT"), MARGIN_UNDERFLOW));
            }
            // closer to the ℓ∞ optimum than the ℓ2 answer is: at least half-way from its ratio to 1
            double halfway = svmLinfRatio + referenceGap / 2;
            boolean pass = ratio >= ratioTol && ratio >= halfway;
            return b.decide(ratio, pass, String.format(Locale.ROOT,
                    "%s: ℓ∞ margin ratio %.4f after %d steps (need ≥ %.2f and ≥ %.4f, half-way from the ℓ2 SVM "
                            + "direction's %.4f to 1); ℓ2 ratio %.4f; max|g| %.2e",
                    judged.label, ratio, steps, ratioTol, halfway, svmLinfRatio, b.peek(judged.key() + ".l2Ratio"),
                    b.peek(judged.key() + ".maxGradAtT")));
        }

        /**
         * The methods an arm ran, judged one first: read back from the first trial's traces, which are
         * named by the methods' labels in the order they ran (a check serves both arms).
         */
        private static List<Method> ran(Evidence e) {
            if (e.trials().isEmpty()) {
                return List.of();
            }
            return e.trials().get(0).traces().keySet().stream()
                    .map(label -> java.util.Arrays.stream(Method.values()).filter(m -> m.label.equals(label)).findFirst()
                            .orElseThrow())
                    .toList();
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new java.util.ArrayList<>();
            List<Method> ran = ran(e);
            for (int i = 0; i < ran.size(); i++) {
                Method m = ran.get(i);
                charts.add(ClaimCharts.traces(e, m.label, e.arm() + "-" + m.key() + "-linf-ratio",
                        m.label + (i == 0 ? "" : " (recorded, not judged)") + ": ℓ∞ margin ratio γ∞(w_t)/γ∞* (" + e.arm()
                                + ")", "step t", "γ∞(w_t) / γ∞*", true, false));
            }
            String judged = ran.isEmpty() ? "judged method" : ran.get(0).label;
            charts.add(new Chart(e.arm() + "-reference-vs-end", "ℓ∞ ratio at the end against the ℓ2 SVM direction's ("
                    + e.arm() + ")", "ℓ2 SVM direction's γ∞ / γ∞*", judged + ": γ∞(w_T) / γ∞*", false, false,
                    List.of(ClaimCharts.scatter(e, "svmLinfRatio", "linfRatio"))));
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            List<Method> ran = ran(e);
            if (ran.isEmpty()) {
                return "no trials";
            }
            Method judged = ran.get(0);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s: ℓ∞ margin ratio %s (need ≥ %.2f)", judged.label,
                    span(e, "linfRatio"), e.trials().get(0).metrics().get("ratioTol")));
            sb.append(String.format(Locale.ROOT, "; its ℓ2 margin ratio %s; ℓ2 SVM direction's ℓ∞ ratio %s",
                    span(e, judged.key() + ".l2Ratio"), span(e, "svmLinfRatio")));
            for (Method m : ran.subList(1, ran.size())) {
                sb.append(String.format(Locale.ROOT, "; %s (recorded) %s", m.label, span(e, m.key() + ".linfRatio")));
                if (e.trials().stream().anyMatch(t -> t.metrics().containsKey(m.key() + ".peakLinfRatio"))) {
                    sb.append(String.format(Locale.ROOT, " (peak along the run %s)", span(e, m.key() + ".peakLinfRatio")));
                }
            }
            return sb.toString();
        }

        private static String span(Evidence e, String metric) {
            var stats = e.trials().stream().filter(t -> t.metrics().containsKey(metric))
                    .mapToDouble(t -> t.metrics().get(metric)).summaryStatistics();
            return stats.getCount() == 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.4f–%.4f", stats.getMin(), stats.getMax());
        }
    }
}
