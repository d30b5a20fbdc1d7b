package theorycheck.claims;

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
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/** Least squares and minimum norm (CATALOGUE.md §1): GD's implicit bias on underdetermined least squares. */
class MinNormClaims {

    @Test
    @ClaimId("book.T1.1")
    void book_T1_1() {
        ClaimVerifier.verify("book.T1.1", new GdFromStart(false), new GdFromStart(true));
    }

    /**
     * GD on (1/2m)‖Xw − y‖², judged against X⁺y: distance at the end and null-space component
     * along the way. {@code randomStart} is the control: w₀ ~ N(0, I).
     */
    static final class GdFromStart implements InstanceCheck<LeastSquaresInstance>, ClaimRunner.KeyNumber {
        static final double REL_ERROR_TOL = 1e-8;
        static final double NULL_COMPONENT_TOL = 1e-10;
        private final boolean randomStart;

        GdFromStart(boolean randomStart) {
            this.randomStart = randomStart;
        }

        @Override
        public LeastSquaresInstance draw(Trial trial) {
            return LeastSquaresInstance.draw(trial);
        }

        @Override
        public List<LeastSquaresInstance> shrink(LeastSquaresInstance instance) {
            return instance.halved();
        }

        @Override
        public TrialResult check(LeastSquaresInstance inst, Trial trial) {
            Regression d = inst.data();
            Mat x = d.x();
            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            double alpha = inst.step(spectrum);
            double[] wStar = MinNorm.solve(x, d.y());
            double scale = Vec.norm2(wStar);
            Mat pinv = MinNorm.pseudoInverse(x);
            double[] w0 = randomStart ? new Rng(inst.dataSeed() ^ 0x5eed).gaussianVector(inst.n(), 1.0) : new double[inst.n()];
            Map<String, ToDoubleFunction<double[]>> probes = new java.util.LinkedHashMap<>();
            probes.put("relError", w -> Vec.distance(w, wStar) / scale);
            probes.put("nullComponent", w -> Vec.distance(w, Ops.gemv(pinv, Ops.gemv(x, w, null), null)) / scale);
            // ‖w − w*‖ on the row space ≤ ‖∇L‖/λmin⁺: stop when that bound is 1e-10 relative.
            double gradTol = 1e-10 * scale * spectrum.lambdaMinNonzero();
            TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"), gradTol);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
            TrainResult run = Trainer.run(risk, new GradientDescent(alpha), BatchSampler.full(), w0, config, probes);

            double relError = Vec.distance(run.theta(), wStar) / scale;
            double maxNull = run.trajectory().series("nullComponent").stream().mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN);
            var b = TrialResult.of(trial).instance(inst + (randomStart ? " w0~N(0,I)" : " w0=0"))
                    .metric("m", inst.m()).metric("n", inst.n()).metric("alpha", alpha)
                    .metric("lambdaMax", spectrum.lambdaMax()).metric("condition", spectrum.conditionNumber())
                    .metric("steps", run.steps()).metric("relError", relError).metric("maxNullComponent", maxNull)
                    .metric("normW", Vec.norm2(run.theta())).metric("normMinNorm", scale)
                    .trace("relError", ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("relError")))
                    .trace("nullComponent", ClaimCharts.toArray(run.trajectory().steps()),
                            ClaimCharts.toArray(run.trajectory().series("nullComponent")));
            if (!run.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, relError, run.status() + ": " + run.detail());
            }
            boolean pass = relError <= REL_ERROR_TOL && maxNull <= NULL_COMPONENT_TOL;
            return b.decide(relError, pass, String.format(Locale.ROOT,
                    "‖w−X⁺y‖/‖X⁺y‖ = %.3g (tol %.0e), max null component %.3g (tol %.0e) after %d steps", relError,
                    REL_ERROR_TOL, maxNull, NULL_COMPONENT_TOL, run.steps()));
        }

        @Override
        public List<Chart> charts(Evidence e) {
            return List.of(
                    ClaimCharts.traces(e, "relError", e.arm() + "-distance-to-min-norm",
                            "GD: ‖w_t − X⁺y‖ / ‖X⁺y‖ (" + e.arm() + ")", "step t", "relative distance", true, true),
                    ClaimCharts.traces(e, "nullComponent", e.arm() + "-null-space-component",
                            "GD: ‖P_null(X) w_t‖ / ‖X⁺y‖ (" + e.arm() + ")", "step t", "null-space component", true,
                            true));
        }

        @Override
        public String keyNumber(Evidence e) {
            double maxErr = e.trials().stream().mapToDouble(t -> t.metrics().get("relError")).max().orElse(Double.NaN);
            double maxNull = e.trials().stream().mapToDouble(t -> t.metrics().get("maxNullComponent")).max()
                    .orElse(Double.NaN);
            return String.format(Locale.ROOT, "max ‖w−X⁺y‖/‖X⁺y‖ = %.2e, max null-space component = %.2e", maxErr,
                    maxNull);
        }
    }
}
