package theorycheck.claims.stability;

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
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.measure.LeaveOneOut;
import theorycheck.measure.LossDifferenceSup;
import theorycheck.reference.RegularizedLogistic;
import theorycheck.reference.Ridge;
import theorycheck.reference.StabilityBounds;

/**
 * lit.bousquet-elisseeff: measured uniform stability of regularized ERM against B&amp;E's
 * β ≤ σ²κ²/(2λm). Setting loss: ridge with the square loss (f − y)², |y| ≤ B, L2-regularized logistic
 * regression (σ = 1), or both (ridge on even trials, logistic on odd ones); normalization: mean
 * (B&amp;E's learner) or sum (no 1/m, judged by the same β). For every i the learner is retrained on S\i (removal, judged against
 * β) and on S with zᵢ replaced by its label-flipped copy (replacement, judged against 2β); the loss
 * change is maximized over test points in the ball ‖x‖ ≤ κ = 1.
 */
final class StabilityConstant implements InstanceCheck<StabilityConstant.Instance>, ClaimRunner.KeyNumber {
    record Instance(boolean logistic, int d, int m, double lambdaBE, boolean sumNormalized, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s d=%d m=%d λ_BE=%.4g", logistic ? "logistic" : "ridge", d, m, lambdaBE);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        // "both": ridge on even trials, logistic on odd ones
        String loss = s.choice("loss", "both", "ridge", "logistic");
        boolean logistic = loss.equals("both") ? trial.index() % 2 == 1 : loss.equals("logistic");
        // "mean": B&E's (1/m)Σℓ + λ‖w‖²; "sum": Σℓ + λ‖w‖², judged by the same β
        boolean sum = s.choice("normalization", "mean", "sum").equals("sum");
        return new Instance(logistic, trial.drawInt("d"), trial.drawInt("m"),
                trial.drawLogUniform("lambda"), sum, rng.nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        double noise = s.real("noise");
        Rng rng = new Rng(in.seed());
        double[] wStar = StabilityData.direction(in.d(), s.real("wstar_norm"), rng.split());
        StabilityData.Sample sample = in.logistic()
                ? StabilityData.classification(in.m(), wStar, 1.0, s.real("flip"), rng.split())
                : StabilityData.regression(in.m(), wStar, noise, 0, 0, rng.split());
        double labelBound = s.real("wstar_norm") + noise;
        double[] labels = in.logistic() ? new double[] {-1, 1} : new double[] {-labelBound, labelBound};
        LossDifferenceSup.PredictionLoss loss = in.logistic()
                ? (p, y) -> RegularizedLogistic.logistic(y * p)
                : (p, y) -> (p - y) * (p - y);
        double sigma = in.logistic() ? 1 : StabilityBounds.squareLossSigma(labelBound, 1, in.lambdaBE());
        double beta = StabilityBounds.removalBeta(sigma, 1, in.lambdaBE(), in.m());
        boolean[] failedToConverge = {false};
        LeaveOneOut.Learner learner = (x, y) -> fit(in, x, y, failedToConverge);
        double[] w = learner.fit(sample.x(), sample.y());
        double removal = 0;
        double replacement = 0;
        double meanRemoval = 0;
        for (int i = 0; i < in.m(); i++) {
            double[] wRemoved = learner.fit(LeaveOneOut.withoutRow(sample.x(), i), LeaveOneOut.withoutEntry(sample.y(), i));
            double flipped = in.logistic() ? -sample.y()[i] : (sample.y()[i] >= 0 ? -labelBound : labelBound);
            double[] wReplaced = learner.fit(sample.x(), LeaveOneOut.withEntry(sample.y(), i, flipped));
            double r = LossDifferenceSup.overBall(w, wRemoved, 1.0, labels, loss);
            removal = Math.max(removal, r);
            meanRemoval += r / in.m();
            replacement = Math.max(replacement, LossDifferenceSup.overBall(w, wReplaced, 1.0, labels, loss));
        }
        double ratio = Math.max(removal / beta, replacement / (2 * beta));
        var b = TrialResult.of(trial).instance(in + (in.sumNormalized() ? " (sum-normalized learner)" : ""))
                .metric("logistic", in.logistic() ? 1 : 0).metric("d", in.d()).metric("m", in.m())
                .metric("lambdaBE", in.lambdaBE()).metric("betaBound", beta).metric("removalSup", removal)
                .metric("removalMean", meanRemoval).metric("replacementSup", replacement)
                .metric("removalRatio", removal / beta).metric("replacementRatio", replacement / (2 * beta));
        String note = String.format(Locale.ROOT,
                "removal: sup_{i,z} |Δℓ| = %.4g vs β = %.4g (ratio %.3f; mean over i %.4g); replacement: %.4g vs 2β "
                        + "(ratio %.3f)", removal, beta, removal / beta, meanRemoval, replacement, replacement / (2 * beta));
        if (failedToConverge[0]) {
            return b.outcome(Outcome.INCONCLUSIVE, ratio, "a logistic fit did not converge; " + note);
        }
        return b.decide(ratio, ratio <= 1, note);
    }

    /**
     * B&amp;E's learner argmin (1/n)Σℓ + λ_BE‖w‖² on n examples (the control drops the 1/n). Ridge
     * carries (λ/2)‖w‖² with the ½-squared loss, i.e. λ = λ_BE; logistic carries (λ/2)‖w‖², λ = 2λ_BE.
     */
    private double[] fit(Instance in, Mat x, double[] y, boolean[] failed) {
        double lambdaBE = in.sumNormalized() ? in.lambdaBE() / x.rows() : in.lambdaBE();
        if (!in.logistic()) {
            return Ridge.solve(x, y, lambdaBE);
        }
        RegularizedLogistic.Result r = RegularizedLogistic.solve(x, y, 2 * lambdaBE);
        failed[0] |= !r.converged();
        return r.w();
    }

    @Override
    public List<Chart> charts(Evidence e) {
        Chart.Series removal = ClaimCharts.scatter(e, "betaBound", "removalSup");
        Chart.Series replacement = ClaimCharts.scatter(e, "betaBound", "replacementSup");
        double[] line = {1e-4, 1e4};
        return List.of(new Chart(e.arm() + "-measured-vs-beta", "Measured uniform stability against B&E's β ("
                + e.arm() + ")", "β bound σ²κ²/(2λm)", "sup over i and ‖x‖ ≤ 1 of |Δℓ|", true, true, List.of(
                        Chart.Series.points("removal (" + e.arm() + ")", removal.x(), removal.y()),
                        Chart.Series.points("replace-one (" + e.arm() + ")", replacement.x(), replacement.y()),
                        Chart.Series.line("β", line, line),
                        Chart.Series.line("2β", line, new double[] {2e-4, 2e4}))));
    }

    @Override
    public String keyNumber(Evidence e) {
        double rem = e.max("removalRatio");
        double rep = e.max("replacementRatio");
        return String.format(Locale.ROOT, "largest measured/bound: removal %.3f of β, replace-one %.3f of 2β", rem, rep);
    }
}
