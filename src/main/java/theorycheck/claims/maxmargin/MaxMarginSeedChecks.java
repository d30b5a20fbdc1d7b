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
import theorycheck.claims.maxmargin.AngleRate;
import theorycheck.claims.maxmargin.DirectionRate;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Norm;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.LogisticMinimizer;
import theorycheck.reference.MarginMeasures;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * The seed repository's "GD converges to the max ℓ2-margin solution", on
 * certified separable data and on the data of the seed's own "linearly separable" generator.
 */
class MaxMarginSeedChecks {
    /** Puts this class's checks into {@code checks}, by claim id. */
    static void register(Map<String, Supplier<InstanceCheck<?>>> checks) {
        checks.put("seed.gd-l2", () -> new DirectionRate(LogisticLoss.INSTANCE));
        checks.put("seed.gd-l2-seed-data", SeedGenerator::new);
    }

    /**
     * GD from 0 on the mean logistic loss over one draw of the seed's two shifted unit Gaussians,
     * and a census of how often that generator gives data separable through the origin. Separable
     * draws are judged by {@link AngleRate} against the hard-margin SVM; on the others GD has a
     * finite limit, the logistic minimizer (Newton), and converging to it is a counterexample to
     * "GD converges to the max ℓ2-margin solution" on these data.
     */
    static final class SeedGenerator implements InstanceCheck<SeedGenerator.Instance>, ClaimRunner.KeyNumber {

        record Instance(int m, int d, double shift, long dataSeed, long censusSeed) {
            Classification data() {
                return SeparableDesigns.shiftedGaussians(m, d, shift, new Rng(dataSeed));
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "m=%d d=%d Gaussians shifted ±%.2f dataSeed=%d", m, d, shift, dataSeed);
            }
        }

        @Override
        public Instance draw(Trial trial) {
            var s = trial.setting();
            Rng rng = trial.rng();
            return new Instance(s.integer("m"), s.integer("d"), s.real("shift"), rng.nextLong(),
                    rng.nextLong());
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            var s = trial.setting();
            int census = s.integer("census");
            Rng censusRng = new Rng(inst.censusSeed());
            int separableDraws = 0;
            for (int k = 0; k < census; k++) {
                Classification c = SeparableDesigns.shiftedGaussians(inst.m(), inst.d(), inst.shift(), censusRng.split());
                separableDraws += SeparabilityCertificate.certify(c).separable() ? 1 : 0;
            }
            Classification data = inst.data();
            SeparabilityCertificate.Result cert = SeparabilityCertificate.certify(data);
            double smooth = GramSpectrum.of(data.x()).lambdaMax() / 4; // mean logistic loss: Hessian ≤ XᵀX/(4m)
            GradientDescent gd = new GradientDescent(s.real("step_fraction") / smooth);
            long tEnd = s.integer("t_end");
            var b = TrialResult.of(trial).instance(inst + " " + gd.describe()).metric("census", census)
                    .metric("censusSeparable", separableDraws).metric("separable", cert.separable() ? 1 : 0)
                    .metric("certifiedLinfMargin", cert.margin());
            double rateGrowthTol = s.real("rate_growth_tol");
            double stopGradient = s.real("stop_gradient");
            double atMinimizerTol = s.real("at_minimizer_tol");
            return cert.separable() ? separableCase(data, gd, s.integer("t_start"), tEnd, rateGrowthTol, b)
                    : overlappingCase(data, gd, tEnd, stopGradient, atMinimizerTol, b);
        }

        private static TrialResult separableCase(Classification data, GradientDescent gd, long t0, long tEnd,
                double rateGrowthTol, TrialResult.Builder b) {
            MaxMargin.Result l2 = MaxMargin.l2(data);
            AngleRate r = AngleRate.measure(data, LogisticLoss.INSTANCE, gd, l2, t0, tEnd);
            double[] normalized = new double[r.ratios().length];
            for (int i = 0; i < normalized.length; i++) {
                normalized[i] = r.ratios()[i] * l2.margin();
            }
            double end = normalized[normalized.length - 1];
            b.metric("angleAtT0", r.a0()).metric("angleAtT", r.aEnd()).metric("rateGrowth", r.growth())
                    .metric("marginRatioAtT", r.ratios()[r.ratios().length - 1]).metric("normalizedMarginAtT", end)
                    .metric("normW", Vec.norm2(r.run().theta())).trace("normalizedMargin", r.steps(), normalized)
                    .trace("normW", r.steps(), r.norms());
            if (!l2.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, end, "the ℓ2 max-margin reference did not verify its optimality");
            }
            if (r.run().diverged()) {
                return b.outcome(Outcome.INCONCLUSIVE, end, "run diverged: " + r.run().detail());
            }
            boolean pass = r.aEnd() < r.a0() && r.growth() <= rateGrowthTol;
            return b.decide(end, pass, String.format(Locale.ROOT,
                    "separable draw: angle to the ℓ2 max-margin direction %.4f → %.4f rad, growth of angle·log t/log log t "
                            + "%.3f (≤ %.1f passes), margin ratio %.4f",
                    r.a0(), r.aEnd(), r.growth(), rateGrowthTol, b.peek("marginRatioAtT")));
        }

        private static TrialResult overlappingCase(Classification data, GradientDescent gd, long tEnd,
                double stopGradient, double atMinimizerTol, TrialResult.Builder b) {
            LogisticMinimizer.Result newton = LogisticMinimizer.solve(data);
            Map<String, ToDoubleFunction<double[]>> probes = new LinkedHashMap<>();
            probes.put("normalizedMargin", w -> Vec.norm2(w) == 0 ? Double.NaN
                    : MarginMeasures.normalizedMargin(w, data, Norm.L2));
            probes.put("normW", Vec::norm2);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(data.dim()), LogisticLoss.INSTANCE, data.x(), data.y());
            TrainResult run = Trainer.run(risk, gd, BatchSampler.full(), new double[data.dim()],
                    new TrainConfig(tEnd, stopGradient, 0, 100, 1e12, 80), probes);
            double[] steps = ClaimCharts.toArray(run.trajectory().steps());
            double[] normalized = ClaimCharts.toArray(run.trajectory().series("normalizedMargin"));
            double end = normalized[normalized.length - 1];
            double distance = Vec.distance(run.theta(), newton.w()) / Vec.norm2(newton.w());
            int misclassified = 0;
            for (double v : MarginMeasures.margins(run.theta(), data, null)) {
                misclassified += v <= 0 ? 1 : 0;
            }
            b.metric("relativeDistanceToMinimizer", distance).metric("normalizedMarginAtT", end)
                    .metric("normW", Vec.norm2(run.theta())).metric("normMinimizer", Vec.norm2(newton.w()))
                    .metric("misclassified", misclassified).trace("normalizedMargin", steps, normalized)
                    .trace("normW", steps, ClaimCharts.toArray(run.trajectory().series("normW")));
            if (!newton.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, end, "the LP found no separator but Newton found no finite minimizer: "
                        + newton.detail());
            }
            if (run.diverged() || !(distance <= atMinimizerTol)) {
                return b.outcome(Outcome.INCONCLUSIVE, end, String.format(Locale.ROOT,
                        "GD did not reach the finite minimizer within the budget (relative distance %.2e) %s", distance,
                        run.diverged() ? run.detail() : ""));
            }
            return b.decide(end, false, String.format(Locale.ROOT,
                    "not separable through the origin: GD converged to the finite logistic minimizer (relative distance "
                            + "%.1e, ‖w‖ = %.3f) that misclassifies %d of %d points, normalized ℓ2 margin %.4f: there is no "
                            + "max-margin direction to converge to", distance, Vec.norm2(newton.w()), misclassified,
                    data.examples(), end));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "normalizedMargin", e.arm() + "-normalized-margin",
                            "GD on the seed's shifted Gaussians: normalized ℓ2 margin minᵢ yᵢ⟨w_t, xᵢ⟩/‖w_t‖ (" + e.arm() + ")",
                            "step t", "γ(w_t)/‖w_t‖₂", true, false),
                    ClaimCharts.traces(e, "normW", e.arm() + "-norm", "GD: ‖w_t‖₂, bounded at a finite minimizer, "
                            + "≈ log t on separable data (" + e.arm() + ")", "step t", "‖w_t‖₂", true, true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double draws = e.sum("census");
            double separable = e.sum("censusSeparable");
            long overlapping = e.trials().stream().filter(t -> t.metrics().get("separable") == 0).count();
            return String.format(Locale.ROOT,
                    "seed generator separable through the origin in %.0f of %.0f draws; %d of %d trial draws not separable, "
                            + "GD at the finite minimizer there", separable, draws, overlapping, e.trials().size());
        }
    }
}
