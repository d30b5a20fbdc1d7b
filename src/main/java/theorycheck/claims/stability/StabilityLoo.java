package theorycheck.claims.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.measure.LeaveOneOut;
import theorycheck.reference.Ridge;

/**
 * book.C.16: ridge w_S = (XᵀX + λI)⁻¹Xᵀy (the book's normalization) on a Gaussian design; for
 * each λ of the grid, the mean leave-one-out parameter change Δ̄ = (1/m)Σ‖w_S − w_{S\i}‖ by exact
 * retraining, and the generalization gap R(w_S) − R̂(w_S) with the exact population risk.
 * A realization agrees when both shrink by at least the stated fraction at every step of the grid.
 */
final class StabilityLoo implements InstanceCheck<StabilityLoo.Instance>, ClaimRunner.KeyNumber {
    record Instance(int m, int d, double featureStd, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d d=%d x ~ N(0, %.3g²I)", m, d, featureStd);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        return new Instance(s.integer("m"), s.integer("d"), 1 / Math.sqrt(s.integer("d")), trial.rng().nextLong());
    }

    /** Δ̄, population risk and training error of the book's ridge along the λ grid. */
    private record Sweep(double[] loo, double[] test, double[] train) {
        static Sweep run(Mat x, double[] y, double[] wStar, double featureStd, double noise, double[] grid) {
            int m = x.rows();
            double[] loo = new double[grid.length];
            double[] test = new double[grid.length];
            double[] train = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                // book: (XᵀX + λI)⁻¹Xᵀy = Xᵀ(XXᵀ + λI)⁻¹y on any number n of examples, = Ridge with λ/n
                double[] w = Ridge.solve(x, y, grid[k] / m);
                double[][] removed = LeaveOneOut.ridgeRemoveEach(x, y, grid[k]);
                for (double[] wi : removed) {
                    loo[k] += Vec.distance(w, wi) / m;
                }
                double dist = Vec.distance(w, wStar);
                test[k] = featureStd * featureStd * dist * dist + noise * noise; // E(⟨w, x⟩ − y)²
                train[k] = StabilityData.meanSquaredError(x, y, w);
            }
            return new Sweep(loo, test, train);
        }

        /** The smallest relative decrease (v[k−1] − v[k])/|v[k−1]| along the grid (negative: an increase). */
        static double worstShrink(double[] v) {
            double worst = Double.POSITIVE_INFINITY;
            for (int k = 1; k < v.length; k++) {
                worst = Math.min(worst, (v[k - 1] - v[k]) / Math.abs(v[k - 1]));
            }
            return worst;
        }
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        double[] grid = s.reals("lambdas");
        double noise = s.real("noise");
        double minShrink = s.real("min_shrink");
        // the gap as read (test − train), or the book's literal Gap = train − test (control)
        double sign = s.choice("gap", "test_minus_train", "train_minus_test").equals("test_minus_train") ? 1 : -1;
        Rng rng = new Rng(in.seed());
        double[] wStar = rng.split().gaussianVector(in.d(), 1.0 / (in.featureStd() * Math.sqrt(in.d())));
        Mat x = RandomDesigns.gaussian(in.m(), in.d(), in.featureStd(), rng.split());
        double[] y = Ops.gemv(x, wStar, null);
        Rng noiseRng = rng.split();
        for (int i = 0; i < y.length; i++) {
            y[i] += noise * noiseRng.gaussian();
        }
        Sweep sw = Sweep.run(x, y, wStar, in.featureStd(), noise, grid);
        double[] gap = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            gap[k] = sign * (sw.test()[k] - sw.train()[k]);
        }
        double worstLoo = Sweep.worstShrink(sw.loo());
        double worstGap = Math.abs(gap[0]) > 0 ? Sweep.worstShrink(gap) : Double.NaN;
        // the same design and responses with raw features x√d (‖x‖² ≈ d) and w*/√d: reported, not judged
        double root = Math.sqrt(in.d());
        Sweep raw = Sweep.run(Ops.scale(root, x), y, Vec.scale(1 / root, wStar), 1.0, noise, grid);
        double[] rawGap = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            rawGap[k] = raw.test()[k] - raw.train()[k];
        }
        double key = Math.min(worstLoo, worstGap) - minShrink;
        var b = TrialResult.of(trial).instance(in.toString()).metric("worstLooShrink", worstLoo)
                .metric("worstGapShrink", worstGap).metric("rawWorstLooShrink", Sweep.worstShrink(raw.loo()))
                .metric("rawWorstGapShrink", Sweep.worstShrink(rawGap));
        StringBuilder note = new StringBuilder();
        for (int k = 0; k < grid.length; k++) {
            b.metric("loo λ=" + grid[k], sw.loo()[k]).metric("gap λ=" + grid[k], gap[k])
                    .metric("test λ=" + grid[k], sw.test()[k]).metric("train λ=" + grid[k], sw.train()[k])
                    .metric("raw loo λ=" + grid[k], raw.loo()[k]).metric("raw gap λ=" + grid[k], rawGap[k]);
            note.append(String.format(Locale.ROOT, "λ=%g: Δ̄=%.4g %s=%.4g (test %.4g, train %.4g); ", grid[k],
                    sw.loo()[k], sign > 0 ? "test−train" : "train−test", gap[k], sw.test()[k], sw.train()[k]));
        }
        b.trace("loo", grid, sw.loo()).trace("gap", grid, gap);
        note.append(String.format(Locale.ROOT, "smallest relative shrink per step: Δ̄ %.3f, gap %.3f (> %.0e agrees); "
                + "raw features (unjudged): Δ̄ %.4f, gap %.4f", worstLoo, worstGap, minShrink,
                Sweep.worstShrink(raw.loo()), Sweep.worstShrink(rawGap)));
        return b.decide(key, key > 0, note.toString());
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= ClaimCharts.MAX_CURVES) {
                break;
            }
            double[][] loo = t.traces().get("loo");
            double[][] gap = t.traces().get("gap");
            series.add(Chart.Series.points("Δ̄, trial " + t.index(), loo[0], loo[1]));
            series.add(Chart.Series.line("gap, trial " + t.index(), gap[0], gap[1]));
        }
        return List.of(new Chart(e.arm() + "-loo-and-gap-vs-lambda", "Ridge: mean LOO parameter change and gap ("
                + e.arm() + ")", "λ (book's normalization)", "Δ̄ (points) and R − R̂ (lines)", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double loo = e.min("worstLooShrink");
        double gap = e.min("worstGapShrink");
        double rawLoo = e.max("rawWorstLooShrink");
        return String.format(Locale.ROOT, "smallest shrink per 10× in λ over trials: Δ̄ %.3f, gap %.3f (raw features: Δ̄ "
                + "at most %.4f)", loo, gap, rawLoo);
    }
}
