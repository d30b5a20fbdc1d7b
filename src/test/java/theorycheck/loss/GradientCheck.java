package theorycheck.loss;

import java.util.function.ToDoubleFunction;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.model.Model;

/** Central finite differences, for checking exact gradients in tests. */
public final class GradientCheck {
    /**
     * Relative step: h_i = STEP·max(1, |θ_i|). With central differences the truncation error is
     * O(h²·f''') ≈ 1e-12 and the rounding error O(ε·|f|/h) ≈ 1e-10, so agreement to ~1e-8
     * relative is expected for smooth objectives of O(1) scale.
     */
    public static final double STEP = 1e-6;

    private GradientCheck() {
    }

    /** The central-difference gradient of f at θ; θ is restored before returning. */
    public static double[] numericGradient(ToDoubleFunction<double[]> f, double[] theta) {
        double[] g = new double[theta.length];
        double[] t = theta.clone();
        for (int i = 0; i < t.length; i++) {
            double h = STEP * Math.max(1.0, Math.abs(t[i]));
            double orig = t[i];
            t[i] = orig + h;
            double plus = f.applyAsDouble(t);
            t[i] = orig - h;
            double minus = f.applyAsDouble(t);
            t[i] = orig;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /** ‖analytic − numeric‖ / max(‖numeric‖, 1): relative error with a unit floor. */
    public static double relativeError(double[] analytic, double[] numeric) {
        return Vec.relativeError(analytic, numeric, 1.0);
    }

    /** Gradient error of an objective on a batch (null: full batch). */
    public static double objectiveError(Objective objective, double[] theta, int[] batch) {
        double[] analytic = new double[objective.dim()];
        objective.valueAndGradient(theta, batch, analytic);
        double[] numeric = numericGradient(t -> objective.valueAndGradient(t, batch, null), theta);
        return relativeError(analytic, numeric);
    }

    /**
     * Error of a model's pullback Σᵢ cᵢ∂f(xᵢ)/∂θ over the selected rows (null: all) against central
     * differences of θ ↦ Σᵢ cᵢf_θ(xᵢ).
     */
    public static double pullbackError(Model model, double[] theta, Mat x, int[] rows, double[] coef) {
        double[] analytic = new double[model.numParams()];
        model.pullback(theta, x, rows, coef, analytic);
        double[] out = new double[coef.length];
        double[] numeric = numericGradient(t -> {
            model.predict(t, x, rows, out);
            return Vec.dot(coef, out);
        }, theta);
        return relativeError(analytic, numeric);
    }
}
