package theorycheck.claim;

import java.util.List;
import java.util.Optional;

/**
 * Everything a claim's run produced: the spec, the run settings, both arms' evidence, charts,
 * and the comparison with what this project has recorded.
 *
 * @param keyNumber the one number a reader wants first, in words (e.g. "max relative error 3.1e-10")
 * @param durationMillis wall time of the run (kept out of the committed verdict record)
 */
public record ClaimResult(ClaimSpec spec, RunSettings settings, Evidence claim, Evidence control,
        List<Chart> charts, String keyNumber, long durationMillis) {

    public Verdict verdict() {
        return claim.verdict();
    }

    /** Whether the control came out as its spec says (the other way from the claim). */
    public boolean controlFlipped() {
        return control.verdict() == spec.control().expected();
    }

    /** Whether the verdict is the one recorded in the claim file. */
    public boolean reproduced() {
        return claim.verdict() == spec.expected();
    }

    public Optional<Boolean> agreesWithSource() {
        return spec.sourceSays().agreesWith(verdict());
    }

    /** False when a single trial was re-run: the verdict then speaks for that trial only. */
    public boolean complete() {
        return claim.complete() && control.complete();
    }
}
