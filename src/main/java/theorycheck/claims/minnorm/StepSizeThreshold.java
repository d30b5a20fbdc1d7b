package theorycheck.claims.minnorm;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * book.A.1's "iff": on one instance, a step inside (0, 2/λmax) must converge to X⁺y and a step
 * above 2/λmax must diverge. The range end is 2/λ for the λ named by setting.bound: λmax (the
 * theorem) or λmean, the mean non-zero eigenvalue of XᵀX/m (the control's misplaced end, whose
 * "inside" steps exceed 2/λmax and diverge).
 */
final class StepSizeThreshold implements InstanceCheck<StepSizeThreshold.Instance>, ClaimRunner.KeyNumber {
    record Instance(LeastSquaresInstance base, double outsideFraction) {
        @Override
        public String toString() {
            return base + String.format(Locale.ROOT, " outside=%.3f·2/bound", outsideFraction);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        LeastSquaresInstance base = LeastSquaresInstance.draw(trial);
        double[] out = trial.setting().range("outside_fraction");
        return new Instance(base, trial.rng().uniform(out[0], out[1]));
    }

    @Override
    public List<Instance> shrink(Instance instance) {
        return instance.base().halved().stream().map(b -> new Instance(b, instance.outsideFraction())).toList();
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double relErrorTol = trial.setting().real("rel_error_tol");
        Regression d = inst.base().data();
        Mat x = d.x();
        GramSpectrum.Result spectrum = GramSpectrum.of(x);
        Bound which = trial.setting().choice("bound", Bound.class);
        double bound = which == Bound.LAMBDA_MEAN ? meanNonzero(spectrum) : spectrum.lambdaMax();
        double inside = inst.base().stepFraction() * 2 / bound;
        double outside = inst.outsideFraction() * 2 / bound;
        double[] wStar = MinNorm.solve(x, d.y());
        double scale = Vec.norm2(wStar);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(x.cols()), SquaredLoss.INSTANCE, x, d.y());
        TrainConfig config = TrainConfig.fullBatch(trial.setting().integer("max_steps"),
                1e-10 * scale * spectrum.lambdaMinNonzero()).withRecordPoints(0);
        TrainResult in = Trainer.run(risk, new GradientDescent(inside), new double[x.cols()], config);
        TrainResult out = Trainer.run(risk, new GradientDescent(outside), new double[x.cols()], config);
        double relError = in.diverged() ? Double.POSITIVE_INFINITY : Vec.distance(in.theta(), wStar) / scale;
        var b = TrialResult.of(trial).instance(inst + " bound=" + Setting.label(which))
                .metric("insideStepTimesLambdaMax", inside * spectrum.lambdaMax())
                .metric("outsideStepTimesLambdaMax", outside * spectrum.lambdaMax())
                .metric("insideRelError", relError).metric("insideSteps", in.steps())
                .metric("outsideDiverged", out.diverged() ? 1 : 0).metric("outsideSteps", out.steps());
        if (in.status() == theorycheck.train.RunStatus.BUDGET_EXHAUSTED || out.status() == theorycheck.train.RunStatus.BUDGET_EXHAUSTED) {
            return b.outcome(Outcome.INCONCLUSIVE, relError, "a run neither converged nor diverged in budget");
        }
        boolean pass = in.converged() && relError <= relErrorTol && out.diverged();
        return b.decide(relError, pass, String.format(Locale.ROOT,
                "inside (α·λmax = %.3f): %s, relative error %.3g; outside (α·λmax = %.3f): %s at step %d",
                inside * spectrum.lambdaMax(), in.status(), relError, outside * spectrum.lambdaMax(), out.status(),
                out.steps()));
    }

    private static double meanNonzero(GramSpectrum.Result s) {
        double sum = 0;
        for (int i = 0; i < s.rank(); i++) {
            sum += s.eigenvalues()[i];
        }
        return sum / s.rank();
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-threshold", "Steps tried vs outcome (" + e.arm() + "): α·λmax",
                "α·λmax of the 'inside' step", "α·λmax of the 'outside' step", false, false,
                List.of(ClaimCharts.scatter(e, "insideStepTimesLambdaMax", "outsideStepTimesLambdaMax"),
                        Chart.Series.line("α·λmax = 2", new double[] {0, 4}, new double[] {2, 2}))));
    }

    @Override
    public String keyNumber(Evidence e) {
        double maxErr = e.max("insideRelError");
        long diverged = e.trials().stream().filter(t -> t.metrics().get("outsideDiverged") == 1).count();
        return String.format(Locale.ROOT, "inside: max relative error %.2e; outside: %d of %d diverged", maxErr,
                diverged, e.trials().size());
    }
}
