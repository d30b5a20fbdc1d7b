package theorycheck.optim;

/**
 * The step η_t of {@link GradientDescent#with}: a schedule in t, or computed from θ_t and its
 * gradient (a step of c over a local smoothness bound, say); a lambda either way.
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
}
