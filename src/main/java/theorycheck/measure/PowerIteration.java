package theorycheck.measure;

import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * Largest-magnitude eigenvalue of a symmetric operator by power iteration from a seeded random
 * start (not all-ones, which can be orthogonal to the top eigenvector). For a positive
 * semi-definite operator this is λ_max. It can fail to converge when the top two eigenvalues are
 * close; the result says so.
 */
public final class PowerIteration {
    private PowerIteration() {
    }

    public static EigenEstimate topEigenvalue(SymmetricOperator a, int dim, Rng rng, int maxIterations,
            double relTol) {
        double[] v = rng.gaussianVector(dim, 1.0);
        normalize(v);
        double[] av = new double[dim];
        double value = 0;
        boolean converged = false;
        int it = 0;
        while (it < maxIterations) {
            a.apply(v, av);
            it++;
            double next = Vec.dot(v, av);
            double norm = Vec.norm2(av);
            if (norm == 0) {
                return new EigenEstimate(0, v, true, it, 0);
            }
            for (int i = 0; i < dim; i++) {
                v[i] = av[i] / norm;
            }
            if (it > 1 && Math.abs(next - value) <= relTol * Math.abs(next)) {
                value = next;
                converged = true;
                break;
            }
            value = next;
        }
        a.apply(v, av);
        value = Vec.dot(v, av);
        double[] r = av.clone();
        Vec.axpyInPlace(-value, v, r);
        return new EigenEstimate(value, v, converged, it, Vec.norm2(r));
    }

    /** λ_max(XᵀX / m) for an m×n design, computed on the smaller Gram side. */
    public static EigenEstimate gramTop(Mat x, Rng rng) {
        int m = x.rows();
        int n = x.cols();
        double scale = 1.0 / m;
        if (m <= n) {
            // XXᵀ/m has the same non-zero spectrum and is smaller
            Mat g = theorycheck.linalg.Ops.multTransB(x, x, null);
            return topEigenvalue(matrix(g, scale), m, rng, 10_000, 1e-12);
        }
        Mat g = theorycheck.linalg.Ops.multTransA(x, x, null);
        return topEigenvalue(matrix(g, scale), n, rng, 10_000, 1e-12);
    }

    /** The operator v ↦ s·Av of a dense symmetric matrix. */
    public static SymmetricOperator matrix(Mat a, double s) {
        return (v, out) -> {
            theorycheck.linalg.Ops.gemv(a, v, out);
            for (int i = 0; i < out.length; i++) {
                out[i] *= s;
            }
        };
    }

    private static void normalize(double[] v) {
        double n = Vec.norm2(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }
}
