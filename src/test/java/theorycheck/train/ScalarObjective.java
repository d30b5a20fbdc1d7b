package theorycheck.train;

import java.util.function.DoubleUnaryOperator;
import theorycheck.loss.Objective;

/**
 * A one-parameter objective L(θ) given by its value and derivative, counting how often the trainer
 * asks for each: closed-form runs (GD on ½aθ² multiplies θ by 1 − ηa every step) give the trainer's
 * stopping, divergence and checking rules known answers.
 */
final class ScalarObjective implements Objective {
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator derivative;
    int valueAndGradientCalls;
    int gradientOnlyCalls;

    ScalarObjective(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
        this.value = value;
        this.derivative = derivative;
    }

    /** ½θ² + offset: GD with step η multiplies θ by exactly 1 − η. */
    static ScalarObjective parabola(double offset) {
        return new ScalarObjective(t -> 0.5 * t * t + offset, t -> t);
    }

    @Override
    public int dim() {
        return 1;
    }

    @Override
    public int examples() {
        return 1;
    }

    @Override
    public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        valueAndGradientCalls++;
        if (grad != null) {
            grad[0] = derivative.applyAsDouble(theta[0]);
        }
        return value.applyAsDouble(theta[0]);
    }

    @Override
    public void gradientOnly(double[] theta, int[] batch, double[] grad) {
        gradientOnlyCalls++;
        grad[0] = derivative.applyAsDouble(theta[0]);
    }
}
