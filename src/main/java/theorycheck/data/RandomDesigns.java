package theorycheck.data;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;

/** Random design matrices and targets for regression problems. */
public final class RandomDesigns {
    private RandomDesigns() {
    }

    /** An m×n matrix with i.i.d. N(0, std²) entries. */
    public static Mat gaussian(int m, int n, double std, Rng rng) {
        Mat x = new Mat(m, n);
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = std * rng.gaussian();
        }
        return x;
    }

    /** A length-n vector with {@code k} N(0,1) entries at random positions, zero elsewhere. */
    public static double[] sparseGaussian(int n, int k, Rng rng) {
        if (k > n || k < 0) {
            throw new IllegalArgumentException("k=" + k + " not in [0, " + n + "]");
        }
        double[] w = new double[n];
        int[] perm = rng.permutation(n);
        for (int i = 0; i < k; i++) {
            w[perm[i]] = rng.gaussian();
        }
        return w;
    }

    /** y = X·w + N(0, noiseStd²) noise. */
    public static double[] linearTargets(Mat x, double[] w, double noiseStd, Rng rng) {
        double[] y = Ops.gemv(x, w, null);
        for (int i = 0; i < y.length; i++) {
            y[i] += noiseStd * rng.gaussian();
        }
        return y;
    }

    /** A symmetric n×n matrix Q diag(λ) Qᵀ with a random orthogonal Q (QR of a Gaussian). */
    public static Mat symmetricWithEigenvalues(int n, Rng rng, double... lambda) {
        if (lambda.length != n) {
            throw new IllegalArgumentException("need " + n + " eigenvalues, got " + lambda.length);
        }
        Mat q = randomOrthogonal(n, rng);
        Mat out = new Mat(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q.get(i, k) * lambda[k] * q.get(j, k);
                }
                out.set(i, j, s);
            }
        }
        return out;
    }

    /** A random orthogonal matrix by modified Gram–Schmidt on a Gaussian matrix. */
    public static Mat randomOrthogonal(int n, Rng rng) {
        Mat g = gaussian(n, n, 1.0, rng);
        Mat q = new Mat(n, n);
        for (int j = 0; j < n; j++) {
            double[] v = g.column(j);
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q.get(i, p) * v[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * q.get(i, p);
                }
            }
            double norm = theorycheck.linalg.Vec.norm2(v);
            for (int i = 0; i < n; i++) {
                q.set(i, j, v[i] / norm);
            }
        }
        return q;
    }
}
