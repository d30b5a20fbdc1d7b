package theorycheck.claims.support;

import theorycheck.data.Classification;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.Model;
import theorycheck.optim.Optimizer;
import theorycheck.optim.Stepper;

/**
 * Training loops for claims about held-out data: full-batch training until the training labels are
 * fitted, and accuracy / mean logistic loss of a scalar-output classifier on a labelled set.
 * The Trainer records at log-spaced steps; these claims need "every epoch" and "the step at which
 * the last training label flipped", so they run their own loop on the same Optimizer/Stepper API.
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
        double[] theta = theta0.clone();
        double[] grad = new double[theta.length];
        Stepper stepper = optimizer.start(theta.length);
        for (long t = 0; t < maxSteps; t++) {
            if (t % checkEvery == 0) {
                if (!Vec.isFinite(theta)) {
                    return new Fit(theta, false, true, t);
                }
                if (accuracy(model, theta, train) == 1.0) {
                    return new Fit(theta, true, false, t);
                }
            }
            risk.gradientOnly(theta, null, grad);
            stepper.step(theta, grad, t);
        }
        boolean finite = Vec.isFinite(theta);
        return new Fit(theta, finite && accuracy(model, theta, train) == 1.0, !finite, maxSteps);
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
