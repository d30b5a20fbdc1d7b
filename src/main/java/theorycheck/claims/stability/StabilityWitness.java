package theorycheck.claims.stability;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.measure.ClopperPearson;

/**
 * book.A.10: a learner that is not uniformly stable yet generalizes. Thresholds on [0, 1] with
 * the 0-1 loss, x ~ U[0, 1], y = 1[x ≥ θ*] (realizable). The learner is ERM: θ̂ is the midpoint
 * between the largest negative and the smallest positive training point, so R̂ = 0 and the
 * population risk is exactly |θ̂ − θ*|. Replacing the smallest positive point by the point 1 moves
 * θ̂, and every test x between the old and new θ̂ changes its loss by 1: replace-one stability is 1
 * on every such S. With learner: memorizer the learner instead predicts the stored label on a
 * training point and 0 elsewhere.
 */
final class StabilityWitness implements InstanceCheck<StabilityWitness.Instance>, ClaimRunner.KeyNumber {
    record Instance(int m, double threshold, boolean memorizer, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d θ*=%.3f", m, threshold);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        boolean memorizer = s.choice("learner", "threshold_erm", "memorizer").equals("memorizer");
        return new Instance(trial.drawInt("m"), trial.drawUniform("threshold"), memorizer, rng.nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        int sets = s.integer("training_sets");
        double tau = s.real("gap_tolerance");
        double delta = s.real("delta");
        double instabilityMin = s.real("instability_min");
        Rng rng = new Rng(in.seed());
        int large = 0;
        double minInstability = Double.POSITIVE_INFINITY;
        double[] gaps = new double[sets];
        for (int k = 0; k < sets; k++) {
            double[] x = new double[in.m()];
            Rng r = rng.split();
            for (int i = 0; i < x.length; i++) {
                x[i] = r.uniform();
            }
            double gap;
            double instability;
            if (in.memorizer()) {
                // R̂ = 0 (distinct points); R = P(y = 1) = 1 − θ* (a finite set has measure zero);
                // replacing a positive training point by a fresh one flips the loss at the old point
                gap = 1 - in.threshold();
                instability = hasPositive(x, in.threshold()) ? 1 : 0;
            } else {
                double thetaHat = erm(x, in.threshold());
                gap = Math.abs(thetaHat - in.threshold()); // R − R̂ with R̂ = 0
                double[] replaced = replaceSmallestPositive(x, in.threshold());
                double moved = Math.abs(erm(replaced, in.threshold()) - thetaHat);
                instability = moved > 0 ? 1 : 0; // a test point strictly between the two thresholds flips
            }
            gaps[k] = gap;
            minInstability = Math.min(minInstability, instability);
            if (gap > tau) {
                large++;
            }
        }
        double[] ci = ClopperPearson.interval(large, sets, 0.05);
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double quantile = sorted[(int) Math.ceil((1 - delta) * sets) - 1];
        var b = TrialResult.of(trial).instance(in + (in.memorizer() ? " memorizer" : " threshold ERM"))
                .metric("m", in.m()).metric("replaceOneStability", minInstability).metric("gapQuantile", quantile)
                .metric("gapMax", sorted[sets - 1]).metric("largeGaps", large).metric("ciHigh", ci[1]);
        String note = String.format(Locale.ROOT, "replace-one uniform stability %.0f on every set (≥ %.2f needed); "
                + "gap R − R̂ > %.2f on %d/%d sets (CP95 upper %.4f, ≤ δ = %.2f needed); %.0f%% gap quantile %.4g, max %.4g",
                minInstability, instabilityMin, tau, large, sets, ci[1], delta, 100 * (1 - delta), quantile, sorted[sets - 1]);
        boolean witness = minInstability >= instabilityMin && ci[1] <= delta;
        return b.decide(ci[1], witness, note);
    }

    /** Midpoint between the largest negative and the smallest positive point (0 or 1 when a side is empty). */
    static double erm(double[] x, double threshold) {
        double maxNeg = 0;
        double minPos = 1;
        for (double v : x) {
            if (v >= threshold) {
                minPos = Math.min(minPos, v);
            } else {
                maxNeg = Math.max(maxNeg, v);
            }
        }
        return 0.5 * (maxNeg + minPos);
    }

    private static boolean hasPositive(double[] x, double threshold) {
        for (double v : x) {
            if (v >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** The sample with its smallest positive point moved to 1 (unchanged when there is none). */
    private static double[] replaceSmallestPositive(double[] x, double threshold) {
        double[] out = x.clone();
        int arg = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= threshold && (arg < 0 || x[i] < x[arg])) {
                arg = i;
            }
        }
        if (arg >= 0) {
            out[arg] = 1.0;
        }
        return out;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        Chart.Series gap = ClaimCharts.scatter(e, "m", "gapQuantile");
        Chart.Series stab = ClaimCharts.scatter(e, "m", "replaceOneStability");
        return List.of(new Chart(e.arm() + "-stability-vs-gap", "Replace-one stability and 95% gap quantile ("
                + e.arm() + ")", "m", "0-1 loss", true, true, List.of(
                        Chart.Series.points("replace-one uniform stability", stab.x(), stab.y()),
                        Chart.Series.points("95% quantile of R − R̂", gap.x(), gap.y()))));
    }

    @Override
    public String keyNumber(Evidence e) {
        double stab = e.min("replaceOneStability");
        double q = e.max("gapQuantile");
        return String.format(Locale.ROOT, "replace-one stability %.0f in every trial; largest 95%% gap quantile %.4f",
                stab, q);
    }
}
