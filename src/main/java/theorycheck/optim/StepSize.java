package theorycheck.optim;

import java.util.function.LongToDoubleFunction;

/**
 * The step η_t of {@link GradientDescent#with}: a schedule in t, or computed from θ_t and its
 * gradient (a step of c over a local smoothness bound, say).
 */
@FunctionalInterface
public interface StepSize {
    /**
     * @param t step index, from 0
     * @param theta θ_t, not to be modified
     * @param grad the gradient at θ_t, not to be modified
     * @return η_t
     */
    double at(long t, double[] theta, double[] grad);

    /** η_t = schedule(t). */
    static StepSize schedule(LongToDoubleFunction schedule) {
        return (t, theta, grad) -> schedule.applyAsDouble(t);
    }
}
