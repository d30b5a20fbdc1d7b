package theorycheck.claim;

/** What the source document says of the claim. */
public enum SourceAnswer {
    TRUE, FALSE, UNSTATED;

    /** Whether our verdict agrees with the source; empty when the source is silent or we are inconclusive. */
    public java.util.Optional<Boolean> agreesWith(Verdict v) {
        if (this == UNSTATED || v == Verdict.INCONCLUSIVE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((this == TRUE) == (v == Verdict.HOLDS));
    }
}
