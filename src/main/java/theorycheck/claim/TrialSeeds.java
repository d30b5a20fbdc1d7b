package theorycheck.claim;

import java.nio.charset.StandardCharsets;

/**
 * Trial seeds: a deterministic function of (claim id, base seed, trial index), so any trial can be
 * re-run alone. The id is hashed with 64-bit FNV-1a and the parts mixed with SplitMix64's finalizer.
 */
public final class TrialSeeds {
    private TrialSeeds() {
    }

    public static long seed(String claimId, long baseSeed, int trialIndex) {
        long h = 0xcbf29ce484222325L;
        for (byte b : claimId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(h ^ mix(baseSeed)) + 0x9E3779B97F4A7C15L * (trialIndex + 1L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
