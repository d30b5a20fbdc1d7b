package theorycheck.optim;

/** The state of one optimizer run. */
public interface Stepper {
    /**
     * One update.
     *
     * @param theta parameters, modified in place
     * @param grad gradient at the current θ, not modified
     * @param t step index, starting at 0
     */
    void step(double[] theta, double[] grad, long t);
}
