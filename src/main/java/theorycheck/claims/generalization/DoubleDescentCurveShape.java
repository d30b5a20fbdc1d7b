package theorycheck.claims.generalization;

import java.util.ArrayList;
import java.util.Arrays;
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
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNormRisk;
import theorycheck.reference.SpectralEstimators;

/**
 * The shape of the test-MSE curve against the number of features n at fixed m, judged on medians
 * over Monte-Carlo draws with distribution-free 95% intervals (the mean is infinite at |n − m| ≤ 1).
 *
 * <ul>
 *   <li><b>peak</b>: the grid maximizer n* of the median lies within {@code peak_window} of m, and the
 *   lower end of its interval lies above the upper ends at both {@code peak_flanks} (e.g. m/2 and 8m);</li>
 *   <li><b>second descent</b>: along {@code descent_n} (e.g. m + 2, 2m, 8m) each interval lies
 *   entirely below the previous one.</li>
 * </ul>
 *
 * Which of the two decides a trial is the {@link Rule}; the estimator (setting key {@code estimator})
 * is min-norm X⁺y ({@code min_norm}) or ridge with the Bayes-optimal penalty μ = σ²n/r² (the posterior
 * mean for β ~ N(0, (r²/n)I); {@code tuned_ridge}).
 */
final class DoubleDescentCurveShape implements InstanceCheck<DoubleDescentCurveShape.Instance>, ClaimRunner.KeyNumber {

    /** What a trial must show to PASS. */
    enum Rule {
        /** book.T1.6: a peak near m and a second descent. */
        PEAK_AND_SECOND_DESCENT,
        /** book.A.7 read as "no double descent without mini-batch noise": PASS when there is no peak. */
        NO_PEAK,
        /** book.A.20: a second descent past the threshold. */
        SECOND_DESCENT
    }

    enum Estimator {
        MIN_NORM("min-norm X⁺y"), TUNED_RIDGE("ridge, μ = σ²n/r²");

        final String label;

        Estimator(String label) {
            this.label = label;
        }

        SpectralEstimators.Filter filter(int n, double r, double sigma) {
            if (this == MIN_NORM) {
                return SpectralEstimators.MIN_NORM;
            }
            if (!(r > 0) || !(sigma > 0)) {
                throw new IllegalArgumentException("tuned ridge needs r > 0 and σ > 0, got r=" + r + " σ=" + sigma);
            }
            return SpectralEstimators.ridge(sigma * sigma * n / (r * r));
        }
    }

    record Instance(int m, int[] ns, int draws, double r, double sigma, Estimator estimator, int[] flanks,
            int peakWindow, int[] descent, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, m=%d, n∈%s, ‖β‖=%.3g, σ=%.3g, %d draws, dataSeed=%d",
                    estimator.label, m, Arrays.toString(ns), r, sigma, draws, dataSeed);
        }
    }

    private final Rule rule;

    DoubleDescentCurveShape(Rule rule) {
        this.rule = rule;
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Estimator estimator = s.choice("estimator", Estimator.class);
        double[] rRange = s.range("signal_norm");
        double r = rRange[0] + (rRange[1] - rRange[0]) * trial.rng().uniform();
        return new Instance(s.integer("m"), s.integers("n"), s.integer("draws"), r, s.real("noise_std"), estimator,
                s.integers("peak_flanks"), s.integer("peak_window"), s.integers("descent_n"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        double crossCheckTol = trial.setting().real("cross_check_tol");
        DoubleDescentSweep sweep = DoubleDescentSweep.draw(in.m(), in.ns(), in.draws(), new Rng(in.dataSeed()));
        int k = in.ns().length;
        DoubleDescentStats.Interval[] med = new DoubleDescentStats.Interval[k];
        double[] ratio = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        double[] centre = new double[k];
        double[] minNormMedian = new double[k];
        int star = 0;
        for (int i = 0; i < k; i++) {
            int n = in.ns()[i];
            med[i] = DoubleDescentStats.medianInterval(sweep.testMse(i, in.r(), in.sigma(),
                    in.estimator().filter(n, in.r(), in.sigma())));
            ratio[i] = (double) n / in.m();
            centre[i] = med[i].estimate();
            low[i] = med[i].low();
            high[i] = med[i].high();
            minNormMedian[i] = Vec.median(sweep.testMse(i, in.r(), in.sigma(), SpectralEstimators.MIN_NORM));
            if (centre[i] > centre[star]) {
                star = i;
            }
        }
        int nStar = in.ns()[star];
        boolean peakNearM = Math.abs(nStar - in.m()) <= in.peakWindow();
        double flankMax = 0;
        boolean peakAboveFlanks = true;
        for (int f : in.flanks()) {
            DoubleDescentStats.Interval fl = med[sweep.index(f)];
            flankMax = Math.max(flankMax, fl.estimate());
            peakAboveFlanks &= fl.below(med[star]);
        }
        boolean peak = peakNearM && peakAboveFlanks;
        boolean descent = true;
        StringBuilder path = new StringBuilder();
        for (int j = 0; j < in.descent().length; j++) {
            DoubleDescentStats.Interval now = med[sweep.index(in.descent()[j])];
            if (j > 0) {
                descent &= now.below(med[sweep.index(in.descent()[j - 1])]);
                path.append(" → ");
            }
            path.append(String.format(Locale.ROOT, "%.4g [%.4g, %.4g] at n=%d", now.estimate(), now.low(), now.high(),
                    in.descent()[j]));
        }
        double peakRatio = centre[star] / flankMax;
        double descentRatio = med[sweep.index(in.descent()[0])].estimate()
                / med[sweep.index(in.descent()[in.descent().length - 1])].estimate();

        double r2 = in.r() * in.r();
        double s2 = in.sigma() * in.sigma();
        double[] exact = new double[k];
        double[] asym = new double[k];
        double[] book = new double[k];
        for (int i = 0; i < k; i++) {
            int n = in.ns()[i];
            exact[i] = MinNormRisk.expectedTestMse(in.m(), n, r2, s2);
            asym[i] = s2 + MinNormRisk.asymptoticExcess(ratio[i], r2, s2);
            book[i] = n == in.m() ? Double.NaN : MinNormRisk.bookTestMse(in.m(), n, s2);
        }
        var b = TrialResult.of(trial).instance(in.toString()).metric("m", in.m()).metric("signalNorm", in.r())
                .metric("noiseStd", in.sigma()).metric("nStar", nStar).metric("medianAtStar", centre[star])
                .metric("medianAtStarLow", low[star]).metric("flankMedianMax", flankMax).metric("peakRatio", peakRatio)
                .metric("descentRatio", descentRatio).metric("peak", peak ? 1 : 0).metric("secondDescent", descent ? 1 : 0)
                .metric("crossCheckError", sweep.crossCheckError)
                .metric("ridge", in.estimator() == Estimator.TUNED_RIDGE ? 1 : 0);
        for (int i = 0; i < k; i++) {
            if (in.ns()[i] == in.m()) {
                b.metric("medianAtM", centre[i]);
            }
        }
        for (int f : in.flanks()) {
            b.metric("medianAt" + f, centre[sweep.index(f)]);
        }
        for (int d : in.descent()) {
            b.metric("medianAt" + d, centre[sweep.index(d)]);
        }
        b.trace("median", ratio, centre).trace("ciLow", ratio, low).trace("ciHigh", ratio, high)
                .trace("minNormMedian", ratio, minNormMedian).trace("exactMean", ratio, exact)
                .trace("asymptotic", ratio, asym).trace("book", ratio, book);
        String note = String.format(Locale.ROOT, "%s: median test MSE peaks at n*=%d (m=%d) at %.4g [%.4g, %.4g], "
                + "%.3g× the larger flank median %.4g (flanks n=%s) → peak %s; along n=%s: %s → second descent %s",
                in.estimator().label, nStar, in.m(), centre[star], low[star], high[star], peakRatio, flankMax,
                Arrays.toString(in.flanks()), peak ? "yes" : "no", Arrays.toString(in.descent()), path,
                descent ? "yes" : "no");
        if (!(sweep.crossCheckError <= crossCheckTol)) {
            return b.outcome(Outcome.INCONCLUSIVE, peakRatio, String.format(Locale.ROOT,
                    "spectral risk differs from MinNorm.solve by %.2e relative; ", sweep.crossCheckError) + note);
        }
        return switch (rule) {
            case PEAK_AND_SECOND_DESCENT -> b.decide(peakRatio, peak && descent, note);
            case NO_PEAK -> b.decide(peakRatio, !peak, note);
            case SECOND_DESCENT -> b.decide(descentRatio, descent, note);
        };
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        TrialResult first = e.trials().get(0);
        boolean ridge = first.metrics().get("ridge") == 1;
        String label = (ridge ? Estimator.TUNED_RIDGE : Estimator.MIN_NORM).label;
        for (TrialResult t : e.trials()) {
            double[][] m = t.traces().get("median");
            series.add(Chart.Series.points(String.format(Locale.ROOT, "median test MSE, %s, trial %d (‖β‖=%.2f)",
                    label, t.index(), t.metrics().get("signalNorm")), m[0], m[1]));
            if (series.size() >= ClaimCharts.MAX_CURVES) {
                break;
            }
        }
        add(series, first, "ciLow", "95% interval of the median, low (trial " + first.index() + ")");
        add(series, first, "ciHigh", "95% interval of the median, high (trial " + first.index() + ")");
        if (ridge) {
            add(series, first, "minNormMedian", "median test MSE, min-norm X⁺y, same draws (trial " + first.index() + ")");
        }
        add(series, first, "exactMean", "E test MSE of X⁺y, exact (Belkin–Hsu–Xu; ∞ at |n−m|≤1)");
        add(series, first, "asymptotic", "σ² + proportional limit (Hastie et al.)");
        add(series, first, "book", "book Thm 1.6: σ²/(n−m) + σ²");
        return List.of(new Chart(e.arm() + "-test-mse-vs-n-over-m", String.format(Locale.ROOT,
                "Test MSE vs n/m, m=%.0f, σ=%.3g, %s (%s)", first.metrics().get("m"), first.metrics().get("noiseStd"),
                label, e.arm()), "n/m (features / examples)", "test MSE σ² + ‖θ̂ − β‖² (log)", true, true,
                series));
    }

    private static void add(List<Chart.Series> series, TrialResult t, String trace, String name) {
        double[][] tr = t.traces().get(trace);
        series.add(Chart.Series.line(name, tr[0], tr[1]));
    }

    @Override
    public String keyNumber(Evidence e) {
        TrialResult t = e.trials().get(0);
        var mt = t.metrics();
        int[] nStars = e.trials().stream().mapToInt(x -> x.metrics().get("nStar").intValue()).toArray();
        return String.format(Locale.ROOT, "median test MSE (%s, m=%.0f, σ=%.3g; trial 0 ‖β‖=%.2f): peak at n*=%s, "
                + "%.3g vs flanks ≤ %.4g (ratio %.3g, min over trials %.3g); first/last descent checkpoint ratio %.3g "
                + "(min over trials %.3g); %d of %d trials PASS",
                (mt.get("ridge") == 1 ? Estimator.TUNED_RIDGE : Estimator.MIN_NORM).label, mt.get("m"), mt.get("noiseStd"),
                mt.get("signalNorm"), Arrays.toString(nStars), mt.get("medianAtStar"), mt.get("flankMedianMax"),
                mt.get("peakRatio"), DoubleDescentEvidence.min(e, "peakRatio"), mt.get("descentRatio"),
                DoubleDescentEvidence.min(e, "descentRatio"), e.statistics().pass(), e.trials().size());
    }
}
