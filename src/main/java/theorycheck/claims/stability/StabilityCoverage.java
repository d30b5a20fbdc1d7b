package theorycheck.claims.stability;

import java.util.ArrayList;
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
import theorycheck.reference.Ridge;
import theorycheck.reference.StabilityBounds;

/**
 * book.T1.4: coverage of the stability generalization bounds for ridge regression on bounded data.
 * Per trial (d, m, λ drawn), many independent training sets; for each, the exact population risk
 * R, the empirical risk R̂ (loss (f − y)²) and three bounds with the proven ridge constants
 * (B&amp;E: removal β ≤ σ²κ²/(2λm), replace-one ε = 2β, M the loss bound on the outputs):
 * the book's R̂ + ε + M√(ln(1/δ)/2m), exercise B.2's R̂ + 2ε + M√(…), and B&amp;E's
 * R̂ + 2β + (4mβ + M)√(…). A bound fails on a trial when the Clopper–Pearson 95% interval of its
 * violation rate lies above δ.
 */
final class StabilityCoverage implements InstanceCheck<StabilityCoverage.Instance>, ClaimRunner.KeyNumber {
    static final String[] BOUNDS = {"book", "B.2", "B&E"};
    record Instance(int d, int m, double lambda, double outlierProb, double outlierSize, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d m=%d λ=%.4g outliers p=%.3g K=%.3g", d, m, lambda, outlierProb,
                    outlierSize);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        return new Instance(trial.drawInt("d"), trial.drawInt("m"), trial.drawLogUniform("lambda"),
                s.real("outlier_prob"), s.real("outlier_size"), rng.nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        double noise = s.real("noise");
        double delta = s.real("delta");
        int sets = s.integer("training_sets");
        Rng rng = new Rng(in.seed());
        double[] wStar = StabilityData.direction(in.d(), s.real("wstar_norm"), rng.split());
        double labelBound = s.real("wstar_norm") + noise; // |y| ≤ ‖w*‖κ + a with κ = 1 (outliers excepted)
        double sigma = StabilityBounds.squareLossSigma(labelBound, 1, in.lambda());
        double beta = StabilityBounds.removalBeta(sigma, 1, in.lambda(), in.m());
        double lossBound = StabilityBounds.squareLossBound(labelBound, 1, in.lambda());
        StabilityCoverageTally tally = new StabilityCoverageTally(BOUNDS);
        double[] gaps = new double[sets];
        double[] slack = new double[BOUNDS.length];
        for (int k = 0; k < sets; k++) {
            StabilityData.Sample sample = StabilityData.regression(in.m(), wStar, noise, in.outlierProb(),
                    in.outlierSize(), rng.split());
            // Ridge minimizes (1/2m)‖Xw − y‖² + (λ/2)‖w‖², half of B&E's (1/m)Σ(f − y)² + λ‖w‖²: λ_BE = λ
            double[] w = Ridge.solve(sample.x(), sample.y(), in.lambda());
            double emp = StabilityData.meanSquaredError(sample.x(), sample.y(), w);
            double risk = StabilityData.regressionRisk(w, wStar, noise, in.outlierProb(), in.outlierSize());
            gaps[k] = risk - emp;
            double[] b = {
                StabilityBounds.bookStability(emp, 2 * beta, 1, lossBound, in.m(), delta),
                StabilityBounds.bookStability(emp, 2 * beta, 2, lossBound, in.m(), delta),
                StabilityBounds.bousquetElisseeff(emp, beta, lossBound, in.m(), delta)};
            tally.add(risk, b);
            for (int j = 0; j < b.length; j++) {
                slack[j] = b[j] - emp; // the same for every set
            }
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double gapQuantile = sorted[(int) Math.ceil((1 - delta) * sets) - 1];
        var b = TrialResult.of(trial).instance(in.toString()).metric("d", in.d()).metric("m", in.m())
                .metric("lambda", in.lambda()).metric("beta", beta).metric("lossBound", lossBound)
                .metric("gapQuantile", gapQuantile).metric("gapMax", sorted[sets - 1]);
        StringBuilder note = new StringBuilder();
        double worstLow = tally.record(b, note);
        for (int j = 0; j < BOUNDS.length; j++) {
            b.metric("slack " + BOUNDS[j], slack[j]);
        }
        note.append(String.format(Locale.ROOT, "bound − R̂: book %.4g, B.2 %.4g, B&E %.4g; gap R − R̂: %.0f%% quantile "
                + "%.4g, max %.4g; β = %.4g, M = %.4g", slack[0], slack[1], slack[2], 100 * (1 - delta), gapQuantile,
                sorted[sets - 1], beta, lossBound));
        return b.decide(worstLow, worstLow <= delta, note.toString());
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        series.add(ClaimCharts.scatter(e, "lambda", "gapQuantile"));
        series.set(0, Chart.Series.points("gap R − R̂, 95% quantile (" + e.arm() + ")", series.get(0).x(),
                series.get(0).y()));
        series.addAll(StabilityCoverageTally.boundSeries(e, "lambda", "slack ", "bound − R̂: ", BOUNDS));
        return List.of(new Chart(e.arm() + "-bound-vs-gap", "Ridge: bound − R̂ against the observed gap (" + e.arm()
                + ")", "λ", "risk", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        String counts = StabilityCoverageTally.worstCounts(e, BOUNDS);
        double slackRatio = e.trials().stream().mapToDouble(t -> t.metrics().get("slack book")
                / Math.max(1e-300, t.metrics().get("gapQuantile"))).min().orElse(Double.NaN);
        return counts + String.format(Locale.ROOT, "book's bound − R̂ ≥ %.3g × the 95%% gap quantile", slackRatio);
    }
}
