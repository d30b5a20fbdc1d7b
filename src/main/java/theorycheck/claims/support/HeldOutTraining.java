package theorycheck.claims.support;

import java.util.Map;
import theorycheck.data.Classification;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Model;
import theorycheck.optim.Optimizer;
import theorycheck.train.BatchSampler;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Training for claims about held-out data: full-batch training until the training labels are
 * fitted, and accuracy / mean logistic loss of a scalar-output classifier on a labelled set.
 */
public final class HeldOutTraining {
    private HeldOutTraining() {
    }

    /** Where a fit-to-100% run ended. */
    public record Fit(double[] theta, boolean fitted, boolean diverged, long steps) {
    }

    /**
     * Full-batch training of {@code model} on the mean logistic loss until every training example
     * is classified as its label (checked every {@code checkEvery} steps), at most {@code maxSteps}.
     * A non-finite parameter stops the run as diverged.
     */
    public static Fit fitAll(Model model, Classification train, double[] theta0, Optimizer optimizer, long maxSteps,
            int checkEvery) {
        EmpiricalRisk risk = new EmpiricalRisk(model, LogisticLoss.INSTANCE, train.x(), train.y());
        // no blow-up rule: the logistic loss grows only linearly in θ; non-finite values still end the run
        TrainConfig config = new TrainConfig(maxSteps, 0, 0, checkEvery, Double.POSITIVE_INFINITY, 0);
        TrainResult run = Trainer.run(risk, optimizer, BatchSampler.full(), theta0, config, Map.of(),
                Trainer.Hooks.stopWhen((t, theta, loss) -> accuracy(model, theta, train) == 1.0
                        ? "every training label fitted" : null));
        return new Fit(run.theta(), run.converged(), run.diverged(), run.steps());
    }

    /** Fraction of examples with sign f(xᵢ) = yᵢ (f = 0 counts as wrong). */
    public static double accuracy(Model model, double[] theta, Classification data) {
        double[] f = new double[data.examples()];
        model.predict(theta, data.x(), null, f);
        int right = 0;
        for (int i = 0; i < f.length; i++) {
            if (f[i] * data.label(i) > 0) {
                right++;
            }
        }
        return right / (double) f.length;
    }

    /** Mean logistic loss (1/n)Σ log(1 + e^{−yᵢf(xᵢ)}), in the loss's stable form. */
    public static double logisticLoss(Model model, double[] theta, Classification data) {
        double[] f = new double[data.examples()];
        model.predict(theta, data.x(), null, f);
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += LogisticLoss.INSTANCE.value(f[i], data.label(i));
        }
        return s / f.length;
    }

    /** The first index of the smallest entry (NaN entries are never the minimum). */
    public static int argmin(double[] v) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && (best < 0 || v[i] < v[best])) {
                best = i;
            }
        }
        return best;
    }
}
