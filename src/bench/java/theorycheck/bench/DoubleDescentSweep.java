package theorycheck.bench;

import java.util.Arrays;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.reference.MinNorm;
import theorycheck.reference.MinNormRisk;

/**
 * {@code doubleDescentSweep}: the test risk of the minimum-norm least-squares fit over a sweep of
 * feature counts n at m = 50 examples, {@value #DRAWS} draws per n. Each draw: β ~ N(0, I/n)
 * (so E‖β‖² = 1), X m×n standard Gaussian, y = Xβ + σε with σ = 0.5, β̂ = X⁺y
 * ({@link MinNorm#solve}); its test risk is ‖β̂ − β‖² + σ². The data are drawn inside the timed
 * run, as the NumPy version does.
 */
public final class DoubleDescentSweep {
    public static final long SEED = 1005L;
    public static final int EXAMPLES = 50;
    public static final int[] FEATURES = {10, 20, 30, 40, 45, 50, 55, 60, 80, 100, 150, 200, 300, 500};
    public static final int DRAWS = 20;
    public static final double NOISE_STD = 0.5;
    /**
     * Points at least this far from the interpolation threshold n = m are compared with the exact
     * expected risk; nearer it the risk has infinite or nearly infinite variance (E = ∞ at |n − m| ≤ 1).
     */
    public static final int CHECK_GAP = 10;
    /** A sample mean of {@value #DRAWS} draws may sit this many standard errors from its expectation. */
    public static final double CHECK_STD_ERRS = 4.0;

    private DoubleDescentSweep() {
    }

    /** Mean and standard error of the test risk at each n of {@link #FEATURES}. */
    public record RiskCurve(int[] features, double[] mean, double[] stdErr) {
        /** The n of the largest mean risk. */
        public int peak() {
            int best = 0;
            for (int i = 1; i < mean.length; i++) {
                if (mean[i] > mean[best]) {
                    best = i;
                }
            }
            return features[best];
        }

        /**
         * The curve as the min-norm theory predicts it: its peak at n = m, and every point at least
         * {@value #CHECK_GAP} from n = m within {@value #CHECK_STD_ERRS} standard errors of the
         * exact expected risk σ² + E‖X⁺y − β‖² (Belkin–Hsu–Xu, with ‖β‖² = 1 in expectation).
         *
         * @return empty when it is, else what is wrong
         */
        public String mismatch() {
            if (peak() != EXAMPLES) {
                return "peak at n = " + peak() + ", expected n = m = " + EXAMPLES;
            }
            for (int i = 0; i < features.length; i++) {
                int n = features[i];
                if (Math.abs(n - EXAMPLES) < CHECK_GAP) {
                    continue;
                }
                double expected = MinNormRisk.expectedTestMse(EXAMPLES, n, 1.0, NOISE_STD * NOISE_STD);
                if (Math.abs(mean[i] - expected) > CHECK_STD_ERRS * stdErr[i]) {
                    return String.format("n = %d: mean risk %.4f, expected %.4f, standard error %.4f", n, mean[i],
                            expected, stdErr[i]);
                }
            }
            return "";
        }

        @Override
        public String toString() {
            return "features " + Arrays.toString(features) + ", mean risk " + Arrays.toString(mean);
        }
    }

    /** One full sweep from {@link #SEED}. */
    public static RiskCurve run() {
        Rng rng = new Rng(SEED);
        double[] mean = new double[FEATURES.length];
        double[] stdErr = new double[FEATURES.length];
        double noiseVar = NOISE_STD * NOISE_STD;
        for (int k = 0; k < FEATURES.length; k++) {
            int n = FEATURES[k];
            double sum = 0;
            double sumSq = 0;
            for (int draw = 0; draw < DRAWS; draw++) {
                double[] beta = rng.gaussianVector(n, 1.0 / Math.sqrt(n));
                Mat x = RandomDesigns.gaussian(EXAMPLES, n, 1.0, rng);
                double[] y = RandomDesigns.linearTargets(x, beta, NOISE_STD, rng);
                double[] fit = MinNorm.solve(x, y);
                double err = 0;
                for (int j = 0; j < n; j++) {
                    double d = fit[j] - beta[j];
                    err += d * d;
                }
                double risk = err + noiseVar;
                sum += risk;
                sumSq += risk * risk;
            }
            mean[k] = sum / DRAWS;
            double var = Math.max(0.0, (sumSq - DRAWS * mean[k] * mean[k]) / (DRAWS - 1));
            stdErr[k] = Math.sqrt(var / DRAWS);
        }
        return new RiskCurve(FEATURES.clone(), mean, stdErr);
    }
}
