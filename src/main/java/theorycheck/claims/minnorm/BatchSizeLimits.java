package theorycheck.claims.minnorm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Mini-batch SGD (reshuffled epochs) from 0 with one step for all batch sizes; the limits (or,
 * on an overdetermined instance, the end points after the fixed epoch budget) are compared
 * across batch sizes. With n ≥ m (the claim's setting) the noisy labels are still interpolated
 * and every run stops at a gradient that pins its limit; with n < m (the control's aspect) there
 * is no interpolant, constant-step SGD has no point limit, and its end point depends on B.
 */
final class BatchSizeLimits extends OnLeastSquares implements ClaimRunner.KeyNumber {

    @Override
    public LeastSquaresInstance draw(Trial trial) {
        LeastSquaresInstance inst = LeastSquaresInstance.draw(trial);
        return inst.n() >= 2 ? inst : new LeastSquaresInstance(inst.m(), 2, Math.min(inst.sparsity(), 2),
                inst.noiseStd(), inst.stepFraction(), inst.dataSeed());
    }

    @Override
    public List<LeastSquaresInstance> shrink(LeastSquaresInstance instance) {
        // halving makes n > m: only an interpolating instance keeps its premise
        return instance.n() >= instance.m() ? instance.halved() : List.of();
    }

    @Override
    public TrialResult check(LeastSquaresInstance inst, Trial trial) {
        double sameLimitTol = trial.setting().real("same_limit_tol");
        Regression d = inst.data();
        Mat x = d.x();
        int m = inst.m();
        boolean overdetermined = inst.n() < m;
        // One step that is stable for every batch, even a single example: f / max_i ‖x_i‖².
        double maxRowNorm2 = 0;
        for (int i = 0; i < m; i++) {
            double r = Vec.norm2(x.row(i));
            maxRowNorm2 = Math.max(maxRowNorm2, r * r);
        }
        double alpha = inst.stepFraction() / maxRowNorm2;
        int[] sizes = trial.setting().integers("batch_sizes");
        double[] wStar = MinNorm.solve(x, d.y());
        double scale = Vec.norm2(wStar);
        GramSpectrum.Result spectrum = GramSpectrum.of(x);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, d.y());
        long epochs = trial.setting().integer("epochs");
        var b = TrialResult.of(trial).instance(String.format(Locale.ROOT,
                "m=%d n=%d k=%d noise=%.3g α=%.3f/max‖x_i‖²=%.4g dataSeed=%d", m, inst.n(), inst.sparsity(),
                inst.noiseStd(), inst.stepFraction(), alpha, inst.dataSeed()))
                .metric("m", m).metric("n", inst.n()).metric("alpha", alpha);
        double[][] limits = new double[sizes.length][];
        boolean allConverged = true;
        for (int k = 0; k < sizes.length; k++) {
            int bs = Math.min(sizes[k], m);
            int perEpoch = (m + bs - 1) / bs;
            // interpolation regime: stop at a full-gradient norm giving 1e-10 relative row-space error
            double gradTol = overdetermined ? 0 : 1e-10 * scale * spectrum.lambdaMinNonzero();
            TrainConfig config = new TrainConfig(epochs * perEpoch, gradTol, 0, perEpoch, 1e12, 0);
            BatchSampler sampler = BatchSampler.withoutReplacement(m, bs, Rng.stream(trial.seed(), "batch-order", k));
            TrainResult r = Trainer.run(risk, new GradientDescent(alpha), sampler, new double[inst.n()], config,
                    Map.of());
            limits[k] = r.theta();
            allConverged &= overdetermined ? !r.diverged() : r.converged();
            b.metric("B" + bs + ".relDistanceToMinNorm", Vec.distance(r.theta(), wStar) / scale)
                    .metric("B" + bs + ".epochs", (double) r.steps() / perEpoch);
        }
        double spread = 0;
        for (int k = 1; k < sizes.length; k++) {
            spread = Math.max(spread, Vec.distance(limits[k], limits[0]) / Vec.norm2(limits[0]));
        }
        b.metric("spread", spread);
        if (!allConverged) {
            return b.outcome(Outcome.INCONCLUSIVE, spread, "a batch size did not converge in the epoch budget");
        }
        return b.decide(spread, spread > sameLimitTol, String.format(Locale.ROOT,
                "largest relative difference between batch sizes' limits: %.3g (they differ if > %.0e)", spread,
                sameLimitTol));
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new java.util.ArrayList<>();
        series.add(ClaimCharts.scatter(e, "n", "spread"));
        return List.of(new Chart(e.arm() + "-spread", "Largest relative difference of limits across batch sizes ("
                + e.arm() + ")", "parameters n", "max_B ‖w_B − w_B1‖ / ‖w_B1‖", false, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double max = e.max("spread");
        return String.format(Locale.ROOT, "largest relative difference of limits across batch sizes: %.2e", max);
    }
}
