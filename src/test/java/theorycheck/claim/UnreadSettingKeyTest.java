package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A setting key that no trial of either arm reads is an error, like an unknown field: a reader of the
 * claim file would otherwise believe a number matters that the check never sees.
 */
class UnreadSettingKeyTest {
    /** Reads {@code variant}; reads {@code b} only on the variant that needs it. */
    private static final InstanceCheck<Integer> READS_B_ON_ONE_VARIANT = FixtureClaims.byIndex((i, trial) -> {
        boolean withB = trial.setting().choice("variant", "plain", "with-b").equals("with-b");
        boolean pass = !withB || trial.setting().integer("b") < 0;
        return TrialResult.of(trial).instance("trial " + i).decide(i, pass, "b < 0 on with-b");
    });

    @Test
    void aKeyNoTrialReadsIsNamed() {
        ClaimSpecException e = assertThrows(ClaimSpecException.class, () -> run("plain", "plain", OptionalInt.empty()));
        assertEquals("is read by no check of this claim; remove it or read it (keys read: variant)", e.problem());
        assertTrue(e.getMessage().contains("fx.unread.md: field 'setting.b'"), e.getMessage());
    }

    @Test
    void aKeyReadOnlyByTheControlArmCounts() {
        assertDoesNotThrow(() -> run("plain", "with-b", OptionalInt.empty()));
    }

    @Test
    void aSingleTrialRunIsNotHeldToReadEveryKey() {
        assertDoesNotThrow(() -> run("plain", "plain", OptionalInt.of(0)));
    }

    private static ClaimResult run(String variant, String controlVariant, OptionalInt onlyTrial) {
        String text = FixtureClaims.universalClaim("fx.unread", "variant: " + variant + "\nb: 1",
                "variant: " + controlVariant, "", 3);
        return FixtureClaims.run("fx.unread", text, READS_B_ON_ONE_VARIANT, onlyTrial);
    }
}
