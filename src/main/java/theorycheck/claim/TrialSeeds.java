package theorycheck.claim;

import theorycheck.data.Rng;

/**
 * Trial seeds: a deterministic function of (claim id, base seed, trial index), so any trial can be
 * re-run alone ({@link Rng#derivedSeed}: the id hashed with 64-bit FNV-1a, the parts mixed with
 * SplitMix64's finalizer).
 */
public final class TrialSeeds {
    private TrialSeeds() {
    }

    public static long seed(String claimId, long baseSeed, int trialIndex) {
        return Rng.derivedSeed(claimId, baseSeed, trialIndex);
    }
}
