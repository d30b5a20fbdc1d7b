package theorycheck.support;

import static org.junit.jupiter.api.AssertionFailureBuilder.assertionFailure;

import theorycheck.claim.ClaimResult;
import theorycheck.claim.Evidence;

/** The pass/fail rules of a claim test. */
public final class ClaimAssertions {
    /** Prefix of failures where the claim's check or control is broken (report category "harness broken"). */
    public static final String HARNESS_BROKEN = "harness broken";
    /** Prefix of failures where a sound check found a different verdict (report category "reproduction changed"). */
    public static final String REPRODUCTION_CHANGED = "reproduction changed";

    private ClaimAssertions() {
    }

    /**
     * Passes when the control came out as its spec says and the claim's verdict equals the recorded
     * one. A single-trial re-run is not a sample: it only has to run.
     */
    public static ClaimResult assertReproduced(ClaimResult r) {
        if (!r.complete()) {
            return r;
        }
        String id = r.spec().id();
        if (!r.controlFlipped()) {
            assertionFailure()
                    .message(HARNESS_BROKEN + ": " + id)
                    .reason("control '" + r.spec().control().variant() + "' gave " + r.control().verdict()
                            + ", its spec says " + r.spec().control().expected()
                            + "; a check whose control does not flip proves nothing (" + describe(r.control()) + ", seed "
                            + r.settings().baseSeed() + ")")
                    .expected(r.spec().control().expected())
                    .actual(r.control().verdict())
                    .includeValuesInMessage(false)
                    .buildAndThrow();
        }
        if (!r.reproduced()) {
            assertionFailure()
                    .message(REPRODUCTION_CHANGED + ": " + id)
                    .reason("verdict " + r.verdict() + " but " + r.spec().file().getFileName() + " records "
                            + r.spec().expected() + "; " + describe(r.claim()) + "; " + r.keyNumber() + "; base seed "
                            + r.settings().baseSeed() + ", tier " + r.settings().tier().label())
                    .expected(r.spec().expected())
                    .actual(r.verdict())
                    .includeValuesInMessage(false)
                    .buildAndThrow();
        }
        return r;
    }

    static String describe(Evidence e) {
        var s = e.statistics();
        String cx = e.counterexample().map(c -> ", counterexample trial " + c.original().index() + " (seed "
                + c.original().seed() + "): " + c.minimizedInstance()).orElse("");
        return e.arm() + " " + s.pass() + " pass / " + s.fail() + " fail / " + s.inconclusive() + " inconclusive of "
                + s.trials() + cx;
    }
}
