package theorycheck.claim;

/** The outcome of a claim's check; see {@link VerdictRules} for how each is decided. */
public enum Verdict {
    HOLDS, REFUTED, INCONCLUSIVE;

    /** The suite name used in the report ("Holds", "Refuted", "Inconclusive"). */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
