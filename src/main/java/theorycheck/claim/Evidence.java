package theorycheck.claim;

import java.util.List;
import java.util.Optional;

/**
 * The trials of one arm (the claim or its control) and what they decide.
 *
 * @param arm "claim" or "control"
 * @param complete false when only some trials were run (a single-trial re-run): then the verdict
 *     describes those trials only and is not compared with the expected one
 */
public record Evidence(String arm, Quantifier quantifier, List<TrialResult> trials, Verdict verdict,
        Statistics statistics, Optional<Counterexample> counterexample, boolean complete) {
}
