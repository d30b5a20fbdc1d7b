package theorycheck.optim;

/**
 * A stepper whose update evaluates the step's loss at other points too. Whoever drives it
 * ({@link theorycheck.train.Trainer}) hands it the step's {@link BatchGradient} before every
 * {@link #step}, so the extra evaluations see the same mini-batch as the gradient passed in.
 */
public interface BatchGradientStepper extends Stepper {
    /** The gradient oracle of the next step's batch; replaces the previous one. */
    void useBatchGradient(BatchGradient gradient);
}
