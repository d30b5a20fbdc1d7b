package theorycheck.claim;

import theorycheck.data.Rng;

/**
 * One trial of a check: its index, seed, the setting of the tier it runs in, and a random source
 * seeded from (claim id, base seed, index). Draw everything random from {@link #rng()}.
 *
 * @param arm "claim" or "control"
 */
public record Trial(String claimId, String arm, int index, long seed, Tier tier, Setting setting, Rng rng) {
    /** An integer uniform on the setting's range {@code key}, both ends included, from {@link #rng()}. */
    public int drawInt(String key) {
        int[] r = setting.intRange(key);
        return rng.intBetween(r[0], r[1]);
    }

    /** A real uniform on the setting's range {@code key}, from {@link #rng()}. */
    public double drawUniform(String key) {
        double[] r = setting.range(key);
        return rng.uniform(r[0], r[1]);
    }

    /** A real log-uniform on the setting's range {@code key} (both ends positive), from {@link #rng()}. */
    public double drawLogUniform(String key) {
        double[] r = setting.range(key);
        return rng.logUniform(r[0], r[1]);
    }
}
