package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.maxMetric;

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
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Example 1's problem: ‖θ_true‖ and ‖X⁺y‖ against the book's bands, with the core's GD run to
 * convergence as the solution "learned by gradient descent", and a sweep of ‖X⁺y‖ over m on
 * nested designs for the chart. The m rows are m/copies distinct examples, each (xᵢ, yᵢ)
 * repeated setting.copies times: the claim's 1 (Example 1), the control's 2 (rank m/2).
 */
final class ExampleOneNorms implements InstanceCheck<ExampleOneNorms.Instance>, ClaimRunner.KeyNumber {

    record Instance(int m, int copies, int n, int sweepMax, double thetaStd, double noiseStd, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d (%d distinct × %d) n=%d θ~N(0,%.3g²I) noise=%.3g dataSeed=%d", m,
                    distinct(), copies, n, thetaStd, noiseStd, dataSeed);
        }

        int distinct() {
            return m / copies;
        }

        /** A sweepMax × n design, θ and y; the instance's distinct examples are the first m/copies rows. */
        Nested data() {
            Rng r = new Rng(dataSeed);
            int rows = Math.max(m, sweepMax);
            Mat x = RandomDesigns.gaussian(rows, n, 1.0, r.split());
            double[] theta = r.split().gaussianVector(n, thetaStd);
            double[] y = RandomDesigns.linearTargets(x, theta, noiseStd, r.split());
            return new Nested(x, theta, y);
        }
    }

    record Nested(Mat x, double[] theta, double[] y) {
        Mat rows(int k) {
            return new Mat(k, x.cols(), Arrays.copyOf(x.data(), k * x.cols()));
        }

        /** The first k rows of X and y, the block repeated {@code copies} times. */
        Regression repeated(int k, int copies) {
            int n = x.cols();
            Mat out = new Mat(k * copies, n);
            double[] yOut = new double[k * copies];
            for (int c = 0; c < copies; c++) {
                System.arraycopy(x.data(), 0, out.data(), c * k * n, k * n);
                System.arraycopy(y, 0, yOut, c * k, k);
            }
            return new Regression(out, yOut, theta);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        int m = s.integer("m");
        int copies = s.integer("copies");
        if (copies < 1 || m % copies != 0) {
            throw new IllegalArgumentException("setting.copies must be ≥ 1 and divide m = " + m + ", got " + copies);
        }
        return new Instance(m, copies, s.integer("n"), s.intRange("sweep_m")[1], s.real("theta_std"),
                s.real("noise_std"), trial.rng().nextLong());
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double gdTol = trial.setting().real("gd_tol");
        Setting s = trial.setting();
        Nested d = inst.data();
        Regression problem = d.repeated(inst.distinct(), inst.copies());
        Mat x = problem.x();
        double[] y = problem.y();
        double normTheta = Vec.norm2(d.theta());
        double[] wStar = MinNorm.solve(x, y);
        double normW = Vec.norm2(wStar);
        // X⁺y is the projection of θ onto the row space, of dimension rank(X) = distinct examples
        double theory = Math.sqrt((double) inst.distinct() / inst.n()) * normTheta;

        GramSpectrum.Result spectrum = GramSpectrum.of(x);
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, y);
        TrainResult gd = Trainer.run(risk, new GradientDescent(1 / spectrum.lambdaMax()), new double[inst.n()],
                TrainConfig.fullBatch(s.integer("max_steps"), 1e-10 * normW * spectrum.lambdaMinNonzero())
                        .withRecordPoints(0));
        double gdDistance = Vec.distance(gd.theta(), wStar) / normW;

        // the sweep over m on nested designs: X_k⁺y_k = X_kᵀ(X_kX_kᵀ)⁻¹y_k, with the leading blocks of one Gram
        int[] sr = s.intRange("sweep_m");
        int step = s.integer("sweep_step");
        Mat full = d.rows(sr[1]);
        Mat gram = Ops.multTransB(full, full, null);
        List<double[]> sweep = new ArrayList<>();
        for (int k = sr[0]; k <= sr[1] && k < inst.n(); k += step) {
            Mat block = new Mat(k, k);
            for (int i = 0; i < k; i++) {
                System.arraycopy(gram.data(), i * sr[1], block.data(), i * k, k);
            }
            double[] u = Cholesky.solve(block, Arrays.copyOf(d.y(), k));
            double[] w = Ops.gemvT(d.rows(k), u, null);
            sweep.add(new double[] {k, Vec.norm2(w), Math.sqrt((double) k / inst.n()) * normTheta});
        }
        double[] tb = s.range("truth_band");
        double[] nb = s.range("norm_band");
        double margin = Math.min(Math.min(normTheta - tb[0], tb[1] - normTheta), Math.min(normW - nb[0],
                nb[1] - normW));
        var b = TrialResult.of(trial).instance(inst.toString()).metric("m", inst.m()).metric("n", inst.n())
                .metric("distinct", inst.distinct())
                .metric("normTheta", normTheta)
                .metric("normMinNorm", normW).metric("sqrtMOverNTimesNormTheta", theory)
                .metric("normGd", Vec.norm2(gd.theta())).metric("gdRelDistance", gdDistance)
                .metric("gdSteps", gd.steps()).metric("bandLow", nb[0]).metric("bandHigh", nb[1])
                .trace("sweep", sweep.stream().mapToDouble(v -> v[0]).toArray(),
                        sweep.stream().mapToDouble(v -> v[1]).toArray())
                .trace("theory", sweep.stream().mapToDouble(v -> v[0]).toArray(),
                        sweep.stream().mapToDouble(v -> v[2]).toArray());
        String note = String.format(Locale.ROOT, "‖θ_true‖ = %.3f (band [%.0f, %.0f]), ‖X⁺y‖ = %.3f (band [%.0f, %.0f]),"
                + " √(m/n)·‖θ‖ = %.3f; GD %s after %d steps, ‖w_GD‖ = %.3f, relative distance to X⁺y %.1e",
                normTheta, tb[0], tb[1], normW, nb[0], nb[1], theory, gd.status(), gd.steps(), Vec.norm2(gd.theta()),
                gdDistance);
        if (!gd.converged() || !(gdDistance <= gdTol)) {
            return b.outcome(Outcome.INCONCLUSIVE, margin, "GD did not reach X⁺y; " + note);
        }
        return b.decide(margin, margin >= 0, note);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        int shown = 0;
        double lo = Double.NaN, hi = Double.NaN, mMax = 0;
        for (TrialResult t : e.trials()) {
            double[][] sw = t.traces().get("sweep");
            if (sw == null || shown >= 3) {
                continue;
            }
            series.add(Chart.Series.points("‖X⁺y‖, trial " + t.index(), sw[0], sw[1]));
            double[][] th = t.traces().get("theory");
            series.add(Chart.Series.line("√(r/n)·‖θ_true‖, trial " + t.index(), th[0], th[1]));
            lo = t.metrics().get("bandLow");
            hi = t.metrics().get("bandHigh");
            mMax = Math.max(mMax, sw[0][sw[0].length - 1]);
            shown++;
        }
        Chart.Series judged = ClaimCharts.scatter(e, "distinct", "normMinNorm");
        series.add(Chart.Series.points("this arm: distinct examples and ‖X⁺y‖ judged", judged.x(), judged.y()));
        series.add(Chart.Series.line("book's band: low", new double[] {0, mMax}, new double[] {lo, lo}));
        series.add(Chart.Series.line("book's band: high", new double[] {0, mMax}, new double[] {hi, hi}));
        return List.of(new Chart(e.arm() + "-norm-vs-m", String.format(Locale.ROOT,
                "‖X⁺y‖ vs number of distinct examples, n = %.0f (%s)", maxMetric(e, "n"), e.arm()), "distinct examples", "norm", false,
                false, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double[] w = e.trials().stream().mapToDouble(t -> t.metrics().get("normMinNorm")).sorted().toArray();
        double[] th = e.trials().stream().mapToDouble(t -> t.metrics().get("normTheta")).sorted().toArray();
        double[] pred = e.trials().stream().mapToDouble(t -> t.metrics().get("sqrtMOverNTimesNormTheta")).sorted()
                .toArray();
        return String.format(Locale.ROOT, "‖X⁺y‖ median %.2f (range %.2f–%.2f; book: %.0f–%.0f), √(r/n)·‖θ_true‖ "
                + "median %.2f, ‖θ_true‖ median %.2f; %d of %d realizations in the book's bands", w[w.length / 2],
                w[0], w[w.length - 1], maxMetric(e, "bandLow"), maxMetric(e, "bandHigh"), pred[pred.length / 2],
                th[th.length / 2], e.statistics().pass(), e.trials().size());
    }
}
