package theorycheck.claims.generalization;

import java.util.Arrays;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNorm;
import theorycheck.reference.SpectralEstimators;

/**
 * Monte-Carlo draws of the isotropic model of the book's Theorem 1.6 over a grid of feature counts n
 * at a fixed number m of examples.
 *
 * <p>Each draw makes one m×n_max Gaussian design, one direction g ∈ ℝ^{n_max} and one noise vector
 * z ∈ ℝ^m; the problem with n features uses the first n columns, β = g_{1:n}/‖g_{1:n}‖ (unit norm, a
 * uniformly random direction) and the same z. Nesting the problems makes neighbouring n share their
 * randomness, so the curve's shape is not drowned in independent draw-to-draw noise. Each (draw, n)
 * costs one SVD ({@link SpectralEstimators#of}); every estimator, signal norm r and noise level σ is
 * then read off in O(min(m, n)): y = rXβ + σz.
 */
final class DoubleDescentSweep {
    final int m;
    final int[] ns;
    final int draws;
    /** [n index][draw]. */
    private final SpectralEstimators.Coordinates[][] coordinates;
    /**
     * Largest relative difference, over n, between the spectral min-norm excess risk of draw 0 and
     * ‖MinNorm.solve(X, y) − β‖² (r = σ = 1): the check that the sweep computes what X⁺y does.
     */
    final double crossCheckError;

    private DoubleDescentSweep(int m, int[] ns, int draws, SpectralEstimators.Coordinates[][] coordinates,
            double crossCheckError) {
        this.m = m;
        this.ns = ns;
        this.draws = draws;
        this.coordinates = coordinates;
        this.crossCheckError = crossCheckError;
    }

    static DoubleDescentSweep draw(int m, int[] ns, int draws, Rng rng) {
        int nMax = Arrays.stream(ns).max().orElseThrow();
        SpectralEstimators.Coordinates[][] c = new SpectralEstimators.Coordinates[ns.length][draws];
        double crossCheck = 0;
        for (int d = 0; d < draws; d++) {
            Rng r = rng.split();
            Mat x = RandomDesigns.gaussian(m, nMax, 1.0, r.split());
            double[] g = r.split().gaussianVector(nMax, 1.0);
            double[] z = r.split().gaussianVector(m, 1.0);
            for (int i = 0; i < ns.length; i++) {
                Mat xn = leadingColumns(x, ns[i]);
                double[] beta = Vec.scale(1 / Vec.norm2(Arrays.copyOf(g, ns[i])), Arrays.copyOf(g, ns[i]));
                c[i][d] = SpectralEstimators.of(xn, beta, z);
                if (d == 0) {
                    crossCheck = Math.max(crossCheck, crossCheck(xn, beta, z, c[i][d]));
                }
            }
        }
        return new DoubleDescentSweep(m, ns.clone(), draws, c, crossCheck);
    }

    /** Per-draw excess risk ‖θ̂ − β‖² at the n of index {@code i}, for ‖β‖ = r and noise σ. */
    double[] excess(int i, double r, double sigma, SpectralEstimators.Filter filter) {
        double[] out = new double[draws];
        for (int d = 0; d < draws; d++) {
            out[d] = SpectralEstimators.excessRisk(coordinates[i][d], r, sigma, filter);
        }
        return out;
    }

    /** Per-draw test MSE σ² + ‖θ̂ − β‖². */
    double[] testMse(int i, double r, double sigma, SpectralEstimators.Filter filter) {
        double[] e = excess(i, r, sigma, filter);
        for (int d = 0; d < e.length; d++) {
            e[d] += sigma * sigma;
        }
        return e;
    }

    /** The index of n in the grid. */
    int index(int n) {
        for (int i = 0; i < ns.length; i++) {
            if (ns[i] == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("n = " + n + " is not in the sweep's grid " + Arrays.toString(ns));
    }

    private static Mat leadingColumns(Mat x, int n) {
        Mat out = new Mat(x.rows(), n);
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(x.data(), i * x.cols(), out.data(), i * n, n);
        }
        return out;
    }

    private static double crossCheck(Mat x, double[] beta, double[] z, SpectralEstimators.Coordinates c) {
        double[] y = Vec.add(Ops.gemv(x, beta, null), z);
        double direct = Math.pow(Vec.distance(MinNorm.solve(x, y), beta), 2);
        double spectral = SpectralEstimators.excessRisk(c, 1.0, 1.0, SpectralEstimators.MIN_NORM);
        return Math.abs(spectral - direct) / direct;
    }
}
