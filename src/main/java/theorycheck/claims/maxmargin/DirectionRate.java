package theorycheck.claims.maxmargin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.linalg.Vec;
import theorycheck.loss.ExponentialLoss;
import theorycheck.loss.Loss;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.SteepestDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MaxMargin;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainResult;

/**
 * Judges directional convergence to the ℓ2 max-margin direction by its rate. Soudry et al. (2018,
 * Thm. 3) give angle(w_t, ŵ) = O(log log t / log t) (O(1/log t) for almost every data set), so
 * a(t)·log t / log log t must not grow between T₀ and T; converging to any other direction
 * makes it grow like log t / log log t (by ≈ 1.47× from 10³ to 10⁶ steps). The setting's
 * {@code optimizer} names the method run (see {@link RateOptimizer}).
 */
final class DirectionRate extends OnSeparable implements ClaimRunner.KeyNumber {
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
    public TrialResult check(SeparableInstance inst, Trial trial) {
        double rateGrowthTol = trial.setting().real("rate_growth_tol");
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
            Rng sampling = Rng.stream(trial.seed(), "sgd-sampling");
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
        boolean pass = aEnd < a0 && growth <= rateGrowthTol;
        return b.decide(growth, pass, String.format(Locale.ROOT,
                "%s: angle to the ℓ2 max-margin direction %.4f rad at t=%d → %.4f at t=%d; growth of angle·log t/log log t "
                        + "%.3f (≤ %.1f for convergence at the theory's rate); margin ratio %.4f", what, a0, t0, aEnd,
                tEnd, growth, rateGrowthTol, ratios[ratios.length - 1]));
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
        double rateGrowthTol = e.setting().real("rate_growth_tol");
        double maxGrowth = e.max("rateGrowth");
        double maxAngle = e.max("angleAtT");
        double minRatio = e.min("marginRatioAtT");
        return String.format(Locale.ROOT,
                "largest growth of angle·log t/log log t: %.3f (tol %.1f); angle at the end ≤ %.4f rad; ℓ2 margin ratio ≥ %.4f",
                maxGrowth, rateGrowthTol, maxAngle, minRatio);
    }
}
