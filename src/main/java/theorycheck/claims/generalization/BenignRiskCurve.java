package theorycheck.claims.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.data.Spectrum;
import theorycheck.data.SpikedCovariance;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.measure.CovarianceRanks;

/**
 * The excess risk (θ̂ − θ*)ᵀΣ(θ̂ − θ*) of an interpolant as the sample size m grows along
 * {@code m_grid}, for one spectrum family ({@link BenignFamily}), averaged over {@code draws_per_m}
 * fresh data sets at every m, with one θ* (norm {@code truth_norm}, on the top {@code truth_support}
 * directions) per trial. Labels carry
 * N(0, noise_std²) noise, so the interpolant fits noise. Setting keys: m_grid, draws_per_m, truth_norm,
 * truth_support, noise_std, spectrum (a {@link BenignFamily}), b (k*'s constant) and, for GD,
 * max_steps and init_std.
 *
 * <p>Per trial it records E(m), the ratio ρ = E(m_max)/E(m_min), E(m_max)/σ², the norm of θ̂, and
 * Bartlett et al.'s bound shape (unit constants) with its ranks; {@link Rule} turns them into an
 * outcome.
 */
final class BenignRiskCurve implements InstanceCheck<BenignRiskCurve.Instance>, ClaimRunner.KeyNumber {

    /** How a trial's curve is judged. */
    enum Rule {
        /** PASS iff ρ ≤ 1/2: the excess risk falls (the book's O(√(d_eff/m)) predicts ρ ≈ √(m_min/m_max)). */
        FALLS,
        /** PASS iff benign: ρ ≤ 1/2, E(m_max) ≤ σ²/4, every fit interpolates. */
        BENIGN,
        /** PASS iff not benign (the statement "benign overfitting needs explicit help" survives). */
        NOT_BENIGN,
        /** PASS iff E(m_max) ≤ σ²: the test MSE σ² + E is within a factor 2 of the noise floor. */
        NEAR_NOISE
    }

    record Instance(BenignFamily family, int[] grid, double[] truthTop, double noiseStd, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s m=%s ‖θ*‖=%.3g on %d top directions σ=%.3g dataSeed=%d", family,
                    java.util.Arrays.toString(grid), Vec.norm2(truthTop), truthTop.length, noiseStd, dataSeed);
        }
    }

    private final BenignFit fit;
    private final Rule rule;

    BenignRiskCurve(BenignFit fit, Rule rule) {
        this.fit = fit;
        this.rule = rule;
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        double[] top = SpikedCovariance.truthOnTop(s.integer("truth_support"), s.integer("truth_support"),
                s.real("truth_norm"), rng.split());
        return new Instance(BenignFamily.parse(s.text("spectrum")), s.integers("m_grid"), top, s.real("noise_std"),
                rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double gdLimitTol = trial.setting().real("gd_limit_tol");
        double benignFractionOfNoise = trial.setting().real("benign_fraction_of_noise");
        double fallRatio = trial.setting().real("fall_ratio");
        int[] grid = inst.grid();
        double noiseVar = inst.noiseStd() * inst.noiseStd();
        double b = trial.setting().real("b");
        int draws = trial.setting().integer("draws_per_m");
        double[] ms = new double[grid.length];
        double[] excess = new double[grid.length];
        double[] bound = new double[grid.length];
        double[] norms = new double[grid.length];
        double[] r0m = new double[grid.length];
        double[] km = new double[grid.length];
        double[] mr = new double[grid.length];
        double worstTrain = 0, worstLimit = 0;
        boolean failedRun = false;
        Rng data = new Rng(inst.dataSeed());
        var builder = TrialResult.of(trial).instance(inst + " fit=" + fit.name());
        for (int i = 0; i < grid.length; i++) {
            int m = grid[i];
            Spectrum spectrum = inst.family().at(m);
            double[] truth = new double[spectrum.dim()];
            System.arraycopy(inst.truthTop(), 0, truth, 0, Math.min(truth.length, inst.truthTop().length));
            ms[i] = m;
            for (int r = 0; r < draws; r++) {
                Regression d = SpikedCovariance.draw(spectrum, m, truth, inst.noiseStd(), data.split());
                BenignFit.Fitted f = fit.fit(d, trial.setting(), data.split());
                failedRun |= f.failed();
                double[] resid = Vec.sub(Ops.gemv(d.x(), f.theta(), null), d.y());
                worstTrain = Math.max(worstTrain, Vec.dot(resid, resid) / Vec.dot(d.y(), d.y()));
                worstLimit = Math.max(worstLimit, f.distanceToLimit());
                excess[i] += SpikedCovariance.excessRisk(spectrum, f.theta(), truth) / draws;
                norms[i] += Vec.norm2(f.theta()) / draws;
            }
            CovarianceRanks.BoundShape shape = new CovarianceRanks(spectrum.eigenvalues()).boundShape(b, m,
                    Vec.dot(truth, truth), noiseVar);
            bound[i] = shape.total();
            r0m[i] = shape.r0OverM();
            km[i] = shape.kStarOverM();
            mr[i] = shape.mOverRkStar();
            builder.metric("excess_m" + m, excess[i]);
        }
        int last = grid.length - 1;
        double rho = excess[last] / excess[0];
        double endOverNoise = excess[last] / noiseVar;
        builder.metric("rho", rho).metric("excessEndOverNoise", endOverNoise).metric("boundRatio", bound[last] / bound[0])
                .metric("normStart", norms[0]).metric("normEnd", norms[last]).metric("worstTrainRel", worstTrain)
                .metric("worstDistanceToLimit", worstLimit).metric("mOverRkStarEnd", mr[last])
                .metric("r0OverMEnd", r0m[last]).metric("kStarOverMEnd", km[last]);
        builder.trace("excess", ms, excess).trace("bound", ms, bound).trace("norm", ms, norms).trace("r0/m", ms, r0m)
                .trace("k*/m", ms, km).trace("m/R_k*", ms, mr);
        Spectrum end = inst.family().at(grid[last]);
        double[] idx = new double[end.dim()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j + 1;
        }
        builder.trace("spectrum", idx, end.eigenvalues());
        String summary = String.format(Locale.ROOT,
                "E(m=%d)=%.4g → E(m=%d)=%.4g, ρ=%.3g, E_end/σ²=%.3g, bound-shape ratio %.3g, ‖θ̂‖ %.3g → %.3g,"
                        + " worst train loss/‖y‖² %.2e, worst distance to GD's limit %.2e",
                grid[0], excess[0], grid[last], excess[last], rho, endOverNoise, bound[last] / bound[0], norms[0],
                norms[last], worstTrain, worstLimit);
        
        if (failedRun) {
            return builder.outcome(Outcome.INCONCLUSIVE, rho, "a GD run did not reach the loss tolerance; " + summary);
        }
        boolean interpolates = worstTrain <= 1e-12 && worstLimit <= gdLimitTol;
        boolean falls = rho <= fallRatio;
        boolean benign = falls && endOverNoise <= benignFractionOfNoise && interpolates;
        boolean pass = switch (rule) {
            case FALLS -> falls;
            case BENIGN -> benign;
            case NOT_BENIGN -> !benign;
            case NEAR_NOISE -> endOverNoise <= 1 && interpolates;
        };
        return builder.decide(rho, pass, summary);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart> charts = new ArrayList<>();
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= 2 * ClaimCharts.MAX_CURVES) {
                break;
            }
            double[][] ex = t.traces().get("excess");
            double[][] bd = t.traces().get("bound");
            series.add(Chart.Series.line(e.arm() + " trial " + t.index() + " excess risk", ex[0], ex[1]));
            // the bound has unknown constants: show its shape, pinned to the measured risk at the smallest m
            double[] scaled = new double[bd[1].length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = bd[1][i] / bd[1][0] * ex[1][0];
            }
            series.add(Chart.Series.line(e.arm() + " trial " + t.index() + " bound shape (scaled)", bd[0], scaled));
        }
        charts.add(new Chart(e.arm() + "-excess-vs-m", "Excess risk vs m (" + e.arm() + ", " + fit.name() + ")", "m (samples)", "(θ̂−θ*)ᵀΣ(θ̂−θ*)", true, true, series));
        if (!e.trials().isEmpty()) {
            TrialResult t = e.trials().get(0);
            double[][] sp = t.traces().get("spectrum");
            charts.add(new Chart(e.arm() + "-spectrum", "Covariance spectrum at the largest m (" + e.arm() + ")",
                    "index i", "λ_i", true, true, List.of(Chart.Series.line(e.arm(), sp[0], sp[1]))));
            List<Chart.Series> ranks = new ArrayList<>();
            for (String name : List.of("r0/m", "k*/m", "m/R_k*")) {
                double[][] tr = t.traces().get(name);
                ranks.add(Chart.Series.line(name, tr[0], tr[1]));
            }
            charts.add(new Chart(e.arm() + "-effective-ranks", "Bartlett et al.'s benign-overfitting ratios vs m ("
                    + e.arm() + "); benign needs all three → 0", "m (samples)", "ratio", true, true, ranks));
            charts.add(ClaimCharts.traces(e, "norm", e.arm() + "-norm", "‖θ̂‖ vs m (" + e.arm() + ")", "m (samples)",
                    "‖θ̂‖₂", true, true));
        }
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, endLo = lo, endHi = hi;
        for (TrialResult t : e.trials()) {
            double rho = t.metrics().get("rho");
            double end = t.metrics().get("excessEndOverNoise");
            lo = Math.min(lo, rho);
            hi = Math.max(hi, rho);
            endLo = Math.min(endLo, end);
            endHi = Math.max(endHi, end);
        }
        return String.format(Locale.ROOT, "ρ = E(m_max)/E(m_min) in [%.3g, %.3g]; E(m_max)/σ² in [%.3g, %.3g]", lo, hi,
                endLo, endHi);
    }
}
