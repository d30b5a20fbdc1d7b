package theorycheck.measure;

import java.util.Objects;
import theorycheck.linalg.Mat;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.TwiceDifferentiableLoss;
import theorycheck.model.Model;
import theorycheck.model.TwiceDifferentiable;

/**
 * Exact Hessian-vector products of an empirical risk L(θ) = (1/n) Σ_i ℓ(f_θ(x_i), y_i):
 * ∇²L(θ) v = (1/n) Σ_i [ℓ''_i ⟨∇f_i, v⟩ ∇f_i + ℓ'_i ∇²f_i v], computed by the model's
 * {@link TwiceDifferentiable#curvaturePullback} (analytic or forward-over-reverse), never by finite
 * differences. The loss derivatives ℓ'_i, ℓ''_i are evaluated once, at θ, when the operator is made.
 *
 * <p>The operator keeps scratch space and uses the model's scratch: one operator per thread.
 */
public final class HessianVectorProduct {
    private HessianVectorProduct() {
    }

    /** v ↦ ∇²L(θ) v over all rows; θ is copied. */
    public static SymmetricOperator of(EmpiricalRisk risk, double[] theta) {
        return of(risk, theta, null);
    }

    /**
     * v ↦ ∇²L_B(θ) v for the mean loss over the rows B (null for all); θ and rows are copied.
     *
     * @throws IllegalArgumentException if the model is not {@link TwiceDifferentiable} or the loss not
     *     {@link TwiceDifferentiableLoss}, or θ has the wrong length
     */
    public static SymmetricOperator of(EmpiricalRisk risk, double[] theta, int[] rows) {
        Objects.requireNonNull(risk, "risk");
        Model model = risk.model();
        if (!(model instanceof TwiceDifferentiable curved)) {
            throw new IllegalArgumentException("Hessian-vector products need a TwiceDifferentiable model, got "
                    + model.getClass().getSimpleName());
        }
        if (!(risk.loss() instanceof TwiceDifferentiableLoss loss)) {
            throw new IllegalArgumentException("Hessian-vector products need a TwiceDifferentiableLoss, got "
                    + risk.loss().name());
        }
        if (theta.length != model.numParams()) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", model has " + model.numParams());
        }
        double[] at = theta.clone();
        int[] batch = rows == null ? null : rows.clone();
        Mat x = risk.x();
        double[] y = risk.y();
        int count = Model.count(x, batch);
        double[] f = new double[count];
        model.predict(at, x, batch, f);
        double[] coef = new double[count];
        double[] gnCoef = new double[count];
        double inv = 1.0 / count;
        for (int i = 0; i < count; i++) {
            double target = y[Model.row(batch, i)];
            coef[i] = inv * loss.derivative(f[i], target);
            gnCoef[i] = inv * loss.secondDerivative(f[i], target);
        }
        return (v, out) -> curved.curvaturePullback(at, x, batch, coef, gnCoef, v, out);
    }
}
