package theorycheck.claim;

/** The outcome of one trial of a check. */
public enum Outcome {
    /** The prediction held on this instance (for statistical claims: effect in the predicted direction). */
    PASS,
    /** The prediction failed on this instance (a counterexample, or an effect the other way). */
    FAIL,
    /** The instance could not decide: not converged in budget, diverged where that proves nothing, a tie. */
    INCONCLUSIVE
}
