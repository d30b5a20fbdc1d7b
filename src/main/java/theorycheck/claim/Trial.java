package theorycheck.claim;

import theorycheck.data.Rng;

/**
 * One trial of a check: its index, seed, the setting of the tier it runs in, and a random source
 * seeded from (claim id, base seed, index). Draw everything random from {@link #rng()}.
 *
 * @param arm "claim" or "control"
 */
public record Trial(String claimId, String arm, int index, long seed, Tier tier, Setting setting, Rng rng) {
}
