package theorycheck.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;

/**
 * Extreme eigenvalues and eigenvectors of a symmetric operator by the Lanczos method with full
 * reorthogonalization (every new Krylov vector is Gram–Schmidt-ed twice against all previous ones,
 * so no spurious copies of converged Ritz values appear).
 *
 * <p>After j steps the Ritz values θ_i of the tridiagonal T_j approximate the extreme eigenvalues;
 * the Ritz pair (θ_i, V_j s_i) has residual ‖A y_i − θ_i y_i‖ = |β_j s_{j,i}| exactly in exact
 * arithmetic, which is the stopping test: stop when it is ≤ tol·max_i|θ_i| for the k wanted pairs.
 * The returned residuals are recomputed with k extra products, not taken from that bound. The start
 * vector is a seeded Gaussian (an all-ones start can be orthogonal to the wanted eigenvector). A
 * start vector (numerically) orthogonal to an eigenvector never finds it: Lanczos, like every
 * Krylov method, cannot promise more than that.
 *
 * @see "G. H. Golub, C. F. Van Loan, Matrix Computations, 4th ed., §10.1–10.3"
 */
public final class Lanczos {
    /** Default relative residual tolerance. */
    public static final double DEFAULT_TOL = 1e-10;

    /** Default cap on Lanczos steps (Krylov dimension), applied as min(dim, this). */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    private Lanczos() {
    }

    /**
     * @param values k Ritz values, descending for {@link #top}, ascending for {@link #bottom}
     * @param vectors the matching unit Ritz vectors, vectors[i] for values[i]
     * @param converged whether every wanted pair met the residual test (or the Krylov space became
     *     invariant, which makes the Ritz pairs exact)
     * @param iterations Lanczos steps (= operator products, not counting the final residual check)
     * @param residuals ‖A y_i − θ_i y_i‖₂ recomputed at the end
     */
    public record Result(double[] values, double[][] vectors, boolean converged, int iterations, double[] residuals) {
        /** values[0]: the largest for {@link #top}, the smallest for {@link #bottom}. */
        public double first() {
            return values[0];
        }

        /** vectors[0]. */
        public double[] firstVector() {
            return vectors[0];
        }

        /** max_i residuals[i]. */
        public double maxResidual() {
            double m = 0;
            for (double r : residuals) {
                m = Math.max(m, r);
            }
            return m;
        }
    }

    /** The k largest eigenvalues with the default tolerance and step cap. */
    public static Result top(SymmetricOperator a, int dim, int k, Rng rng) {
        return top(a, dim, k, rng, DEFAULT_MAX_ITERATIONS, DEFAULT_TOL);
    }

    /**
     * The k algebraically largest eigenvalues (descending) and their eigenvectors.
     *
     * @param a the operator, applied up to maxIterations + k times
     * @param dim its dimension
     * @param k 1 ≤ k ≤ dim
     * @param rng modified (draws the start vector)
     * @param maxIterations cap on the Krylov dimension (clamped to dim)
     * @param tol relative residual tolerance, &gt; 0
     */
    public static Result top(SymmetricOperator a, int dim, int k, Rng rng, int maxIterations, double tol) {
        return run(a, dim, k, rng, maxIterations, tol);
    }

    /** The k smallest eigenvalues (ascending), e.g. to detect a saddle; the default tolerance and cap. */
    public static Result bottom(SymmetricOperator a, int dim, int k, Rng rng) {
        return bottom(a, dim, k, rng, DEFAULT_MAX_ITERATIONS, DEFAULT_TOL);
    }

    /** The k smallest eigenvalues (ascending): {@link #top} of −A, negated. */
    public static Result bottom(SymmetricOperator a, int dim, int k, Rng rng, int maxIterations, double tol) {
        Objects.requireNonNull(a, "a");
        SymmetricOperator neg = (v, out) -> {
            a.apply(v, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        };
        Result r = run(neg, dim, k, rng, maxIterations, tol);
        double[] values = r.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = -values[i];
        }
        return new Result(values, r.vectors(), r.converged(), r.iterations(), r.residuals());
    }

    private static Result run(SymmetricOperator a, int dim, int k, Rng rng, int maxIterations, double tol) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(rng, "rng");
        if (dim < 1 || k < 1 || k > dim) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ dim, got k=" + k + ", dim=" + dim);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tol);
        }
        int cap = Math.min(dim, Math.max(maxIterations, k));
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[cap];
        double[] beta = new double[cap];
        double[] q = rng.gaussianVector(dim, 1.0);
        scaleToUnit(q);
        double[] w = new double[dim];
        boolean converged = false;
        int steps = 0;
        SymmetricEigen.Result ritz = null;
        while (steps < cap) {
            basis.add(q);
            a.apply(q, w);
            int j = steps;
            alpha[j] = Vec.dot(q, w);
            steps++;
            // two passes of classical Gram–Schmidt against the whole basis ("twice is enough")
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : basis) {
                    Vec.axpyInPlace(-Vec.dot(b, w), b, w);
                }
            }
            beta[j] = Vec.norm2(w);
            boolean invariant = beta[j] <= 1e-13 * (Math.abs(alpha[j]) + (j > 0 ? beta[j - 1] : 0) + Double.MIN_NORMAL);
            boolean check = invariant || steps == cap || (steps >= k && (steps < 40 || steps % 10 == 0));
            if (check) {
                ritz = SymmetricEigen.decompose(tridiagonal(alpha, beta, steps));
                if (invariant || steps == dim || residualBoundsMet(ritz, beta[j], k, steps, tol)) {
                    converged = true;
                    break;
                }
            }
            if (invariant) {
                break;
            }
            q = new double[dim];
            for (int i = 0; i < dim; i++) {
                q[i] = w[i] / beta[j];
            }
        }
        if (ritz == null) {
            ritz = SymmetricEigen.decompose(tridiagonal(alpha, beta, steps));
        }
        int wanted = Math.min(k, steps);
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        double[] residuals = new double[k];
        double[] av = new double[dim];
        for (int i = 0; i < k; i++) {
            if (i >= wanted) {
                // the Krylov space was smaller than k (an invariant subspace): report NaN, not a guess
                values[i] = Double.NaN;
                vectors[i] = new double[dim];
                residuals[i] = Double.NaN;
                converged = false;
                continue;
            }
            values[i] = ritz.values()[i];
            double[] y = new double[dim];
            for (int j = 0; j < steps; j++) {
                Vec.axpyInPlace(ritz.vectors().get(j, i), basis.get(j), y);
            }
            scaleToUnit(y);
            vectors[i] = y;
            a.apply(y, av);
            Vec.axpyInPlace(-values[i], y, av);
            residuals[i] = Vec.norm2(av);
        }
        return new Result(values, vectors, converged, steps, residuals);
    }

    private static boolean residualBoundsMet(SymmetricEigen.Result ritz, double betaLast, int k, int steps,
            double tol) {
        double scale = 0;
        for (double v : ritz.values()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < k; i++) {
            double bound = Math.abs(betaLast * ritz.vectors().get(steps - 1, i));
            if (bound > tol * Math.max(scale, Double.MIN_NORMAL)) {
                return false;
            }
        }
        return true;
    }

    private static Mat tridiagonal(double[] alpha, double[] beta, int n) {
        Mat t = new Mat(n, n);
        for (int i = 0; i < n; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < n) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        return t;
    }

    private static void scaleToUnit(double[] v) {
        double n = Vec.norm2(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }
}
