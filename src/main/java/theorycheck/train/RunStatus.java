package theorycheck.train;

/** How a training run ended. */
public enum RunStatus {
    /** The stopping rule (gradient norm or loss below tolerance) fired. */
    CONVERGED,
    /** The step budget ran out first. */
    BUDGET_EXHAUSTED,
    /** A non-finite value or a loss blow-up was detected. */
    DIVERGED
}
