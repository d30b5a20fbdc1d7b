package theorycheck.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import theorycheck.data.SeparabilityCertificate;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.ExponentialLoss;
import theorycheck.loss.Loss;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.SteepestDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.linalg.Norm;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/** Margins on separable data: the direction GD and its relatives converge to. */
class MaxMarginClaims {

    @Test
    @ClaimId("book.A.6")
    void book_A_6() {
        ClaimVerifier.verify("book.A.6", new DirectionRate(LogisticLoss.INSTANCE));
    }

    @Test
    @ClaimId("slides.exp-tail")
    void slides_exp_tail() {
        ClaimVerifier.verify("slides.exp-tail", new DirectionRate(ExponentialLoss.INSTANCE));
    }

    @Test
    @ClaimId("lit.steepest-descent")
    void lit_steepest_descent() {
        ClaimVerifier.verify("lit.steepest-descent", new SteepestMargins());
    }

    /**
     * Normalized steepest descent w.r.t. ℓ2, ℓ∞ and ℓ1 (normalized GD, sign GD, normalized greedy
     * coordinate descent) on the logistic loss, each judged by its own norm's margin ratio
     * γ_p(w_T)/γ_p* against the LP/QP max-margin answer for that norm.
     */
    static final class SteepestMargins implements InstanceCheck<SeparableInstance>, ClaimRunner.KeyNumber {
        /** The margin gap allowed at the end of the budget (see the claim file). */
        static final double MARGIN_GAP_TOL = 0.01;
        private static final Norm[] NORMS = {Norm.L2, Norm.LINF, Norm.L1};
        private static final String[] NAMES = {"normalized GD (ℓ2)", "sign GD (ℓ∞)", "coordinate descent (ℓ1)"};
        @Override
        public SeparableInstance draw(Trial trial) {
            return SeparableInstance.draw(trial);
        }

        @Override
        public TrialResult check(SeparableInstance inst, Trial trial) {
            var s = trial.setting();
            double eta = s.real("step");
            long steps = s.integer("t_end");
            Classification data = inst.data();
            MaxMargin.Result[] refs = {MaxMargin.l2(data), MaxMargin.lInf(data), MaxMargin.l1(data)};
            // each norm's answer must be suboptimal for the other two norms (margins, not angles:
            // the ℓ∞ and ℓ1 answers need not be unique)
            double minGap = Double.POSITIVE_INFINITY;
            boolean verified = true;
            for (int p = 0; p < 3; p++) {
                verified &= refs[p].converged();
                for (int q = 0; q < 3; q++) {
                    if (p != q) {
                        minGap = Math.min(minGap,
                                1 - MarginMeasures.normalizedMargin(refs[q].direction(), data, NORMS[p]) / refs[p].margin());
                    }
                }
            }
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, data.x(), data.y());
            var b = TrialResult.of(trial).instance(inst.withoutStep() + String.format(Locale.ROOT, " η=%.3g", eta))
                    .metric("m", inst.m()).metric("d", inst.d()).metric("eta", eta)
                    .metric("minReferenceGap", minGap);
            double worst = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                Norm norm = NORMS[k];
                Optimizer opt = new SteepestDescent(norm, eta, true); // steepest descent in the norm it is judged by
                Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
                double best = refs[k].margin();
                probes.put("ratio", w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(w, data, norm) / best);
                TrainResult run = Trainer.run(risk, opt, BatchSampler.full(), new double[inst.d()],
                        new TrainConfig(steps, 0, 0, 100, 1e12, 60), probes);
                double ratio = MarginMeasures.normalizedMargin(run.theta(), data, norm) / best;
                b.metric(norm.name() + ".marginRatio", ratio)
                        .trace(NAMES[k], ClaimCharts.toArray(run.trajectory().steps()),
                                ClaimCharts.toArray(run.trajectory().series("ratio")));
                worst = Math.min(worst, ratio);
            }
            b.metric("worstMarginRatio", worst);
            if (!verified) {
                return b.outcome(Outcome.INCONCLUSIVE, worst, "a max-margin reference did not verify its optimality");
            }
            if (minGap < SeparableReferences.DISTINCT_REFERENCES) {
                return b.outcome(Outcome.INCONCLUSIVE, worst, String.format(Locale.ROOT,
                        "one norm's max-margin direction is within %.3g of another norm's best margin", minGap));
            }
            return b.decide(worst, worst >= 1 - MARGIN_GAP_TOL, String.format(Locale.ROOT,
                    "margin ratios in each method's own norm: ℓ2 %.5f, ℓ∞ %.5f, ℓ1 %.5f (need ≥ %.2f)",
                    b.peek("L2.marginRatio"), b.peek("LINF.marginRatio"), b.peek("L1.marginRatio"), 1 - MARGIN_GAP_TOL));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new java.util.ArrayList<>();
            for (String name : NAMES) {
                charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name.replaceAll("[^A-Za-z0-9]+", "-"),
                        name + ": margin ratio in its own norm (" + e.arm() + ")", "step t", "γ_p(w_t) / γ_p*", true,
                        false));
            }
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            StringBuilder sb = new StringBuilder("smallest margin ratio in each method's own norm:");
            for (Norm n : NORMS) {
                double min = e.trials().stream().mapToDouble(t -> t.metrics().get(n.name() + ".marginRatio")).min()
                        .orElse(Double.NaN);
                sb.append(String.format(Locale.ROOT, " %s %.4f", n.name(), min));
            }
            return sb.toString();
        }
    }

    @Test
    @ClaimId("seed.non-separable")
    void seed_non_separable() {
        ClaimVerifier.verify("seed.non-separable", new SameFiniteMinimizer());
    }

    /**
     * GD, mini-batch SGD, Adam and Lion on the mean logistic loss, each judged by its distance to
     * the loss's finite minimizer (Newton). The setting's {@code design} names the data: overlapping
     * shifted Gaussians (certified non-separable by the LP) or planted-separable points, where no finite
     * minimizer exists.
     */
    static final class SameFiniteMinimizer implements InstanceCheck<SameFiniteMinimizer.Instance>,
            ClaimRunner.KeyNumber {
        /** Relative distance allowed to the minimizer for the methods with a vanishing step (see the claim file). */
        static final double RELATIVE_TOL = 0.02;
        /** Lion's constant step keeps it within about a step per coordinate: allowance in units of lr·√d. */
        static final double LION_STEPS = 3;

        record Instance(int m, int d, double shift, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "m=%d d=%d shift=%.2f dataSeed=%d", m, d, shift, dataSeed);
            }
        }

        /** The planted margin of the separable design. */
        static final double PLANTED_GAMMA = 0.2;

        /** The data a trial draws, named by the setting key {@code design}. */
        enum Design {
            /** Two Gaussians N(±shift·u, I): overlapping classes. */
            OVERLAPPING,
            /** Planted-margin points (margin {@link #PLANTED_GAMMA}): separable through the origin. */
            PLANTED_SEPARABLE
        }

        @Override
        public Instance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            int[] mr = s.intRange("m");
            int[] dr = s.intRange("d");
            return new Instance(rng.intBetween(mr[0], mr[1]), rng.intBetween(dr[0], dr[1]), s.real("shift"), rng.nextLong());
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            var s = trial.setting();
            boolean separable = s.choice("design", Design.class) == Design.PLANTED_SEPARABLE;
            Rng data = new Rng(inst.dataSeed());
            Classification c = separable ? SeparableDesigns.plantedMargin(inst.m(), inst.d(), PLANTED_GAMMA, data)
                    : SeparableDesigns.shiftedGaussians(inst.m(), inst.d(), inst.shift(), data);
            SeparabilityCertificate.Result cert = SeparabilityCertificate.certify(c);
            theorycheck.reference.LogisticMinimizer.Result newton = theorycheck.reference.LogisticMinimizer.solve(c);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, c.x(), c.y());
            double smooth = GramSpectrum.of(c.x()).lambdaMax() / 4;
            long steps = s.integer("steps");
            double adaptiveLr = s.real("adaptive_lr");
            double lionLr = s.real("lion_lr");
            Optimizer[] opts = {new GradientDescent(1 / smooth),
                    new SteepestDescent(Norm.L2, 1 / smooth, false, s.real("sgd_decay")),
                    new theorycheck.optim.Adam(adaptiveLr, 0.9, 0.999, 1e-8, 0.5),
                    theorycheck.optim.Lion.withDefaults(lionLr)};
            String[] names = {"GD", "SGD", "Adam", "Lion"};
            var b = TrialResult.of(trial).instance(inst + (separable ? " planted-separable" : " overlapping"))
                    .metric("certifiedLinfMargin", cert.margin()).metric("newtonConverged", newton.converged() ? 1 : 0)
                    .metric("normMinimizer", Vec.norm2(newton.w()));
            double[][] ends = new double[opts.length][];
            double worst = 0;
            double scale = Vec.norm2(newton.w());
            for (int k = 0; k < opts.length; k++) {
                double[] end;
                if (k == 1) {
                    end = averagedSgd(risk, opts[k], BatchSampler.withoutReplacement(inst.m(), s.integer("sgd_batch"),
                            new Rng(trial.seed() + 17)), inst.d(), steps);
                } else {
                    // normalized margin only: on overlapping data no max-margin answer exists to divide by
                    TrainResult run = Trainer.run(risk, opts[k], BatchSampler.full(), new double[inst.d()],
                            new TrainConfig(steps, 0, 0, 100, 1e12, 40), Map.of("normalizedMargin",
                                    w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.normalizedMargin(w, c, Norm.L2)));
                    end = run.theta();
                    b.trace(names[k], ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("normalizedMargin")));
                }
                ends[k] = end;
                double allowed = RELATIVE_TOL * scale + (k == 3 ? LION_STEPS * lionLr * Math.sqrt(inst.d()) : 0);
                double dist = Vec.distance(end, newton.w());
                b.metric(names[k] + ".distance", dist).metric(names[k] + ".allowed", allowed)
                        .metric(names[k] + ".norm", Vec.norm2(end));
                worst = Math.max(worst, dist / allowed);
            }
            double spread = 0;
            for (int i = 0; i < ends.length; i++) {
                for (int j = i + 1; j < ends.length; j++) {
                    spread = Math.max(spread, MarginMeasures.angle(ends[i], ends[j]));
                }
            }
            b.metric("worstDistanceOverAllowed", worst).metric("largestAngleBetweenEndPoints", spread);
            if (!separable && cert.separable()) {
                return b.outcome(Outcome.INCONCLUSIVE, worst, "the overlapping draw happened to be separable");
            }
            if (!newton.converged()) {
                return b.decide(Double.POSITIVE_INFINITY, false, "no finite logistic minimizer: " + newton.detail()
                        + String.format(Locale.ROOT, "; end points up to %.3f rad apart", spread));
            }
            return b.decide(worst, worst <= 1, String.format(Locale.ROOT,
                    "largest distance to the Newton minimizer over its allowance: %.3g (GD %.2e, SGD %.2e, Adam %.2e, Lion %.2e)",
                    worst, b.peek("GD.distance"), b.peek("SGD.distance"), b.peek("Adam.distance"), b.peek("Lion.distance")));
        }

        /**
         * Mini-batch SGD from 0 whose answer is the Polyak–Ruppert average of the second half of its
         * iterates (Polyak &amp; Juditsky 1992): with steps ∝ t^(−0.6) the average converges to the
         * minimizer at the O(1/√t) rate, while the last iterate keeps a noise floor set by the budget.
         */
        static double[] averagedSgd(EmpiricalRisk risk, Optimizer sgd, BatchSampler sampler, int dim, long steps) {
            double[] theta = new double[dim];
            double[] grad = new double[dim];
            double[] average = new double[dim];
            theorycheck.optim.Stepper stepper = sgd.start(dim);
            long from = steps / 2;
            for (long t = 0; t < steps; t++) {
                risk.gradientOnly(theta, sampler.next(), grad);
                stepper.step(theta, grad, t);
                if (t >= from) {
                    double weight = 1.0 / (t - from + 1);
                    for (int j = 0; j < dim; j++) {
                        average[j] += weight * (theta[j] - average[j]);
                    }
                }
            }
            return average;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new java.util.ArrayList<>();
            for (String name : List.of("GD", "Adam", "Lion")) {
                charts.add(ClaimCharts.traces(e, name, e.arm() + "-" + name + "-normalized-margin", name
                        + ": normalized ℓ2 margin minᵢ yᵢ⟨w_t, xᵢ⟩/‖w_t‖ (" + e.arm() + ")", "step t", "γ(w_t)/‖w_t‖₂",
                        true, false));
            }
            charts.add(new Chart(e.arm() + "-end-point-spread", "Largest angle between the optimizers' end points ("
                    + e.arm() + ")", "‖Newton minimizer‖ (0 when there is none)", "max angle between end points (rad)",
                    false, false, List.of(ClaimCharts.scatter(e, "normMinimizer", "largestAngleBetweenEndPoints"))));
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            double worst = e.trials().stream().mapToDouble(t -> t.metrics().get("worstDistanceOverAllowed")).max()
                    .orElse(Double.NaN);
            double spread = e.trials().stream().mapToDouble(t -> t.metrics().get("largestAngleBetweenEndPoints")).max()
                    .orElse(Double.NaN);
            return String.format(Locale.ROOT,
                    "largest distance to the Newton minimizer over its allowance: %.3g (≤ 1 passes); end points at most %.3g rad apart",
                    worst, spread);
        }
    }

    /**
     * A separable instance with m &lt; d, drawn until its ℓ2 and ℓ∞ max-margin directions differ (in
     * low dimension or with many points they often share one active set and hence one direction,
     * and then nothing distinguishes the norms). The points are planted-margin data, or, when the
     * setting names a {@code shift}, the seed repository's two shifted unit Gaussians (separable
     * through the origin only because m &lt; d puts them in general position).
     */
    record SeparableInstance(int m, int d, double gamma, double shift, double stepFraction, long dataSeed) {
        static SeparableInstance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            int[] mr = s.intRange("m");
            int m = rng.intBetween(mr[0], mr[1]);
            double[] ar = s.range("aspect");
            int d = (int) Math.round(m * rng.uniform(ar[0], ar[1]));
            // claims that fix their step themselves (not relative to the smoothness) have no step_fraction
            double f = 1.0;
            if (s.has("step_fraction")) {
                double[] fr = s.range("step_fraction");
                f = rng.uniform(fr[0], fr[1]);
            }
            boolean gaussians = s.has("shift");
            return new SeparableInstance(m, d, gaussians ? Double.NaN : s.real("gamma"),
                    gaussians ? s.real("shift") : Double.NaN, f, rng.nextLong());
        }

        Classification data() {
            return Double.isNaN(shift) ? SeparableDesigns.plantedMargin(m, d, gamma, new Rng(dataSeed))
                    : SeparableDesigns.shiftedGaussians(m, d, shift, new Rng(dataSeed));
        }

        @Override
        public String toString() {
            return withoutStep() + String.format(Locale.ROOT, " step=%.2f/L", stepFraction);
        }

        String withoutStep() {
            String design = Double.isNaN(shift) ? String.format(Locale.ROOT, "γ_planted=%.2f", gamma)
                    : String.format(Locale.ROOT, "Gaussians shifted ±%.2f", shift);
            return String.format(Locale.ROOT, "m=%d d=%d %s dataSeed=%d", m, d, design, dataSeed);
        }
    }

    /**
     * Judges directional convergence to the ℓ2 max-margin direction by its rate. Soudry et al. (2018,
     * Thm. 3) give angle(w_t, ŵ) = O(log log t / log t) (O(1/log t) for almost every data set), so
     * a(t)·log t / log log t must not grow between T₀ and T; converging to any other direction
     * makes it grow like log t / log log t (by ≈ 1.47× from 10³ to 10⁶ steps). The setting's
     * {@code optimizer} names the method run (see {@link RateOptimizer}).
     */
    static final class DirectionRate implements InstanceCheck<SeparableInstance>, ClaimRunner.KeyNumber {
        /** Allowed growth of angle·log t/log log t from T₀ to T: theory says ≤ 1, a wrong limit gives ≈ 1.47. */
        static final double RATE_GROWTH_TOL = 1.1;
        private final Loss loss;

        DirectionRate(Loss loss) {
            this.loss = loss;
        }

        /** The methods a direction-rate claim runs, named by the setting key {@code optimizer}. */
        enum RateOptimizer {
            /** GD with step step_fraction/L, L the loss's smoothness. */
            GD,
            /**
             * Mini-batch SGD, batches of a size drawn from {@code batch} without replacement (reshuffled each
             * epoch), constant step step_fraction/L_max, L_max = max‖xᵢ‖²/4 bounding every mini-batch loss's
             * smoothness.
             */
            SGD,
            /** Full-batch sign GD (normalized steepest descent w.r.t. ℓ∞) with step sign_lr. */
            SIGN_GD
        }

        @Override
        public SeparableInstance draw(Trial trial) {
            return SeparableInstance.draw(trial);
        }

        @Override
        public TrialResult check(SeparableInstance inst, Trial trial) {
            var s = trial.setting();
            RateOptimizer method = s.choice("optimizer", RateOptimizer.class);
            Classification data = inst.data();
            SeparableReferences refs = SeparableReferences.of(data);
            SeparabilityCertificate.Result cert = refs.certificate();
            MaxMargin.Result l2 = refs.l2();
            long t0 = s.integer("t_start");
            long tEnd = s.integer("t_end");
            Optimizer opt;
            BatchSampler sampler = BatchSampler.full();
            int checkEvery = 100;
            String what;
            if (method == RateOptimizer.SGD) {
                double maxSq = 0;
                for (int i = 0; i < data.examples(); i++) {
                    double[] xi = data.input(i);
                    maxSq = Math.max(maxSq, Vec.dot(xi, xi));
                }
                double eta = inst.stepFraction() / (maxSq / 4);
                int[] br = s.intRange("batch");
                Rng sampling = new Rng(trial.seed() + 31);
                int batch = sampling.intBetween(br[0], br[1]);
                opt = new GradientDescent(eta);
                sampler = BatchSampler.withoutReplacement(inst.m(), batch, sampling);
                checkEvery = 1000; // the full-batch loss is checked less often than the mini-batch steps are taken
                what = "SGD(batch " + batch + ", lr=" + String.format(Locale.ROOT, "%.3g", eta) + ")";
            } else {
                // Mean logistic loss has Hessian ≤ XᵀX/(4m), so L = λmax/4. The exponential loss has no global
                // bound; its Hessian at the start (w = 0) is XᵀX/m and falls with the loss, so L = λmax there.
                double smooth = GramSpectrum.of(data.x()).lambdaMax() * (loss instanceof ExponentialLoss ? 1.0 : 0.25);
                opt = method == RateOptimizer.SIGN_GD ? SteepestDescent.signGd(s.real("sign_lr"))
                        : new GradientDescent(inst.stepFraction() / smooth);
                what = opt.describe();
            }
            AngleRate r = AngleRate.measure(data, loss, opt, sampler, checkEvery, l2, t0, tEnd);
            double[] steps = r.steps();
            double[] ratios = r.ratios();
            double a0 = r.a0();
            double aEnd = r.aEnd();
            double growth = r.growth();
            TrainResult run = r.run();
            var b = TrialResult.of(trial).instance(inst + " " + what)
                    .metric("m", inst.m()).metric("d", inst.d()).metric("certifiedLinfMargin", cert.margin())
                    .metric("l2ShortOfLinfMargin", refs.l2ShortOfLinfMargin()).metric("angleAtT0", a0).metric("angleAtT", aEnd)
                    .metric("rateGrowth", growth).metric("marginRatioAtT", ratios[ratios.length - 1])
                    .metric("normW", Vec.norm2(run.theta())).metric("lossAtT", run.loss())
                    .trace("angle", steps, r.angles()).trace("scaledAngle", steps, r.scaled()).trace("marginRatio", steps, ratios);
            Optional<String> unusable = refs.unusable();
            if (unusable.isPresent()) {
                return b.outcome(Outcome.INCONCLUSIVE, growth, unusable.get());
            }
            if (run.diverged()) {
                return b.outcome(Outcome.INCONCLUSIVE, growth, "run diverged: " + run.detail());
            }
            boolean pass = aEnd < a0 && growth <= RATE_GROWTH_TOL;
            return b.decide(growth, pass, String.format(Locale.ROOT,
                    "%s: angle to the ℓ2 max-margin direction %.4f rad at t=%d → %.4f at t=%d; growth of angle·log t/log log t "
                            + "%.3f (≤ %.1f for convergence at the theory's rate); margin ratio %.4f", what, a0, t0, aEnd,
                    tEnd, growth, RATE_GROWTH_TOL, ratios[ratios.length - 1]));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "angle", e.arm() + "-angle-to-l2-max-margin",
                            loss.name() + " loss: angle to the ℓ2 max-margin direction (" + e.arm() + ")", "step t", "angle (rad)",
                            true, true),
                    ClaimCharts.traces(e, "scaledAngle", e.arm() + "-angle-rate",
                            loss.name() + " loss: angle · log t / log log t (flat or falling = theory's rate) (" + e.arm() + ")",
                            "step t", "angle·log t / log log t", true, false),
                    ClaimCharts.traces(e, "marginRatio", e.arm() + "-margin-ratio",
                            loss.name() + " loss: ℓ2 margin ratio γ(w_t)/γ* (" + e.arm() + ")", "step t", "γ(w_t) / γ*", true, false));
        }

        @Override
        public String keyNumber(Evidence e) {
            double maxGrowth = e.trials().stream().mapToDouble(t -> t.metrics().get("rateGrowth")).max().orElse(Double.NaN);
            double maxAngle = e.trials().stream().mapToDouble(t -> t.metrics().get("angleAtT")).max().orElse(Double.NaN);
            double minRatio = e.trials().stream().mapToDouble(t -> t.metrics().get("marginRatioAtT")).min()
                    .orElse(Double.NaN);
            return String.format(Locale.ROOT,
                    "largest growth of angle·log t/log log t: %.3f (tol %.1f); angle at the end ≤ %.4f rad; ℓ2 margin ratio ≥ %.4f",
                    maxGrowth, RATE_GROWTH_TOL, maxAngle, minRatio);
        }
    }

    /**
     * One run from 0 measured against the ℓ2 max-margin direction: the angle a(t) and the margin
     * ratio γ₂(w_t)/γ₂* and ‖w_t‖₂ at 80 log-spaced steps, and the growth G = [a(T)·log T/log log T] /
     * [a(T₀)·log T₀/log log T₀], which Soudry et al.'s rate keeps ≤ 1 and a wrong limit makes ≈ 1.47
     * for T₀ = 10³, T = 10⁶.
     */
    record AngleRate(TrainResult run, double[] steps, double[] angles, double[] ratios, double[] norms, double[] scaled,
            double a0, double aEnd, double growth) {
        static AngleRate measure(Classification data, Loss loss, Optimizer opt, MaxMargin.Result l2, long t0, long tEnd) {
            return measure(data, loss, opt, BatchSampler.full(), 100, l2, t0, tEnd);
        }

        /** The same with mini-batches; the full-batch loss is checked every {@code checkEvery} steps. */
        static AngleRate measure(Classification data, Loss loss, Optimizer opt, BatchSampler sampler, int checkEvery,
                MaxMargin.Result l2, long t0, long tEnd) {
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("angle", w -> Vec.norm2(w) == 0 ? Double.NaN : MarginMeasures.angle(w, l2.direction()));
            probes.put("marginRatio", w -> Vec.norm2(w) == 0 ? Double.NaN
                    : MarginMeasures.normalizedMargin(w, data, Norm.L2) / l2.margin());
            probes.put("normW", Vec::norm2);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(data.dim()), loss, data.x(), data.y());
            TrainConfig config = new TrainConfig(tEnd, 0, 0, checkEvery, 1e12, 80);
            TrainResult run = Trainer.run(risk, opt, sampler, new double[data.dim()], config, probes);
            double[] steps = ClaimCharts.toArray(run.trajectory().steps());
            double[] angles = ClaimCharts.toArray(run.trajectory().series("angle"));
            double[] ratios = ClaimCharts.toArray(run.trajectory().series("marginRatio"));
            double a0 = MaxMarginRateClaims.at(steps, angles, t0);
            double aEnd = angles[angles.length - 1];
            double growth = (aEnd * Math.log(tEnd) / Math.log(Math.log(tEnd)))
                    / (a0 * Math.log(t0) / Math.log(Math.log(t0)));
            double[] scaled = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                scaled[i] = steps[i] >= 3 ? angles[i] * Math.log(steps[i]) / Math.log(Math.log(steps[i])) : Double.NaN;
            }
            double[] norms = ClaimCharts.toArray(run.trajectory().series("normW"));
            return new AngleRate(run, steps, angles, ratios, norms, scaled, a0, aEnd, growth);
        }

    }
}
