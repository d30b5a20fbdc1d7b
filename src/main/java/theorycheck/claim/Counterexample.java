package theorycheck.claim;

/**
 * A failing trial and the smallest variant of it that still fails.
 *
 * @param original the first failing trial (by index)
 * @param minimized the smallest failing variant found (equal to original when nothing smaller failed)
 * @param minimizedInstance that variant, in words
 * @param shrinkSteps how many successful shrink steps were taken
 * @param evaluations how many variants were run while shrinking
 */
public record Counterexample(TrialResult original, TrialResult minimized, String minimizedInstance, int shrinkSteps,
        int evaluations) {
}
