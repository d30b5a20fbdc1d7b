package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.EPS;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.logGrid;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.maxMetric;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.sq;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.traceSeries;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.traceXSpan;

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
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNorm;
import theorycheck.reference.Ridge;

/**
 * ‖w_λ‖/‖X⁺y‖ for ridge argmin ‖Xw − y‖² + λ‖w − c‖² at the book's λ, a drawn λ and a grid, with
 * the centre c ~ N(0, centre_std²I): the claim's centre_std 0 is the book's (XᵀX + λI)⁻¹Xᵀy; the
 * control's 1 shrinks toward a random centre instead of 0.
 */
final class RidgeNorm implements InstanceCheck<RidgeNorm.Instance>, ClaimRunner.KeyNumber {

    record Instance(int m, int n, boolean example, double thetaStd, double noiseStd, double drawnLambda,
            double centreStd, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d n=%d%s θ~N(0,%.3g²I) noise=%.3g λ=%.3g c~N(0,%.3g²I) dataSeed=%d",
                    m, n, example ? " (Example 1)" : "", thetaStd, noiseStd, drawnLambda, centreStd, dataSeed);
        }

        Problem data() {
            Rng r = new Rng(dataSeed);
            Mat x = RandomDesigns.gaussian(m, n, 1.0, r.split());
            double[] theta = r.split().gaussianVector(n, thetaStd);
            double[] y = RandomDesigns.linearTargets(x, theta, noiseStd, r.split());
            double[] centre = r.split().gaussianVector(n, centreStd);
            return new Problem(x, y, centre);
        }
    }

    record Problem(Mat x, double[] y, double[] centre) {
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        boolean example = trial.index() % 2 == 0;
        int m = trial.drawInt("m");
        int n = (int) Math.round(m * trial.drawUniform("aspect"));
        double lambda = trial.drawLogUniform("lambda");
        double centreStd = s.real("centre_std");
        return example ? new Instance(s.integer("example_m"), s.integer("example_n"), true, s.real("theta_std"),
                s.real("noise_std"), lambda, centreStd, rng.nextLong())
                : new Instance(m, Math.max(m + 1, n), false, s.real("theta_std"), s.real("noise_std"), lambda,
                        centreStd, rng.nextLong());
    }

    @Override
    public List<Instance> shrink(Instance inst) {
        if (inst.m() <= 2) {
            return List.of();
        }
        int m2 = Math.max(2, inst.m() / 2);
        return List.of(new Instance(m2, Math.max(m2 + 1, inst.n() / 2), false, inst.thetaStd(), inst.noiseStd(),
                inst.drawnLambda(), inst.centreStd(), inst.dataSeed()));
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double roundOffFactor = trial.setting().real("round_off_factor");
        Setting s = trial.setting();
        Problem p = inst.data();
        Mat x = p.x();
        int m = inst.m();
        Svd.Result svd = Svd.decompose(x);
        var b = TrialResult.of(trial).instance(inst.toString()).metric("m", m).metric("n", inst.n())
                .metric("centreStd", inst.centreStd());
        if (!svd.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "the SVD of X did not converge");
        }
        double[] sv = svd.s();
        double kappa = sq(sv[0] / sv[sv.length - 1]);
        double delta = roundOffFactor * Math.max(m, inst.n()) * kappa * EPS;
        double normMin = Vec.norm2(MinNorm.solve(x, p.y()));
        double bookLambda = s.real("book_lambda");
        double[] lr = s.range("lambda");
        double[] grid = logGrid(lr[0], lr[1], s.integer("grid_points_per_decade"));
        double[] judged = new double[grid.length + 2];
        judged[0] = bookLambda;
        judged[1] = inst.drawnLambda();
        System.arraycopy(grid, 0, judged, 2, grid.length);
        double crossTol = s.real("cross_check_tol");
        double[] ratio = new double[judged.length];
        double maxCross = 0;
        // argmin ‖Xw − y‖² + λ‖w − c‖² = c + (book's ridge of y − Xc); with c = 0 exactly the book's ridge
        double[] target = Vec.sub(p.y(), Ops.gemv(x, p.centre(), null));
        double[] ut = Ops.gemvT(svd.u(), target, null);
        for (int k = 0; k < judged.length; k++) {
            double lambda = judged[k];
            // the book's (XᵀX + λI)⁻¹Xᵀy is the mean-loss Ridge at λ/m
            double[] w = Ridge.solve(x, target, lambda / m);
            double[] filter = new double[inst.n()];
            for (int i = 0; i < sv.length; i++) {
                Vec.axpyInPlace(sv[i] / (sv[i] * sv[i] + lambda) * ut[i], svd.v().column(i), filter);
            }
            w = Vec.add(w, p.centre());
            filter = Vec.add(filter, p.centre());
            maxCross = Math.max(maxCross, Vec.distance(w, filter) / Vec.norm2(filter));
            ratio[k] = Vec.norm2(w) / normMin;
        }
        double min = Arrays.stream(ratio).min().getAsDouble();
        double max = Arrays.stream(ratio).max().getAsDouble();
        b.metric("conditionXXt", kappa).metric("roundOffMargin", delta).metric("normMinNorm", normMin)
                .metric("ratioAtBookLambda", ratio[0]).metric("ratioAtDrawnLambda", ratio[1])
                .metric("minRatio", min).metric("maxRatio", max).metric("oneMinusRatioAtBookLambda", 1 - ratio[0])
                .metric("crossCheck", maxCross).metric("example", inst.example() ? 1 : 0)
                .metric("bookLambda", bookLambda).metric("bookRatio", s.real("book_ratio"))
                .trace("ratio", grid, Arrays.copyOfRange(ratio, 2, ratio.length));
        String note = String.format(Locale.ROOT, "‖w_λ‖/‖X⁺y‖ = %.10f at the book's λ = %.3g, %.10f at λ = %.3g; "
                + "over the grid %.10f..%.10f (margin δ = %.1e); Cholesky vs SVD filter %.1e", ratio[0], bookLambda,
                ratio[1], inst.drawnLambda(), min, max, delta, maxCross);
        if (!(maxCross <= crossTol)) {
            return b.outcome(Outcome.INCONCLUSIVE, ratio[0], "the two ridge evaluations disagree; " + note);
        }
        if (min > 1 + delta) {
            return b.outcome(Outcome.PASS, ratio[0], note);
        }
        if (min < 1 - delta) {
            return b.outcome(Outcome.FAIL, ratio[0], note);
        }
        return b.outcome(Outcome.INCONCLUSIVE, ratio[0], "a ratio lies within the round-off margin of 1; " + note);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>(traceSeries(e, "ratio", ClaimCharts.MAX_CURVES));
        double[] span = traceXSpan(e, "ratio");
        double bookLambda = maxMetric(e, "bookLambda");
        double bookRatio = maxMetric(e, "bookRatio");
        series.add(Chart.Series.line("‖w_λ‖ = ‖X⁺y‖", span, new double[] {1, 1}));
        series.add(Chart.Series.points(String.format(Locale.ROOT, "the book: %.3g at λ = %.3g", bookRatio,
                bookLambda), new double[] {bookLambda}, new double[] {bookRatio}));
        boolean centred = maxMetric(e, "centreStd") > 0;
        String title = String.format(Locale.ROOT, "‖w_λ‖ / ‖X⁺y‖ vs λ, w_λ = %s (%s)", centred
                ? "argmin ‖Xw − y‖² + λ‖w − c‖²" : "(XᵀX + λI)⁻¹Xᵀy", e.arm());
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart(e.arm() + "-ratio-vs-lambda", title, "λ", "‖w_λ‖ / ‖X⁺y‖", true, false, series));
        if (!centred) {
            List<Chart.Series> shrink = new ArrayList<>();
            for (TrialResult t : e.trials()) {
                double[][] tr = t.traces().get("ratio");
                if (tr != null && shrink.size() < ClaimCharts.MAX_CURVES) {
                    double[] gap = Arrays.stream(tr[1]).map(v -> 1 - v).toArray();
                    shrink.add(Chart.Series.line(e.arm() + " trial " + t.index(), tr[0], gap));
                }
            }
            charts.add(new Chart(e.arm() + "-shrinkage-vs-lambda", "1 − ‖w_λ‖/‖X⁺y‖ vs λ (" + e.arm()
                    + "): positive everywhere, ≈ λ·Σ(uᵢᵀy)²/sᵢ⁴ / ‖X⁺y‖² for small λ", "λ",
                    "1 − ‖w_λ‖ / ‖X⁺y‖", true, true, shrink));
        }
        return charts;
    }

    @Override
    public String keyNumber(Evidence e) {
        double[] ex = e.trials().stream().filter(t -> t.metrics().get("example") == 1)
                .mapToDouble(t -> t.metrics().get("ratioAtBookLambda")).sorted().toArray();
        double max = maxMetric(e, "maxRatio");
        return String.format(Locale.ROOT, "‖w_λ‖/‖X⁺y‖ at λ = %.3g on Example 1's shape: median %.8f (book: %.3g); "
                + "largest ratio over all λ and instances: %s", maxMetric(e, "bookLambda"), ex.length == 0
                ? Double.NaN : ex[ex.length / 2], maxMetric(e, "bookRatio"), max < 1
                ? String.format(Locale.ROOT, "1 − %.2e", 1 - max) : String.format(Locale.ROOT, "%.8f", max));
    }
}
