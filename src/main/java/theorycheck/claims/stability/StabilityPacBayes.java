package theorycheck.claims.stability;

import java.util.ArrayList;
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
import theorycheck.linalg.Vec;
import theorycheck.reference.PacBayes;
import theorycheck.reference.RegularizedLogistic;

/**
 * book.B.13: coverage of PAC-Bayes bounds for linear classifiers. Per training set: ŵ by
 * L2-regularized logistic regression; posterior Q = N(ŵ, σ²I) with prior P = N(0, σ²I) (KL exact:
 * ‖ŵ‖²/(2σ²)), or — the control — the point mass at ŵ with the book's KL ‖ŵ‖²/(2σ²). Gibbs 0-1
 * risk exactly on the sample (Φ(−y⟨ŵ, x⟩/(σ‖x‖))) and on a large fresh sample for R. Bounds:
 * Maurer's kl form and the book's R̂ + √((2KL + ln(1/δ))/(2m)).
 */
final class StabilityPacBayes implements InstanceCheck<StabilityPacBayes.Instance>, ClaimRunner.KeyNumber {
    static final String[] BOUNDS = {"Maurer kl", "book"};
    record Instance(int d, int m, double sigma, long seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d m=%d σ=%.3g", d, m, sigma);
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Rng rng = trial.rng();
        return new Instance(trial.drawInt("d"), trial.drawInt("m"), trial.drawLogUniform("sigma"),
                rng.nextLong());
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        int sets = s.integer("training_sets");
        double delta = s.real("delta");
        double lambda = s.real("lambda");
        double flip = s.real("flip");
        boolean pointMass = s.choice("posterior", "gaussian", "point").equals("point");
        Rng rng = new Rng(in.seed());
        double[] wStar = StabilityData.direction(in.d(), 1.0, rng.split());
        StabilityData.Sample fresh = StabilityData.classification(s.integer("test_size"), wStar, 1.0, flip, rng.split());
        StabilityCoverageTally tally = new StabilityCoverageTally(BOUNDS);
        double sumKl = 0;
        double sumEmp = 0;
        double sumRisk = 0;
        double[] sumBound = new double[BOUNDS.length];
        boolean allConverged = true;
        for (int k = 0; k < sets; k++) {
            StabilityData.Sample train = StabilityData.classification(in.m(), wStar, 1.0, flip, rng.split());
            RegularizedLogistic.Result fit = RegularizedLogistic.solve(train.x(), train.y(), lambda);
            allConverged &= fit.converged();
            double[] w = fit.w();
            // the Gaussian posterior's KL is exact; for the point mass this is the book's formula (really +∞)
            double kl = Vec.dot(w, w) / (2 * in.sigma() * in.sigma());
            double emp = gibbsRisk(w, in.sigma(), train, pointMass);
            double risk = gibbsRisk(w, in.sigma(), fresh, pointMass);
            double[] b = {PacBayes.maurerBound(emp, kl, in.m(), delta), PacBayes.bookBound(emp, kl, in.m(), delta)};
            tally.add(risk, b);
            for (int j = 0; j < b.length; j++) {
                sumBound[j] += b[j] / sets;
            }
            sumKl += kl / sets;
            sumEmp += emp / sets;
            sumRisk += risk / sets;
        }
        var b = TrialResult.of(trial).instance(in + (pointMass ? " point-mass posterior" : " Q = N(ŵ, σ²I)"))
                .metric("d", in.d()).metric("m", in.m()).metric("sigma", in.sigma()).metric("meanKl", sumKl)
                .metric("meanEmpirical", sumEmp).metric("meanRisk", sumRisk);
        StringBuilder note = new StringBuilder();
        double worstLow = tally.record(b, note);
        for (int j = 0; j < BOUNDS.length; j++) {
            b.metric("meanBound " + BOUNDS[j], sumBound[j]);
        }
        note.append(String.format(Locale.ROOT, "mean bounds: Maurer %.4f, book %.4f; mean KL %.4g, mean Gibbs risk: "
                + "train %.4f, population %.4f", sumBound[0], sumBound[1], sumKl, sumEmp, sumRisk));
        if (!allConverged) {
            return b.outcome(Outcome.INCONCLUSIVE, worstLow, "a logistic fit did not converge; " + note);
        }
        return b.decide(worstLow, worstLow <= delta, note.toString());
    }

    /** Mean Gibbs 0-1 loss of N(w, σ²I) on a sample, or the 0-1 loss of w itself for the point mass. */
    static double gibbsRisk(double[] w, double sigma, StabilityData.Sample sample, boolean pointMass) {
        Mat x = sample.x();
        double total = 0;
        for (int i = 0; i < x.rows(); i++) {
            double[] xi = x.row(i);
            total += pointMass ? (sample.y()[i] * Vec.dot(w, xi) <= 0 ? 1 : 0)
                    : PacBayes.gibbsLoss(w, sigma, xi, sample.y()[i]);
        }
        return total / x.rows();
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        Chart.Series risk = ClaimCharts.scatter(e, "meanKl", "meanRisk");
        Chart.Series emp = ClaimCharts.scatter(e, "meanKl", "meanEmpirical");
        series.add(Chart.Series.points("population Gibbs risk", risk.x(), risk.y()));
        series.add(Chart.Series.points("training Gibbs risk", emp.x(), emp.y()));
        series.addAll(StabilityCoverageTally.boundSeries(e, "meanKl", "meanBound ", "bound: ", BOUNDS));
        return List.of(new Chart(e.arm() + "-pac-bayes", "PAC-Bayes bounds against the Gibbs risk (" + e.arm()
                + ", means over training sets)", "KL(Q‖P)", "0-1 risk", true, false, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        String counts = StabilityCoverageTally.worstCounts(e, BOUNDS);
        double margin = e.trials().stream().mapToDouble(t -> t.metrics().get("meanBound book")
                - t.metrics().get("meanRisk")).min().orElse(Double.NaN);
        return counts + String.format(Locale.ROOT, "smallest mean slack of the book's bound %.4f", margin);
    }
}
