package theorycheck.claim;

/** How a claim quantifies over instances. */
public enum Quantifier {
    /** For all instances in the setting: one counterexample refutes. */
    UNIVERSAL,
    /** A witness exists: one passing instance confirms. */
    EXISTENTIAL,
    /** A tendency: decided by a significance test over trials. */
    STATISTICAL
}
