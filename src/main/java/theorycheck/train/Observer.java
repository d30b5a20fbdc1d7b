package theorycheck.train;

/**
 * Sees the iterate every k steps (θ₀ first, then θ_k, θ_2k, …, up to the last step taken), for
 * what a log-spaced {@link Trajectory} does not hold: a value every epoch, an iterate average.
 */
@FunctionalInterface
public interface Observer {
    /**
     * @param t steps taken
     * @param theta θ_t, not to be modified (it may be non-finite on the step a divergence is found)
     */
    void observe(long t, double[] theta);
}
