package theorycheck.claims.stability;

import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * Bounded data for the stability claims: inputs uniform on the sphere of radius κ in ℝᵈ, so every
 * test point lies in the ball the uniform-stability sup ranges over, and the population risk of a
 * linear predictor is known exactly.
 */
final class StabilityData {
    private StabilityData() {
    }

    /** A sample: design (one example per row) and labels. */
    record Sample(Mat x, double[] y) {
    }

    /** m points uniform on the sphere of radius kappa in ℝᵈ. */
    static Mat sphere(int m, int d, double kappa, Rng rng) {
        Mat x = new Mat(m, d);
        for (int i = 0; i < m; i++) {
            double[] g = rng.gaussianVector(d, 1.0);
            double s = kappa / Vec.norm2(g);
            for (int j = 0; j < d; j++) {
                x.set(i, j, s * g[j]);
            }
        }
        return x;
    }

    /** A direction drawn uniformly, scaled to the given norm. */
    static double[] direction(int d, double norm, Rng rng) {
        double[] g = rng.gaussianVector(d, 1.0);
        return Vec.scale(norm / Vec.norm2(g), g);
    }

    /**
     * Regression on the unit sphere: y = ⟨w*, x⟩ + ξ, ξ ~ U[−a, a], so |y| ≤ ‖w*‖ + a; with
     * probability p an outlier ±K (random sign) is added, which breaks that bound.
     */
    static Sample regression(int m, double[] wStar, double noise, double outlierProb, double outlierSize, Rng rng) {
        Mat x = sphere(m, wStar.length, 1.0, rng);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = Vec.dot(wStar, x.row(i)) + rng.uniform(-noise, noise);
            if (outlierProb > 0 && rng.uniform() < outlierProb) {
                y[i] += rng.uniform() < 0.5 ? -outlierSize : outlierSize;
            }
        }
        return new Sample(x, y);
    }

    /**
     * Exact population risk E(⟨w, x⟩ − y)² of the regression above: x uniform on the unit sphere has
     * covariance I/d, ξ has variance a²/3, the outlier term has variance pK², all independent:
     * ‖w − w*‖²/d + a²/3 + pK².
     */
    static double regressionRisk(double[] w, double[] wStar, double noise, double outlierProb, double outlierSize) {
        double dist = Vec.distance(w, wStar);
        return dist * dist / w.length + noise * noise / 3 + outlierProb * outlierSize * outlierSize;
    }

    /** Mean of (⟨w, xᵢ⟩ − yᵢ)² over a sample. */
    static double meanSquaredError(Mat x, double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            double r = Vec.dot(w, x.row(i)) - y[i];
            s += r * r;
        }
        return s / x.rows();
    }

    /** Classification on the sphere of radius kappa: y = sign⟨w*, x⟩, flipped with probability eta. */
    static Sample classification(int m, double[] wStar, double kappa, double eta, Rng rng) {
        Mat x = sphere(m, wStar.length, kappa, rng);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = Vec.dot(wStar, x.row(i)) >= 0 ? 1 : -1;
            y[i] = rng.uniform() < eta ? -s : s;
        }
        return new Sample(x, y);
    }
}
