package theorycheck.data;

import theorycheck.linalg.Mat;

/**
 * A regression data set: design X (m×n, one example per row), targets y, and the parameter that
 * generated them (null when unknown).
 */
public record Regression(Mat x, double[] y, double[] truth) {
    public Regression {
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("X has " + x.rows() + " rows but y has " + y.length + " entries");
        }
        if (truth != null && truth.length != x.cols()) {
            throw new IllegalArgumentException("truth has length " + truth.length + ", X has " + x.cols() + " columns");
        }
    }

    public int examples() {
        return x.rows();
    }

    public int features() {
        return x.cols();
    }

    /** Gaussian design, Gaussian truth with {@code k} non-zeros (k = n for dense), Gaussian noise. */
    public static Regression gaussian(int m, int n, int k, double noiseStd, Rng rng) {
        Mat x = RandomDesigns.gaussian(m, n, 1.0, rng.split());
        double[] w = k == n ? rng.split().gaussianVector(n, 1.0) : RandomDesigns.sparseGaussian(n, k, rng.split());
        double[] y = RandomDesigns.linearTargets(x, w, noiseStd, rng.split());
        return new Regression(x, y, w);
    }
}
