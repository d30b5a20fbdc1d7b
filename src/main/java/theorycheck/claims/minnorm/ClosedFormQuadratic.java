package theorycheck.claims.minnorm;

import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.loss.Quadratic;

/**
 * A quadratic ½(θ − θ*)ᵀH(θ − θ*) with known eigen-decomposition H = Q diag(λ) Qᵀ, for the book.C.6
 * claims. The eigenvalues are ascending, from λmin to κ·λmin (both included) with the others
 * log-uniform in between; Q is a random orthogonal matrix (rotated) or the identity (axis-aligned).
 *
 * @param lambda eigenvalues, ascending
 * @param q n×n, column i is the eigenvector of lambda[i]
 * @param h Q diag(λ) Qᵀ, exactly symmetric
 */
record ClosedFormQuadratic(double[] lambda, Mat q, Mat h, double[] thetaStar) {

    /** Draws the spectrum, Q and θ* ~ N(0, I) from {@code rng}. */
    static ClosedFormQuadratic draw(int n, double kappa, double lambdaMin, boolean rotated, Rng rng) {
        if (n < 2) {
            throw new IllegalArgumentException("need n ≥ 2 for a condition number, got " + n);
        }
        Rng spectrumRng = rng.split();
        double[] lambda = new double[n];
        lambda[0] = lambdaMin;
        lambda[n - 1] = kappa * lambdaMin;
        for (int i = 1; i < n - 1; i++) {
            lambda[i] = spectrumRng.logUniform(lambda[0], lambda[n - 1]);
        }
        java.util.Arrays.sort(lambda);
        Rng rotationRng = rng.split();
        Mat q = rotated ? RandomDesigns.randomOrthogonal(n, rotationRng) : Mat.identity(n);
        Mat qScaled = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qScaled.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        Mat h = Ops.multTransB(qScaled, q, null);
        for (int i = 0; i < n; i++) { // copy the upper triangle down: exact symmetry
            for (int j = 0; j < i; j++) {
                h.set(i, j, h.get(j, i));
            }
        }
        double[] thetaStar = rng.split().gaussianVector(n, 1.0);
        return new ClosedFormQuadratic(lambda, q, h, thetaStar);
    }

    int n() {
        return lambda.length;
    }

    double lambdaMax() {
        return lambda[lambda.length - 1];
    }

    double lambdaMean() {
        double s = 0;
        for (double l : lambda) {
            s += l;
        }
        return s / lambda.length;
    }

    Quadratic objective() {
        return new Quadratic(h, thetaStar);
    }

    /** cᵢ = qᵢᵀ(θ − θ*), written into {@code out} (length n) and returned. */
    double[] components(double[] theta, double[] out) {
        int n = n();
        double[] qd = q.data();
        for (int i = 0; i < n; i++) {
            out[i] = 0;
        }
        for (int k = 0; k < n; k++) {
            double e = theta[k] - thetaStar[k];
            for (int i = 0; i < n; i++) {
                out[i] += qd[k * n + i] * e;
            }
        }
        return out;
    }

    /** θ* + Σᵢ cᵢqᵢ: the point whose error has components c. */
    double[] pointWithComponents(double[] c) {
        double[] theta = Ops.gemv(q, c, null);
        for (int k = 0; k < theta.length; k++) {
            theta[k] += thetaStar[k];
        }
        return theta;
    }
}
