package theorycheck.claims.maxmargin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Loss;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.SteepestDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Rates of margin maximization on separable data: the log t growth of GD's
 * iterate, normalized GD's faster margin rate, and SGD's ℓ2 limit.
 */
class MaxMarginRateChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("slides.log-t", LogTResidual::new);
        checks.put("lit.normalized-gd-rate", NormalizedRate::new);
        checks.put("seed.sgd-l2", () -> new DirectionRate(LogisticLoss.INSTANCE));
    }

    /**
     * A planted-margin instance with m &lt; d (so that the ℓ2 and ℓ∞ max-margin answers differ),
     * the step as a fraction of a smoothness limit, and an initialization scale.
     */
    record Instance(int m, int d, double gamma, double stepFraction, double initScale, long dataSeed) {
        static Instance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            int m = trial.drawInt("m");
            int d = (int) Math.round(m * trial.drawUniform("aspect"));
            double f = 1.0;
            if (s.has("step_fraction")) {
                f = trial.drawUniform("step_fraction");
            }
            double init = 0;
            if (s.has("init_scale")) {
                init = trial.drawUniform("init_scale");
            }
            return new Instance(m, d, s.real("gamma"), f, init, rng.nextLong());
        }

        Classification data() {
            return SeparableDesigns.plantedMargin(m, d, gamma, new Rng(dataSeed));
        }

        /** A random start of norm initScale·scale, drawn from its own stream of the data seed. */
        double[] start(double scale) {
            double[] w = Rng.stream(dataSeed, "start").gaussianVector(d, 1.0);
            double n = Vec.norm2(w);
            return Vec.scale(initScale * scale / n, w);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d d=%d γ_planted=%.2f step=%.2f init=%.2f dataSeed=%d", m, d, gamma,
                    stepFraction, initScale, dataSeed);
        }
    }

    // ------------------------------------------------------------------------------------------
    // slides.log-t
    // ------------------------------------------------------------------------------------------

    /**
     * GD from a random start on the mean loss named by the setting key {@code loss} (logistic for the
     * claim): ρ(t) = w(t) − c·ŵ·log t with ŵ the unnormalized hard-margin SVM solution (ŵ = direction/γ₂).
     * Bounded ρ: over the last two decades [10⁴, 10⁶] ‖ρ‖ rises by at most a fraction of the rise
     * ‖ŵ‖·ln 100 of the log t term.
     */
    /** A check on instances drawn by {@link Instance#draw}. */
    abstract static class OnInstance implements InstanceCheck<Instance> {
        @Override
        public Instance draw(Trial trial) {
            return Instance.draw(trial);
        }
    }

    static final class LogTResidual extends OnInstance implements ClaimRunner.KeyNumber {

        /** The loss GD runs on, named by the setting key {@code loss}, with its curvature bound. */
        enum LossKind {
            /** Exponentially tailed: on separable data ‖w‖ grows like log t. ℓ'' ≤ 1/4. */
            LOGISTIC(LogisticLoss.INSTANCE, 0.25),
            /** ½(f − y)²: a finite minimizer (an interpolant when m &lt; d), no log t growth. ℓ'' = 1. */
            SQUARED(SquaredLoss.INSTANCE, 1.0);

            final Loss loss;
            final double curvature;

            LossKind(Loss loss, double curvature) {
                this.loss = loss;
                this.curvature = curvature;
            }
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            double riseTol = trial.setting().real("rise_tol");
            var s = trial.setting();
            double c = s.real("coefficient");
            LossKind lossKind = s.choice("loss", LossKind.class);
            Classification data = inst.data();
            SeparableReferences refs = SeparableReferences.of(data);
            SeparabilityCertificate.Result cert = refs.certificate();
            MaxMargin.Result l2 = refs.l2();
            MaxMargin.Result lInf = refs.lInf();
            double[] wHat = Vec.scale(1 / l2.margin(), l2.direction()); // min ‖w‖ s.t. yᵢ⟨w, xᵢ⟩ ≥ 1
            double wHatNorm = Vec.norm2(wHat);
            double smooth = GramSpectrum.of(data.x()).lambdaMax() * lossKind.curvature; // Hessian ≤ ℓ''·XᵀX/m
            double eta = inst.stepFraction() * 2 / smooth;
            double[] w0 = inst.start(wHatNorm);
            long t1 = s.integer("t_window");
            long tEnd = s.integer("t_end");
            long tFirst = s.integer("t_start");
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("normSq", w -> Vec.dot(w, w));
            probes.put("proj", w -> Vec.dot(w, wHat));
            probes.put("marginRatio", w -> Vec.norm2(w) == 0 ? Double.NaN
                    : MarginMeasures.normalizedMargin(w, data, Norm.L2) / l2.margin());
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), lossKind.loss, data.x(), data.y());
            TrainResult run = Trainer.run(risk, new GradientDescent(eta), BatchSampler.full(), w0,
                    new TrainConfig(tEnd, 0, 0, 100, 1e12, 100), probes);
            double[] steps = ClaimCharts.toArray(run.trajectory().steps());
            double[] normSq = ClaimCharts.toArray(run.trajectory().series("normSq"));
            double[] proj = ClaimCharts.toArray(run.trajectory().series("proj"));
            // ‖w − c ŵ log t‖² = ‖w‖² − 2c log t ⟨w, ŵ⟩ + c² log² t ‖ŵ‖²
            int n = steps.length;
            double[] rho = new double[n];
            double[] scaled = new double[n];
            double rhoAtT1 = Double.NaN;
            double rhoMax = Double.NEGATIVE_INFINITY;
            double rhoAtStart = Double.NaN;
            for (int i = 0; i < n; i++) {
                double lt = steps[i] >= 1 ? Math.log(steps[i]) : 0;
                double sq = normSq[i] - 2 * c * lt * proj[i] + c * c * lt * lt * wHatNorm * wHatNorm;
                rho[i] = Math.sqrt(Math.max(0, sq));
                scaled[i] = rho[i] / wHatNorm;
                if (steps[i] >= tFirst && Double.isNaN(rhoAtStart)) {
                    rhoAtStart = rho[i];
                }
                if (steps[i] >= t1) {
                    if (Double.isNaN(rhoAtT1)) {
                        rhoAtT1 = rho[i];
                    }
                    rhoMax = Math.max(rhoMax, rho[i]);
                }
            }
            double allowance = wHatNorm * Math.log((double) tEnd / t1);
            double rise = (rhoMax - rhoAtT1) / allowance;
            double rhoEnd = rho[n - 1];
            double angle = MarginMeasures.angle(run.theta(), l2.direction());
            var b = TrialResult.of(trial).instance(inst + String.format(Locale.ROOT, " %s loss η=%.3g c=%.1f", lossKind.loss.name(),
                    eta, c))
                    .metric("m", inst.m()).metric("d", inst.d()).metric("eta", eta).metric("etaTimesL", eta * smooth)
                    .metric("normWHat", wHatNorm).metric("normW0", Vec.norm2(w0))
                    .metric("rhoAtTStart", rhoAtStart).metric("rhoAtTWindow", rhoAtT1).metric("rhoMaxInWindow", rhoMax)
                    .metric("rhoAtT", rhoEnd).metric("relativeRise", rise).metric("angleAtT", angle)
                    .metric("normW", Vec.norm2(run.theta()))
                    .trace("rho", steps, rho).trace("rhoOverWHat", steps, scaled)
                    .trace("marginRatio", steps, ClaimCharts.toArray(run.trajectory().series("marginRatio")));
            b.metric("l2ShortOfLinfMargin", refs.l2ShortOfLinfMargin());
            String bad = refs.unusable().orElse(null);
            if (bad != null) {
                return b.outcome(Outcome.INCONCLUSIVE, rise, bad);
            }
            if (run.diverged()) {
                return b.outcome(Outcome.INCONCLUSIVE, rise, "run diverged: " + run.detail());
            }
            return b.decide(rise, rise <= riseTol, String.format(Locale.ROOT,
                    "‖w − %.1f·ŵ log t‖: %.3f at t=%d, %.3f at t=%d, max %.3f in [%d, %d], %.3f at the end; rise %.4f of "
                            + "‖ŵ‖·ln(%d) = %.3f (≤ %.2f for bounded); angle to ŵ at the end %.4f rad",
                    c, rhoAtStart, tFirst, rhoAtT1, t1, rhoMax, t1, tEnd, rhoEnd, rise, tEnd / t1, allowance, riseTol,
                    angle));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(ClaimCharts.traces(e, "rhoOverWHat", e.arm() + "-residual",
                    "‖w(t) − c·ŵ log t‖ / ‖ŵ‖ under GD (" + e.arm() + ")", "step t", "‖ρ(t)‖ / ‖ŵ‖", true, false),
                    ClaimCharts.traces(e, "marginRatio", e.arm() + "-margin-ratio",
                            "GD from a random start: ℓ2 margin ratio γ(w_t)/γ* (" + e.arm() + ")", "step t", "γ(w_t) / γ*",
                            true, false));
        }

        @Override
        public String keyNumber(Evidence e) {
            double riseTol = e.setting().real("rise_tol");
            double max = e.max("relativeRise");
            double min = e.min("relativeRise");
            return String.format(Locale.ROOT,
                    "rise of ‖ρ‖ over [10⁴, 10⁶] relative to ‖ŵ‖·ln 100: largest %.4f, smallest %.4f (≤ %.2f passes)", max,
                    min, riseTol);
        }
    }

    // ------------------------------------------------------------------------------------------
    // lit.normalized-gd-rate
    // ------------------------------------------------------------------------------------------

    /**
     * ℓ2 margin gap 1 − γ(w_t)/γ* of normalized GD (step η/(t+1)^decay) against GD (step f/L) on
     * the same instance and budget.
     */
    static final class NormalizedRate extends OnInstance implements ClaimRunner.KeyNumber {

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            double slopeTol = trial.setting().real("slope_tol");
            double gapRatioTol = trial.setting().real("gap_ratio_tol");
            var s = trial.setting();
            double decay = s.real("decay");
            Classification data = inst.data();
            SeparableReferences refs = SeparableReferences.of(data);
            SeparabilityCertificate.Result cert = refs.certificate();
            MaxMargin.Result l2 = refs.l2();
            MaxMargin.Result lInf = refs.lInf();
            double best = l2.margin();
            long tEnd = s.integer("t_end");
            long t1 = s.integer("t_window");
            // normalized GD's base step: ‖w_T‖ ≤ ηT, so γ*·‖w_T‖ ≤ final_margin keeps exp(−yᵢ⟨w, xᵢ⟩) far from underflow
            double etaN = s.real("final_margin") / (best * tEnd);
            double smooth = GramSpectrum.of(data.x()).lambdaMax() / 4;
            double etaG = inst.stepFraction() / smooth;
            Optimizer[] opts = {new SteepestDescent(Norm.L2, etaN, true, decay), new GradientDescent(etaG)};
            String[] names = {"NGD", "GD"};
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.d()), LogisticLoss.INSTANCE, data.x(), data.y());
            var b = TrialResult.of(trial).instance(inst + " " + opts[0].describe() + " vs " + opts[1].describe())
                    .metric("m", inst.m()).metric("d", inst.d()).metric("etaNormalized", etaN).metric("etaGd", etaG);
            double[] gapEnd = new double[2];
            double[] slope = new double[2];
            boolean diverged = false;
            for (int k = 0; k < 2; k++) {
                Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
                probes.put("gap", w -> Vec.norm2(w) == 0 ? Double.NaN
                        : 1 - MarginMeasures.normalizedMargin(w, data, Norm.L2) / best);
                TrainResult run = Trainer.run(risk, opts[k], BatchSampler.full(), new double[inst.d()],
                        new TrainConfig(tEnd, 0, 0, 100, 1e12, 80), probes);
                diverged |= run.diverged();
                double[] steps = ClaimCharts.toArray(run.trajectory().steps());
                double[] gaps = ClaimCharts.toArray(run.trajectory().series("gap"));
                double g1 = at(steps, gaps, t1);
                double t1Actual = atStep(steps, t1);
                gapEnd[k] = gaps[gaps.length - 1];
                slope[k] = (Math.log(gapEnd[k]) - Math.log(g1)) / (Math.log(steps[steps.length - 1]) - Math.log(t1Actual));
                b.metric(names[k] + ".gapAtWindow", g1).metric(names[k] + ".gapAtT", gapEnd[k])
                        .metric(names[k] + ".slope", slope[k]).metric(names[k] + ".normW", Vec.norm2(run.theta()))
                        .trace(names[k], steps, gaps);
            }
            double ratio = gapEnd[0] / gapEnd[1];
            b.metric("gapRatio", ratio);
            b.metric("l2ShortOfLinfMargin", refs.l2ShortOfLinfMargin());
            String bad = refs.unusable().orElse(null);
            if (bad != null) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, bad);
            }
            if (diverged) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, "a run diverged");
            }
            if (!(gapEnd[0] > 0) || !(gapEnd[1] > 0)) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio, "a margin gap is not positive (reference accuracy)");
            }
            boolean pass = ratio <= gapRatioTol && slope[0] <= slopeTol && slope[1] > slopeTol;
            return b.decide(ratio, pass, String.format(Locale.ROOT,
                    "margin gap at T=%d: normalized GD %.3e, GD %.3e (ratio %.4f, need ≤ %.2f); log-log slope over [%d, %d]: "
                            + "normalized GD %.3f (need ≤ %.1f), GD %.3f (need > %.1f)",
                    tEnd, gapEnd[0], gapEnd[1], ratio, gapRatioTol, t1, tEnd, slope[0], slopeTol, slope[1], slopeTol));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "NGD", e.arm() + "-normalized-gd-gap",
                            "Normalized GD: ℓ2 margin gap 1 − γ(w_t)/γ* (" + e.arm() + ")", "step t", "margin gap", true, true),
                    ClaimCharts.traces(e, "GD", e.arm() + "-gd-gap", "GD: ℓ2 margin gap 1 − γ(w_t)/γ* (" + e.arm() + ")",
                            "step t", "margin gap", true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double gapRatioTol = e.setting().real("gap_ratio_tol");
            double maxRatio = e.max("gapRatio");
            double maxSlope = e.max("NGD.slope");
            double minGdSlope = e.min("GD.slope");
            return String.format(Locale.ROOT,
                    "largest gap ratio normalized GD / GD at T: %.4f (≤ %.2f); steepest-case normalized-GD slope ≥ %.3f "
                            + "(max), GD slope ≥ %.3f (min)",
                    maxRatio, gapRatioTol, maxSlope, minGdSlope);
        }
    }

    /** The recorded value at the first recorded step ≥ t. */
    static double at(double[] steps, double[] values, long t) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= t) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** The first recorded step ≥ t. */
    static double atStep(double[] steps, long t) {
        for (double st : steps) {
            if (st >= t) {
                return st;
            }
        }
        return steps[steps.length - 1];
    }
}
