package theorycheck.model;

import theorycheck.linalg.Mat;

/**
 * A model that also gives exact second-order products, so that Hessian-vector products of a loss
 * built on it need no finite differences.
 *
 * <p>For a per-example loss ℓ(f_θ(x_i), y_i) the Hessian of the mean loss is
 * (1/n) Σ_i [ℓ''_i ∇f_i ∇f_iᵀ + ℓ'_i ∇²f_i]: a Gauss–Newton part and a part carrying the model's own
 * curvature. {@link #curvaturePullback} computes that sum applied to a vector, for any coefficients.
 */
public interface TwiceDifferentiable extends Model {
    /**
     * out = Σ_i [ gnCoef[i] · ⟨∇f_θ(x_i), v⟩ · ∇f_θ(x_i) + coef[i] · ∇²f_θ(x_i) v ] over the
     * selected rows (a Jacobian-vector product, a vector–Jacobian product and a Hessian-vector
     * product of f, fused: Pearlmutter's R-operator applied to {@link #pullback}).
     *
     * @param theta parameters, not modified
     * @param x inputs, not modified
     * @param rows selected rows, or null for all
     * @param coef weight of each row's model Hessian ∇²f_i (the loss derivative ℓ'_i / n), not modified
     * @param gnCoef weight of each row's Gauss–Newton term (ℓ''_i / n), not modified
     * @param v direction, length {@link #numParams()}, not modified
     * @param out modified (overwritten), length {@link #numParams()}; must not alias v
     */
    void curvaturePullback(double[] theta, Mat x, int[] rows, double[] coef, double[] gnCoef, double[] v,
            double[] out);
}
