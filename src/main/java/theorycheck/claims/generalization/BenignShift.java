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
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.reference.WeightedMinNorm;

/**
 * Robustness of interpolants to a covariate shift. Training rows x ~ N(0, Σ), Σ = diag(5 spikes of
 * 1, a flat tail of q = round(aspect·m) directions with total variance 1), noisy labels (σ =
 * noise_std). All interpolants have training loss 0. Under a test covariance Σ' the excess risk of
 * θ is (θ − θ*)ᵀΣ'(θ − θ*); compared are the minimum-norm interpolant X⁺y, the exact most robust
 * interpolant argmin{(θ − θ*)ᵀΣ'(θ − θ*) : Xθ = y} ({@link WeightedMinNorm}, D = Σ', θ₀ = θ*, reported),
 * and a structured alternative of larger norm: the min-norm interpolant that uses only the spikes and
 * the first half A of the tail. The shift multiplies the variance of one tail half, B or A
 * ({@code shifted_half}), by κ. PASS when X⁺y is at least as robust as the structured alternative.
 */
final class BenignShift implements InstanceCheck<BenignShift.Instance>, ClaimRunner.KeyNumber {
    static final int SPIKES = 5;

    record Instance(int m, int q, double kappa, boolean shiftA, double noiseStd, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d spikes=%d tail q=%d shift: half %s ×κ, κ=%.3g σ=%.3g dataSeed=%d", m,
                    SPIKES, q, shiftA ? "A" : "B", kappa, noiseStd, dataSeed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        BenignSize size = BenignSize.draw(trial);
        Rng rng = trial.rng();
        // the tail half whose variance the shift multiplies by κ
        String half = trial.setting().choice("shifted_half", "A", "B");
        return new Instance(size.m(), (int) Math.round(size.aspect() * size.m()), trial.drawLogUniform("kappa"),
                half.equals("A"), trial.setting().real("noise_std"), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        Spectrum spectrum = Spectrum.spiked(SPIKES, 1.0, inst.q(), 1.0);
        int p = spectrum.dim();
        int blockA = SPIKES + inst.q() / 2; // coordinates [0, blockA): spikes and tail half A; the rest is B
        Rng rng = new Rng(inst.dataSeed());
        double[] truth = SpikedCovariance.truthOnTop(p, SPIKES, 1.0, rng.split());
        Regression d = SpikedCovariance.draw(spectrum, inst.m(), truth, inst.noiseStd(), rng.split());
        double[] test = spectrum.eigenvalues();
        for (int j = 0; j < p; j++) {
            boolean inA = j >= SPIKES && j < blockA;
            boolean inB = j >= blockA;
            test[j] = (inst.shiftA() ? inA : inB) ? inst.kappa() * test[j] : test[j];
        }
        double[] minNorm = WeightedMinNorm.minNorm(d.x(), d.y());
        double[] best = WeightedMinNorm.solve(d.x(), d.y(), test, truth);
        double[] onA = restrictedMinNorm(d.x(), d.y(), blockA);
        double eMin = SpikedCovariance.excessRisk(test, minNorm, truth);
        double eBest = SpikedCovariance.excessRisk(test, best, truth);
        double eA = SpikedCovariance.excessRisk(test, onA, truth);
        double trainWorst = Math.max(residual(d, minNorm), Math.max(residual(d, best), residual(d, onA)));
        double ratioBest = eMin / eBest;
        double ratioA = eMin / eA;
        var b = TrialResult.of(trial).instance(inst.toString())
                .metric("kappa", inst.kappa()).metric("excessMinNorm", eMin).metric("excessBest", eBest)
                .metric("excessOnA", eA).metric("ratioToBest", ratioBest).metric("ratioToOnA", ratioA)
                .metric("normMinNorm", Vec.norm2(minNorm)).metric("normBest", Vec.norm2(best))
                .metric("normOnA", Vec.norm2(onA)).metric("worstTrainResidual", trainWorst);
        String note = String.format(Locale.ROOT,
                "shifted excess risk: min-norm %.4g (‖θ‖ %.3g), most robust interpolant %.4g (‖θ‖ %.3g), spikes+A-only"
                        + " interpolant %.4g (‖θ‖ %.3g); worst ‖Xθ − y‖ %.2e",
                eMin, Vec.norm2(minNorm), eBest, Vec.norm2(best), eA, Vec.norm2(onA), trainWorst);
        return b.decide(ratioA, eMin <= eA, note);
    }

    /** X⁺y computed with the columns [0, k) only, padded with zeros: an interpolant when k ≥ m. */
    private static double[] restrictedMinNorm(Mat x, double[] y, int k) {
        int m = x.rows();
        int p = x.cols();
        Mat sub = new Mat(m, k);
        for (int i = 0; i < m; i++) {
            System.arraycopy(x.data(), i * p, sub.data(), i * k, k);
        }
        double[] w = WeightedMinNorm.minNorm(sub, y);
        double[] out = new double[p];
        System.arraycopy(w, 0, out, 0, k);
        return out;
    }

    private static double residual(Regression d, double[] theta) {
        return Vec.distance(Ops.gemv(d.x(), theta, null), d.y());
    }

    @Override
    public List<Chart> charts(Evidence e) {
        return List.of(new Chart(e.arm() + "-robustness", "Shifted excess risk of X⁺y relative to other interpolants ("
                + e.arm() + "); > 1 means X⁺y is less robust", "shift strength κ", "E(X⁺y) / E(other)", true, true,
                List.of(renamed(ClaimCharts.scatter(e, "kappa", "ratioToBest"), e.arm() + ": vs most robust interpolant"),
                        renamed(ClaimCharts.scatter(e, "kappa", "ratioToOnA"), e.arm() + ": vs spikes+A-only interpolant"),
                        Chart.Series.line("ratio 1", new double[] {5, 200}, new double[] {1, 1}))));
    }

    private static Chart.Series renamed(Chart.Series s, String name) {
        return Chart.Series.points(name, s.x(), s.y());
    }

    @Override
    public String keyNumber(Evidence e) {
        double lo = e.min("ratioToOnA");
        double hi = e.max("ratioToOnA");
        double best = e.min("ratioToBest");
        return String.format(Locale.ROOT,
                "E(X⁺y)/E(spikes+A-only interpolant) in [%.4g, %.4g]; E(X⁺y)/E(most robust interpolant) ≥ %.4g", lo, hi,
                best);
    }
}
