package theorycheck.measure;

import theorycheck.linalg.Mat;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.loss.EmpiricalRisk;

/**
 * The dense Hessian of an empirical risk, column by column from exact Hessian-vector products
 * (H e_j), symmetrized as ½(H + Hᵀ) to remove rounding-level asymmetry. Costs p products for p
 * parameters: meant for small models, where it is the exact reference for {@link Lanczos} and
 * Hutchinson estimates.
 */
public final class FullHessian {
    private FullHessian() {
    }

    /** ∇²L(θ) as a p×p matrix. */
    public static Mat of(EmpiricalRisk risk, double[] theta) {
        return of(HessianVectorProduct.of(risk, theta), theta.length);
    }

    /** The p×p matrix of a symmetric operator, from its action on the basis vectors, symmetrized. */
    public static Mat of(SymmetricOperator op, int dim) {
        Mat h = new Mat(dim, dim);
        double[] e = new double[dim];
        double[] col = new double[dim];
        for (int j = 0; j < dim; j++) {
            e[j] = 1.0;
            op.apply(e, col);
            e[j] = 0.0;
            for (int i = 0; i < dim; i++) {
                h.set(i, j, col[i]);
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                double s = 0.5 * (h.get(i, j) + h.get(j, i));
                h.set(i, j, s);
                h.set(j, i, s);
            }
        }
        return h;
    }

    /** Eigen-decomposition of ∇²L(θ), eigenvalues descending. */
    public static SymmetricEigen.Result eigen(EmpiricalRisk risk, double[] theta) {
        return SymmetricEigen.decompose(of(risk, theta));
    }
}
