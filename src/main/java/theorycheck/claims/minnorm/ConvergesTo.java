package theorycheck.claims.minnorm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.Optimizer;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Runs one optimizer (setting.optimizer) on (1/2m)‖Xw − y‖² from a start (setting.start) and
 * judges the limit against an exact reference: relative distance at the end, and (optionally)
 * the null-space component of every recorded iterate.
 */
final class ConvergesTo extends OnLeastSquares implements ClaimRunner.KeyNumber {
    private final Reference reference;
    private final boolean checkNullSpace;

    ConvergesTo(Reference reference, boolean checkNullSpace) {
        this.reference = reference;
        this.checkNullSpace = checkNullSpace;
    }

    @Override
    public TrialResult check(LeastSquaresInstance inst, Trial trial) {
        double relErrorTol = trial.setting().real("rel_error_tol");
        double nullComponentTol = checkNullSpace ? trial.setting().real("null_component_tol") : Double.NaN;
        Regression d = inst.data();
        Mat x = d.x();
        GramSpectrum.Result spectrum = GramSpectrum.of(x);
        Setting s = trial.setting();
        Start start = s.choice("start", Start.class);
        Method method = s.choice("optimizer", Method.class);
        double[] w0 = start.of(inst, s);
        double[] target = reference.of(x, d.y(), w0);
        double scale = Vec.norm2(target);
        Mat pinv = MinNorm.pseudoInverse(x);
        Map<String, ToDoubleFunction<double[]>> probes = new java.util.LinkedHashMap<>();
        probes.put("relError", w -> Vec.distance(w, target) / scale);
        probes.put("nullComponent", w -> Vec.distance(w, Ops.gemv(pinv, Ops.gemv(x, w, null), null)) / scale);
        // On the row space ‖w − w*‖ ≤ ‖∇L‖/λmin⁺ for GD's limit: stop when that bound is 1e-10 relative.
        double gradTol = 1e-10 * scale * spectrum.lambdaMinNonzero();
        TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"), gradTol);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
        Optimizer opt = method.of(inst, spectrum, s);
        TrainResult run = Trainer.run(risk, opt, BatchSampler.full(), w0, config, probes);

        double relError = Vec.distance(run.theta(), target) / scale;
        double maxNull = run.trajectory().series("nullComponent").stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
        var b = TrialResult.of(trial).instance(inst + " from " + Setting.label(start) + " " + opt.describe())
                .metric("m", inst.m()).metric("n", inst.n()).metric("stepFraction", inst.stepFraction())
                .metric("lambdaMax", spectrum.lambdaMax()).metric("condition", spectrum.conditionNumber())
                .metric("steps", run.steps()).metric("relError", relError).metric("maxNullComponent", maxNull)
                .metric("normW", Vec.norm2(run.theta())).metric("normReference", scale)
                .trace("relError", ClaimCharts.toArray(run.trajectory().steps()),
                        ClaimCharts.toArray(run.trajectory().series("relError")))
                .trace("nullComponent", ClaimCharts.toArray(run.trajectory().steps()),
                        ClaimCharts.toArray(run.trajectory().series("nullComponent")));
        if (!run.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, relError, run.status() + ": " + run.detail());
        }
        boolean pass = relError <= relErrorTol && (!checkNullSpace || maxNull <= nullComponentTol);
        return b.decide(relError, pass, String.format(Locale.ROOT,
                "relative distance to the reference %.3g (tol %.0e), max null component %.3g%s after %d steps",
                relError, relErrorTol, maxNull, checkNullSpace ? String.format(Locale.ROOT, " (tol %.0e)", nullComponentTol) : " (not judged)", run.steps()));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "relError", e.arm() + "-distance-to-reference",
                        "‖w_t − w_ref‖ / ‖w_ref‖ (" + e.arm() + ")", "step t", "relative distance", true,
                        true),
                ClaimCharts.traces(e, "nullComponent", e.arm() + "-null-space-component",
                        "‖P_null(X) w_t‖ / ‖w_ref‖ (" + e.arm() + ")", "step t", "null-space component",
                        true, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        double maxErr = e.max("relError");
        double maxNull = e.max("maxNullComponent");
        if (!checkNullSpace) {
            return String.format(Locale.ROOT, "max relative distance to reference = %.2e", maxErr);
        }
        return String.format(Locale.ROOT, "max relative distance to reference = %.2e, max null-space component = %.2e",
                maxErr, maxNull);
    }
}
