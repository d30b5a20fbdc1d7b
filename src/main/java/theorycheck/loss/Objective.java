package theorycheck.loss;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A differentiable training objective L(θ) = (1/|B|) Σ_{i∈B} ℓ_i(θ) (+ any penalty), evaluated on a
 * mini-batch B of example indices or on all examples.
 */
public interface Objective {
    /** Number of parameters. */
    int dim();

    /** Number of examples a batch can be drawn from. */
    int examples();

    /**
     * Value and gradient together.
     *
     * @param theta parameters, not modified
     * @param batch example indices, or null for the full objective
     * @param grad modified (overwritten) with ∇L_B(θ); may be null when only the value is wanted
     * @return L_B(θ)
     */
    double valueAndGradient(double[] theta, int[] batch, double[] grad);

    /**
     * The gradient alone, for the steps between loss checks; objectives whose value costs extra
     * (a log per example, say) override this to skip it.
     *
     * @param grad modified (overwritten) with ∇L_B(θ)
     */
    default void gradientOnly(double[] theta, int[] batch, double[] grad) {
        valueAndGradient(theta, batch, grad);
    }

    default double value(double[] theta) {
        return valueAndGradient(theta, null, null);
    }

    default double[] gradient(double[] theta) {
        double[] g = new double[dim()];
        valueAndGradient(theta, null, g);
        return g;
    }

    /**
     * A closed-form landscape on ℝ^dim with no examples to batch over, from its value and gradient
     * (the gradient function returns a new array).
     */
    static Objective of(int dim, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        return new Objective() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public int examples() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
                if (batch != null) {
                    throw new IllegalArgumentException("a closed-form landscape has no examples to batch over");
                }
                if (grad != null) {
                    System.arraycopy(gradient.apply(theta), 0, grad, 0, dim);
                }
                return value.applyAsDouble(theta);
            }
        };
    }
}
