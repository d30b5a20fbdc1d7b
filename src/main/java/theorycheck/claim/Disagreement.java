package theorycheck.claim;

/** Why a recorded verdict disagrees with what the source says. */
public enum Disagreement {
    /** The source's statement, read as its authors meant it, in its own setting, is contradicted. */
    SUBSTANTIVE,
    /** Contradicted only under an operational reading the source does not force. */
    READING,
    /** The source's hypotheses fail on the instances, so the statement does not apply there. */
    PREMISE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
