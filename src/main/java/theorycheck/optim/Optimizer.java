package theorycheck.optim;

/** An optimizer configuration (immutable). */
public interface Optimizer {
    /** A short name with the hyper-parameters, for reports, e.g. {@code "heavy-ball(lr=0.1, beta=0.9)"}. */
    String describe();

    /** Fresh state for a run over {@code dim} parameters. */
    Stepper start(int dim);
}
