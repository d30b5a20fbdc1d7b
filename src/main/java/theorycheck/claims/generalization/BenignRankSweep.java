package theorycheck.claims.generalization;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.data.Spectrum;
import theorycheck.data.SpikedCovariance;
import theorycheck.measure.CovarianceRanks;
import theorycheck.reference.WeightedMinNorm;

/**
 * The min-norm interpolant's excess risk at a fixed sample size m along a sweep of spiked spectra
 * (s spikes of variance 1, a flat tail of q directions with total variance {@code tail_mass}),
 * given as two equal-length integer lists {@code spikes} and {@code tail_dims}. Each
 * point averages {@code draws_per_point} data sets; θ* (norm truth_norm) lies on the top
 * truth_support directions, σ = noise_std. PASS when the excess risk at the last point is at least
 * {@code min_growth} times the first ("the gap grows along the sweep").
 */
final class BenignRankSweep implements InstanceCheck<BenignRankSweep.Instance>, ClaimRunner.KeyNumber {

    record Instance(int m, int[] spikes, int[] tailDims, double tailMass, double[] truthTop, double noiseStd,
            long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d spikes=%s tail_dims=%s tail_mass=%.3g σ=%.3g dataSeed=%d", m,
                    java.util.Arrays.toString(spikes), java.util.Arrays.toString(tailDims), tailMass, noiseStd, dataSeed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        int[] spikes = s.integers("spikes");
        int[] dims = s.integers("tail_dims");
        if (spikes.length != dims.length || spikes.length < 2) {
            throw new IllegalArgumentException("spikes and tail_dims need equal lengths ≥ 2");
        }
        int support = s.integer("truth_support");
        double[] top = SpikedCovariance.truthOnTop(support, support, s.real("truth_norm"), trial.rng().split());
        return new Instance(s.integer("m"), spikes, dims, s.real("tail_mass"), top, s.real("noise_std"),
                trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double minGrowth = trial.setting().real("min_growth");
        int n = inst.spikes().length;
        int draws = trial.setting().integer("draws_per_point");
        double noiseVar = inst.noiseStd() * inst.noiseStd();
        double[] excess = new double[n];
        double[] deff = new double[n];
        double[] bigR = new double[n];
        Rng data = new Rng(inst.dataSeed());
        var b = TrialResult.of(trial).instance(inst.toString());
        for (int i = 0; i < n; i++) {
            Spectrum spectrum = Spectrum.spiked(inst.spikes()[i], 1.0, inst.tailDims()[i], inst.tailMass());
            CovarianceRanks ranks = new CovarianceRanks(spectrum.eigenvalues());
            deff[i] = ranks.energyRank(0.9);
            int kStar = ranks.kStar(1.0, inst.m()).orElse(-1);
            bigR[i] = kStar < 0 ? Double.NaN : ranks.bigR(kStar);
            double[] truth = new double[spectrum.dim()];
            System.arraycopy(inst.truthTop(), 0, truth, 0, inst.truthTop().length);
            for (int r = 0; r < draws; r++) {
                Regression d = SpikedCovariance.draw(spectrum, inst.m(), truth, inst.noiseStd(), data.split());
                excess[i] += SpikedCovariance.excessRisk(spectrum, WeightedMinNorm.minNorm(d.x(), d.y()), truth) / draws;
            }
            b.metric("excess_" + i, excess[i]).metric("deff_" + i, deff[i]).metric("Rkstar_" + i, bigR[i]);
        }
        double growth = excess[n - 1] / excess[0];
        b.metric("growth", growth).trace("excess vs d_eff", deff, excess).trace("excess vs R_k*", bigR, excess);
        String note = String.format(Locale.ROOT,
                "E: %s; d_eff(90%%): %s; R_k*: %s; E_last/E_first = %.3g (σ² = %.3g)", fmt(excess), fmt(deff), fmt(bigR),
                growth, noiseVar);
        return b.decide(growth, growth >= minGrowth, note);
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(
                ClaimCharts.traces(e, "excess vs d_eff", e.arm() + "-excess-vs-deff",
                        "Min-norm excess risk vs the 90%-energy rank d_eff (" + e.arm() + ", m fixed)", "d_eff",
                        "(θ̂−θ*)ᵀΣ(θ̂−θ*)", true, true),
                ClaimCharts.traces(e, "excess vs R_k*", e.arm() + "-excess-vs-Rk",
                        "Min-norm excess risk vs the tail's effective rank R_k* (" + e.arm() + ", m fixed)", "R_k*",
                        "(θ̂−θ*)ᵀΣ(θ̂−θ*)", true, true));
    }

    @Override
    public String keyNumber(Evidence e) {
        double lo = e.min("growth");
        double hi = e.max("growth");
        return String.format(Locale.ROOT, "E_last/E_first in [%.3g, %.3g] (claim: ≥ %.1f)", lo, hi, e.setting().real("min_growth"));
    }
}
