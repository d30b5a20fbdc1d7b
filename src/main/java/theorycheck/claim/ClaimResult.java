package theorycheck.claim;

import java.util.List;
import java.util.Optional;

/**
 * Everything a claim's run produced: the spec, the run settings, both arms' evidence and charts,
 * and the comparison with what this project has recorded.
 *
 * @param claimCharts the charts the check drew of the claim arm's evidence
 * @param controlCharts the charts the same check drew of the control arm's (in the same order, as a rule)
 * @param keyNumber the one number a reader wants first, in words (e.g. "max relative error 3.1e-10")
 * @param durationMillis wall time of the run (kept out of the committed verdict record)
 * @param settingReads the setting keys the check read in both arms, and how
 */
public record ClaimResult(ClaimSpec spec, RunSettings settings, Evidence claim, Evidence control,
        List<Chart> claimCharts, List<Chart> controlCharts, String keyNumber, long durationMillis,
        SettingReads settingReads) {

    /** Every chart: the claim arm's, then the control arm's. */
    public List<Chart> charts() {
        List<Chart> all = new java.util.ArrayList<>(claimCharts);
        all.addAll(controlCharts);
        return List.copyOf(all);
    }

    public Verdict verdict() {
        return claim.verdict();
    }

    /**
     * Whether the control came out as its spec says (the other way from the claim): its verdict is the
     * expected one and at least the declared share of its decided trials went the other way.
     */
    public boolean controlFlipped() {
        return control.verdict() == spec.control().expected() && controlFlipShare() >= spec.control().flipShare();
    }

    /**
     * The share of the control's decided trials (PASS or FAIL) whose outcome is the other way from the
     * claim: FAIL where the claim is recorded as holding, PASS where it is recorded as refuted (for a
     * claim recorded as inconclusive, the way of the control's expected verdict). 0 when no control
     * trial was decided.
     */
    public double controlFlipShare() {
        Statistics st = control.statistics();
        int decided = st.pass() + st.fail();
        if (decided == 0) {
            return 0;
        }
        boolean otherWayIsFail = switch (spec.expected()) {
            case HOLDS -> true;
            case REFUTED -> false;
            case INCONCLUSIVE -> spec.control().expected() != Verdict.HOLDS;
        };
        return (double) (otherWayIsFail ? st.fail() : st.pass()) / decided;
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
