package theorycheck.claims.generalization;

import java.util.ArrayList;
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
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNormRisk;
import theorycheck.reference.SpectralEstimators;

/**
 * The tail of the min-norm excess risk ‖X⁺y − β‖² at n = m + gap over many draws: Hill's tail
 * index α̂ with its ~95% interval decides whether the expectation is infinite (α &lt; 1). At n = m,
 * X is square and invertible, ‖X⁻¹y − β‖² = σ²‖X⁻¹z‖² exactly, and the smallest singular value
 * s_min of a square Gaussian matrix has P(√m·s_min ≤ x) ≈ x near 0 (Edelman 1988), so
 * P(excess &gt; t) ~ t^{−1/2}: α = 1/2. With |n − m| = g the exponent is (g + 1)/2.
 */
final class DoubleDescentThresholdTail implements InstanceCheck<DoubleDescentThresholdTail.Instance>,
        ClaimRunner.KeyNumber {
    /** Points kept when drawing the empirical survival function (log-spaced ranks). */
    static final int CHART_POINTS = 120;

    record Instance(int m, int gap, int draws, double sigma, double r, double hillFraction, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "min-norm X⁺y, m=%d, n=%d, ‖β‖=%.3g, σ=%.3g, %d draws, dataSeed=%d", m,
                    m + gap, r, sigma, draws, dataSeed);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        int[] ms = s.integers("m");
        return new Instance(ms[trial.index() % ms.length], s.integer("gap"),
                s.integer("draws"), s.real("noise_std"), s.real("signal_norm"), s.real("hill_fraction"),
                trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        double crossCheckTol = trial.setting().real("cross_check_tol");
        int n = in.m() + in.gap();
        DoubleDescentSweep sweep = DoubleDescentSweep.draw(in.m(), new int[] {n}, in.draws(), new Rng(in.dataSeed()));
        double s2 = in.sigma() * in.sigma();
        double[] excess = sweep.excess(0, in.r(), in.sigma(), SpectralEstimators.MIN_NORM);
        double[] perNoise = new double[excess.length];
        for (int d = 0; d < excess.length; d++) {
            perNoise[d] = excess[d] / s2;
        }
        int k = (int) Math.round(in.hillFraction() * in.draws());
        DoubleDescentStats.Interval hill = DoubleDescentStats.hill(perNoise, k);
        double[] sorted = DoubleDescentStats.sorted(perNoise);
        // the same draws with the noise switched off and a 100× larger signal: at n = m nothing is left
        double[] signalOnly = sweep.excess(0, 100 * in.r(), 0.0, SpectralEstimators.MIN_NORM);
        double[] loud = sweep.excess(0, in.r(), 10 * in.sigma(), SpectralEstimators.MIN_NORM);

        // running mean of the excess over the first N draws, at log-spaced N
        List<double[]> running = new ArrayList<>();
        double sum = 0;
        int nextMark = 1;
        for (int d = 0; d < perNoise.length; d++) {
            sum += perNoise[d];
            if (d + 1 == nextMark || d + 1 == perNoise.length) {
                running.add(new double[] {d + 1, sum / (d + 1)});
                nextMark = (int) Math.ceil(nextMark * 1.25);
            }
        }
        double[] survivalX = new double[CHART_POINTS];
        double[] survivalY = new double[CHART_POINTS];
        int len = sorted.length;
        for (int j = 0; j < CHART_POINTS; j++) {
            // ranks from 1 to N, log-spaced: the tail gets as many points as the body
            int rank = (int) Math.min(len, Math.round(Math.pow(len, (double) j / (CHART_POINTS - 1))));
            survivalX[j] = sorted[len - rank];
            survivalY[j] = (double) rank / len;
        }
        double q90 = DoubleDescentStats.quantile(sorted, 0.9);
        double[] refX = {q90, sorted[len - 1]};
        double slope = (in.gap() + 1) / 2.0;
        double[] refY = {0.1, 0.1 * Math.pow(sorted[len - 1] / q90, -slope)};
        double meanTheory = MinNormRisk.expectedExcess(in.m(), n, in.r() * in.r(), s2) / s2;
        var b = TrialResult.of(trial).instance(in.toString()).metric("m", in.m()).metric("n", n)
                .metric("hillAlpha", hill.estimate()).metric("hillLow", hill.low()).metric("hillHigh", hill.high())
                .metric("theoryAlpha", slope).metric("hillK", k)
                .metric("medianExcessOverSigma2", Vec.median(perNoise))
                .metric("q90ExcessOverSigma2", q90).metric("q99ExcessOverSigma2", DoubleDescentStats.quantile(sorted, 0.99))
                .metric("maxExcessOverSigma2", sorted[len - 1])
                .metric("runningMeanAtEighth", running.get(indexAtOrBelow(running, len / 8))[1])
                .metric("runningMeanAtAll", sum / len).metric("exactMeanOverSigma2", meanTheory)
                // for a tail index below 1 the largest draw keeps a non-vanishing share of the sum; above 1 it → 0
                .metric("largestDrawShareOfSum", sorted[len - 1] / sum)
                .metric("maxExcessNoNoiseSignal100", DoubleDescentStats.sorted(signalOnly)[len - 1])
                .metric("medianRatioSigma10OverSigma1", Vec.median(loud) / Vec.median(excess))
                .metric("crossCheckError", sweep.crossCheckError)
                .trace("survival", survivalX, survivalY).trace("reference", refX, refY)
                .trace("runningMean", running.stream().mapToDouble(v -> v[0]).toArray(),
                        running.stream().mapToDouble(v -> v[1]).toArray());
        String note = String.format(Locale.ROOT, "n=%d, m=%d: Hill tail index of ‖X⁺y − β‖²/σ² α̂=%.3f [%.3f, %.3f] "
                + "(k=%d of %d; theory (|n−m|+1)/2 = %.1f; α<1 ⇔ infinite mean); median %.4g, 99%% quantile %.4g, "
                + "max %.4g (%.1f%% of the sum of all draws); running mean %.4g after %d draws, %.4g after %d (exact mean %s); "
                + "with σ=0 and ‖β‖=100 "
                + "the largest excess is %.2e; median(σ=10)/median(σ=1) = %.4g", n, in.m(), hill.estimate(), hill.low(),
                hill.high(), k, len, slope, Vec.median(perNoise), DoubleDescentStats.quantile(sorted, 0.99),
                sorted[len - 1], 100 * sorted[len - 1] / sum, running.get(indexAtOrBelow(running, len / 8))[1],
                (int) running.get(indexAtOrBelow(running, len / 8))[0], sum / len, len,
                Double.isInfinite(meanTheory) ? "∞" : String.format(Locale.ROOT, "%.4g", meanTheory),
                DoubleDescentStats.sorted(signalOnly)[len - 1],
                Vec.median(loud) / Vec.median(excess));
        if (!(sweep.crossCheckError <= crossCheckTol)) {
            return b.outcome(Outcome.INCONCLUSIVE, hill.high(), "spectral risk disagrees with MinNorm.solve; " + note);
        }
        if (hill.high() < 1) {
            return b.outcome(Outcome.PASS, hill.high(), note);
        }
        if (hill.low() > 1) {
            return b.outcome(Outcome.FAIL, hill.high(), note);
        }
        return b.outcome(Outcome.INCONCLUSIVE, hill.high(), "the interval of α̂ contains 1; " + note);
    }

    private static int indexAtOrBelow(List<double[]> running, int n) {
        int best = 0;
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i)[0] <= n) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> survival = new ArrayList<>();
        List<Chart.Series> running = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            var mt = t.metrics();
            String label = String.format(Locale.ROOT, "m=%.0f, n=%.0f (α̂=%.2f)", mt.get("m"), mt.get("n"),
                    mt.get("hillAlpha"));
            double[][] s = t.traces().get("survival");
            survival.add(Chart.Series.points("P(excess/σ² > t), " + label, s[0], s[1]));
            double[][] ref = t.traces().get("reference");
            survival.add(Chart.Series.line(String.format(Locale.ROOT, "slope −%.1f reference, m=%.0f",
                    mt.get("theoryAlpha"), mt.get("m")), ref[0], ref[1]));
            double[][] r = t.traces().get("runningMean");
            running.add(Chart.Series.line("running mean of excess/σ², " + label, r[0], r[1]));
        }
        return List.of(
                new Chart(e.arm() + "-survival", "Tail of the min-norm excess risk ‖X⁺y − β‖²/σ² (" + e.arm() + ")",
                        "t", "fraction of draws with excess/σ² > t", true, true, survival),
                new Chart(e.arm() + "-running-mean", "Running mean of ‖X⁺y − β‖²/σ² over draws (" + e.arm() + ")",
                        "number of draws N", "mean of the first N draws", true, true, running));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DoubleDescentEvidence.perTrial(e, mt -> String.format(Locale.ROOT, "m=n=%.0f: tail index α̂ %.3f "
                + "[%.3f, %.3f] (theory 0.5), median excess/σ² %.4g, max %.3g = %.0f%% of the sum of all draws",
                mt.get("m"), mt.get("hillAlpha"), mt.get("hillLow"), mt.get("hillHigh"),
                mt.get("medianExcessOverSigma2"), mt.get("maxExcessOverSigma2"), 100 * mt.get("largestDrawShareOfSum")));
    }
}
