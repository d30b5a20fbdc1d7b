package theorycheck.claims.minnorm;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
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
import theorycheck.optim.Optimizer;
import theorycheck.optim.Optimizers;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Trains from 0 to near interpolation and measures how far the end point lies from the row
 * space: ‖P_null(X) w_T‖ / ‖X⁺y‖. Any interpolant is X⁺y plus its null-space part, so this is
 * the distance of the interpolant reached from the minimum-norm one. The optimizers come from
 * setting.optimizers (the claim's Adam and AdaGrad; the control's GD).
 */
final class LeavesRowSpace extends OnLeastSquares implements ClaimRunner.KeyNumber {

    enum Method {
        ADAM, ADAGRAD, GD
    }

    @Override
    public TrialResult check(LeastSquaresInstance inst, Trial trial) {
        double trainedFraction = trial.setting().real("trained_fraction");
        double differentLimitTol = trial.setting().real("different_limit_tol");
        Regression d = inst.data();
        Mat x = d.x();
        GramSpectrum.Result spectrum = GramSpectrum.of(x);
        double[] wStar = MinNorm.solve(x, d.y());
        double scale = Vec.norm2(wStar);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
        double initialLoss = risk.value(new double[inst.n()]);
        int maxSteps = trial.setting().integer("max_steps");
        List<Optimizer> optimizers = trial.setting().choices("optimizers", Method.class).stream()
                .map(method -> switch (method) {
                    case ADAM -> Optimizers.parse(trial.setting().text("adam"));
                    case ADAGRAD -> Optimizers.parse(trial.setting().text("adagrad"));
                    case GD -> new GradientDescent(inst.step(spectrum));
                }).toList();
        var b = TrialResult.of(trial).metric("m", inst.m()).metric("n", inst.n());
        StringBuilder desc = new StringBuilder(inst.toString());
        double minNull = Double.POSITIVE_INFINITY;
        boolean allTrained = true;
        for (Optimizer opt : optimizers) {
            TrainConfig config = TrainConfig.fullBatch(maxSteps, 0).withLossTol(trainedFraction * initialLoss)
                    .withRecordPoints(0);
            TrainResult r = Trainer.run(risk, opt, new double[inst.n()], config);
            double nullPart = Vec.norm2(MinNorm.projectNullSpace(x, r.theta())) / scale;
            String name = opt.describe().substring(0, opt.describe().indexOf('('));
            b.metric(name + ".nullComponent", nullPart).metric(name + ".lossRatio", r.loss() / initialLoss)
                    .metric(name + ".steps", r.steps())
                    .metric(name + ".relDistanceToMinNorm", Vec.distance(r.theta(), wStar) / scale);
            desc.append(' ').append(opt.describe());
            allTrained &= r.converged();
            minNull = Math.min(minNull, nullPart);
        }
        b.instance(desc.toString()).metric("minNullComponent", minNull);
        if (!allTrained) {
            return b.outcome(Outcome.INCONCLUSIVE, minNull, "an optimizer did not reach the training-loss target");
        }
        return b.decide(minNull, minNull > differentLimitTol, String.format(Locale.ROOT,
                "smallest null-space part among the optimizers: %.3g·‖X⁺y‖ (different from X⁺y if > %.0e)",
                minNull, differentLimitTol));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-null-part", "Null-space part of the interpolant reached (" + e.arm()
                + ")", "parameters n", "min over optimizers ‖P_null w_T‖ / ‖X⁺y‖", false, true,
                List.of(ClaimCharts.scatter(e, "n", "minNullComponent"))));
    }

    @Override
    public String keyNumber(Evidence e) {
        double min = e.min("minNullComponent");
        return String.format(Locale.ROOT, "smallest null-space part reached: %.3g·‖X⁺y‖", min);
    }
}
