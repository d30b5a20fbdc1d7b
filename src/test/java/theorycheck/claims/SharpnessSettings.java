package theorycheck.claims;

import java.util.Arrays;
import theorycheck.claim.Trial;

/**
 * Text keys of the sharpness family's settings that select a variant (the claim's value or its
 * control's): read and validated in one place, so a misspelt value fails loudly instead of
 * silently running the other arm.
 */
final class SharpnessSettings {
    private SharpnessSettings() {
    }

    /** The trial's value of {@code key}, which must be one of {@code allowed}. */
    static String choice(Trial trial, String key, String... allowed) {
        String v = trial.setting().text(key);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new IllegalArgumentException(String.format("claim %s: setting.%s must be one of %s, got '%s'",
                    trial.claimId(), key, String.join(" | ", allowed), v));
        }
        return v;
    }

    /** True when the trial's {@code key} is {@code first}, false when it is {@code second}; anything else fails. */
    static boolean is(Trial trial, String key, String first, String second) {
        return choice(trial, key, first, second).equals(first);
    }
}
