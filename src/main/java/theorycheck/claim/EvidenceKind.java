package theorycheck.claim;

/**
 * What a claim's verdict rests on. Counts are always split by kind: an identity is not an
 * experimental finding.
 */
public enum EvidenceKind {
    /** The outcome depends on training dynamics, data or chance. */
    EMPIRICAL,
    /** The outcome follows from algebra or a definition; the run checks the implementation, and can change only through a bug. */
    IDENTITY;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
