package theorycheck.reference;

import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;

/**
 * The exact spectrum of the empirical covariance Σ̂ = XᵀX/m of an m×n design: its largest
 * eigenvalue λ_max (the Hessian of the least-squares risk (1/2m)‖Xw − y‖², so GD is stable for
 * step sizes η &lt; 2/λ_max) and its smallest non-zero eigenvalue (which sets the linear rate on the
 * row space).
 *
 * <p>XᵀX/m (n×n) and XXᵀ/m (m×m) share their non-zero eigenvalues, so the smaller one is
 * decomposed with {@link SymmetricEigen}. An eigenvalue counts as non-zero when it exceeds
 * max(m, n)·ε·λ_max (ε = 2⁻⁵²): the Jacobi eigenvalues carry absolute error of order ε·λ_max,
 * so smaller values cannot be told apart from 0. (This is a coarser cut than {@link MinNorm}'s on
 * singular values, which are the square roots: a direction with s_i/s_max below about 1e-7 is
 * "zero" here but not there.)
 */
public final class GramSpectrum {
    private static final double EPS = Math.ulp(1.0);

    private GramSpectrum() {
    }

    /**
     * @param eigenvalues the min(m, n) eigenvalues of the smaller Gram matrix divided by m,
     *     descending (the non-zero ones are those of XᵀX/m)
     * @param rank how many of them are counted as non-zero
     * @param converged whether the Jacobi eigen-decomposition converged
     */
    public record Result(double[] eigenvalues, int rank, boolean converged) {
        /** λ_max(XᵀX/m); 0 for X = 0. */
        public double lambdaMax() {
            return eigenvalues.length == 0 ? 0 : Math.max(0, eigenvalues[0]);
        }

        /** The smallest non-zero eigenvalue of XᵀX/m; NaN if X = 0 (there is none). */
        public double lambdaMinNonzero() {
            return rank == 0 ? Double.NaN : eigenvalues[rank - 1];
        }

        /** λ_max / λ_min(non-zero): the condition number on the row space. */
        public double conditionNumber() {
            return lambdaMax() / lambdaMinNonzero();
        }
    }

    /**
     * Spectrum of XᵀX/m.
     *
     * @param x m×n design, not modified
     * @throws IllegalStateException if the eigen-decomposition did not converge
     */
    public static Result of(Mat x) {
        int m = x.rows();
        int n = x.cols();
        Mat g = m <= n ? Ops.multTransB(x, x, null) : Ops.multTransA(x, x, null);
        double[] gd = g.data();
        for (int i = 0; i < gd.length; i++) {
            gd[i] /= m;
        }
        // The plain-Java products give an exactly symmetric Gram matrix, but the BLAS path taken
        // for large designs need not; copy the upper triangle down so symmetry is exact.
        int k = g.rows();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                gd[i * k + j] = gd[j * k + i];
            }
        }
        SymmetricEigen.Result eig = SymmetricEigen.decompose(g);
        if (!eig.converged()) {
            throw new IllegalStateException("GramSpectrum: Jacobi did not converge in " + eig.sweeps() + " sweeps");
        }
        double[] values = eig.values();
        double cutoff = Math.max(m, n) * EPS * Math.max(0, values.length == 0 ? 0 : values[0]);
        int rank = 0;
        while (rank < values.length && values[rank] > cutoff) {
            rank++;
        }
        return new Result(values, rank, eig.converged());
    }
}
