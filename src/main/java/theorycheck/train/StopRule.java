package theorycheck.train;

/**
 * A goal of a run beyond the gradient and loss tolerances of {@link TrainConfig} (every training
 * label fitted, a target loss reached, a flow time covered). {@link Trainer} asks it wherever it
 * has just evaluated the full-batch loss: at step 0, every {@link TrainConfig#checkEvery()} steps
 * and at the step budget. A run whose rule fires ends {@link RunStatus#CONVERGED}.
 */
@FunctionalInterface
public interface StopRule {
    /** Never fires. */
    StopRule NEVER = (t, theta, loss) -> null;

    /**
     * @param t steps taken
     * @param theta θ_t, not to be modified
     * @param loss the full-batch loss at θ_t
     * @return why the run ends at step t, in words, or null to go on
     */
    String reached(long t, double[] theta, double loss);
}
