package theorycheck.optim;

/**
 * The gradient of the loss that produced the current step's gradient (the same mini-batch, or the
 * full objective), evaluated at any point: what an update needs that looks beyond θ, like SAM's
 * gradient at a perturbed θ.
 */
@FunctionalInterface
public interface BatchGradient {
    /**
     * @param theta the point, not modified
     * @param out overwritten with ∇L_B(theta)
     */
    void at(double[] theta, double[] out);
}
