package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A control counts as the other way only when its verdict is the expected one and the declared share
 * of its decided trials went the other way: one failing trial in four refutes a universal claim, but
 * it is not a control that flipped.
 */
class ControlFlipShareTest {
    /** Trials with index below the setting's {@code fail_below} FAIL, the rest PASS; {@code undecided} ones are INCONCLUSIVE. */
    private static final InstanceCheck<Integer> BY_INDEX = FixtureClaims.byIndex((i, trial) -> {
        TrialResult.Builder b = TrialResult.of(trial).instance("trial " + i);
        if (i >= trial.setting().integer("decided")) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "undecided");
        }
        return b.decide(i, i >= trial.setting().integer("fail_below"), "index vs fail_below");
    });

    @Test
    void oneFailureInFourRefutesButDoesNotFlip() {
        ClaimResult r = run(4, 1, 4, "");
        assertAll(
                () -> assertEquals(Verdict.REFUTED, r.control().verdict()),
                () -> assertEquals(0.25, r.controlFlipShare()),
                () -> assertFalse(r.controlFlipped()),
                () -> assertTrue(r.reproduced()));
    }

    @Test
    void halfTheDecidedTrialsFlip() {
        ClaimResult r = run(4, 2, 4, "");
        assertAll(() -> assertEquals(0.5, r.controlFlipShare()), () -> assertTrue(r.controlFlipped()));
    }

    @Test
    void inconclusiveTrialsAreLeftOutOfTheShare() {
        // 1 FAIL, 1 PASS, 2 INCONCLUSIVE: half of the decided trials went the other way
        ClaimResult r = run(4, 1, 2, "");
        assertAll(() -> assertEquals(0.5, r.controlFlipShare()), () -> assertTrue(r.controlFlipped()));
    }

    @Test
    void aDeclaredShareIsHonoured() {
        ClaimResult r = run(4, 3, 4, "flip_share: 0.9");
        assertAll(() -> assertEquals(0.75, r.controlFlipShare()), () -> assertFalse(r.controlFlipped()));
    }

    @Test
    void theControlRunsOnTheOverriddenSettingAndTheClaimOnItsOwn() {
        ClaimResult r = run(4, 4, 4, "");
        assertAll(
                () -> assertEquals(4, r.claim().statistics().pass()),
                () -> assertEquals(4, r.control().statistics().fail()),
                () -> assertEquals(1.0, r.controlFlipShare()));
    }

    private static ClaimResult run(int trials, int controlFailBelow, int controlDecided, String extraControlLine) {
        String text = FixtureClaims.universalClaim("fx.flip", "fail_below: 0\ndecided: " + trials,
                "fail_below: " + controlFailBelow + "\ndecided: " + controlDecided, extraControlLine, trials);
        return FixtureClaims.run("fx.flip", text, BY_INDEX, OptionalInt.empty());
    }
}
