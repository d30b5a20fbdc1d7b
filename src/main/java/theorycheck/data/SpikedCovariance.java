package theorycheck.data;

import theorycheck.linalg.Mat;

/**
 * Gaussian regression designs with a prescribed covariance spectrum, the setting of Bartlett,
 * Long, Lugosi &amp; Tsigler (2020): rows x ~ N(0, Σ) with Σ = diag(λ), targets y = xᵀθ* + ε,
 * ε ~ N(0, σ²). With a diagonal Σ the population quantities are exact closed forms, e.g. the
 * excess risk (θ − θ*)ᵀΣ(θ − θ*) of {@link #excessRisk}.
 */
public final class SpikedCovariance {
    private SpikedCovariance() {
    }

    /**
     * An m×p design with X_ij = √λ_j · z_ij, z_ij i.i.d. N(0, 1).
     *
     * @param spectrum Σ's eigenvalues (p = spectrum.dim())
     * @param m rows, ≥ 1
     * @param rng the data's random source (advanced)
     */
    public static Mat design(Spectrum spectrum, int m, Rng rng) {
        if (m < 1) {
            throw new IllegalArgumentException("need m ≥ 1 rows, got " + m);
        }
        int p = spectrum.dim();
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = StrictMath.sqrt(spectrum.get(j));
        }
        Mat x = new Mat(m, p);
        double[] d = x.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                d[i * p + j] = scale[j] * rng.gaussian();
            }
        }
        return x;
    }

    /**
     * A data set (X, y = Xθ* + ε) from {@link #design}; X, the noise and nothing else come from
     * independent {@link Rng#split() splits} of {@code rng}.
     *
     * @param truth θ*, length p, not modified (copied into the result)
     * @param noiseStd σ ≥ 0
     */
    public static Regression draw(Spectrum spectrum, int m, double[] truth, double noiseStd, Rng rng) {
        if (truth.length != spectrum.dim()) {
            throw new IllegalArgumentException("θ* has length " + truth.length + ", Σ is " + spectrum.dim() + "-dimensional");
        }
        if (!(noiseStd >= 0)) {
            throw new IllegalArgumentException("noise std must be ≥ 0, got " + noiseStd);
        }
        Mat x = design(spectrum, m, rng.split());
        double[] y = RandomDesigns.linearTargets(x, truth, noiseStd, rng.split());
        return new Regression(x, y, truth.clone());
    }

    /**
     * θ* of Euclidean norm {@code norm}, uniformly distributed in direction over the first
     * {@code support} coordinates (the top eigen-directions), zero elsewhere.
     */
    public static double[] truthOnTop(int p, int support, double norm, Rng rng) {
        if (support < 1 || support > p) {
            throw new IllegalArgumentException("support " + support + " not in [1, " + p + "]");
        }
        double[] g = rng.gaussianVector(support, 1.0);
        double len = theorycheck.linalg.Vec.norm2(g);
        double[] theta = new double[p];
        for (int i = 0; i < support; i++) {
            theta[i] = norm * g[i] / len;
        }
        return theta;
    }

    /**
     * Excess risk E_x[(xᵀθ − xᵀθ*)²] = (θ − θ*)ᵀ diag(λ) (θ − θ*) = Σ_j λ_j (θ_j − θ*_j)²: the
     * population test loss minus the noise σ², with no test-set sampling error.
     *
     * @param lambda the diagonal of the (test) covariance, length p, not modified
     */
    public static double excessRisk(double[] lambda, double[] theta, double[] truth) {
        if (theta.length != lambda.length || truth.length != lambda.length) {
            throw new IllegalArgumentException("lengths differ: λ " + lambda.length + ", θ " + theta.length + ", θ* "
                    + truth.length);
        }
        double s = 0;
        for (int j = 0; j < lambda.length; j++) {
            double d = theta[j] - truth[j];
            s += lambda[j] * d * d;
        }
        return s;
    }

    /** {@link #excessRisk(double[], double[], double[])} under Σ = diag(spectrum). */
    public static double excessRisk(Spectrum spectrum, double[] theta, double[] truth) {
        return excessRisk(spectrum.eigenvalues(), theta, truth);
    }
}
