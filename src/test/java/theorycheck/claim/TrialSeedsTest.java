package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trial seeds are a deterministic function of (claim id, base seed, trial index) and do not collide. */
class TrialSeedsTest {
    private static final long BASE = RunSettings.DEFAULT_SEED;

    @Test
    void sameInputsGiveTheSameSeed() {
        assertEquals(TrialSeeds.seed("book.T1.1", BASE, 3), TrialSeeds.seed("book.T1.1", BASE, 3));
    }

    /** Pinned: a change here moves every trial of every claim, and every recorded verdict may move with it. */
    @Test
    void seedsArePinned() {
        assertEquals(6991089433161128739L, TrialSeeds.seed("book.T1.1", 20261122L, 0));
        assertEquals(6418677480546509384L, TrialSeeds.seed("book.T1.1#control", 20261122L, 3));
    }

    @Test
    void trialsOfOneClaimGetDistinctSeeds() {
        Set<Long> seeds = new HashSet<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            seeds.add(TrialSeeds.seed("book.T1.1", BASE, i));
        }
        assertEquals(n, seeds.size());
    }

    @Test
    void claimsGetDistinctSeeds() {
        Set<Long> seeds = new HashSet<>();
        String[] ids = {"book.T1.1", "book.T1.7", "book.A.1", "book.A.16-ls", "book.A.16-diag", "book.C.2-batch",
                "book.T1.1#control", "book.T1.7#control", "a", "b", "ab", "ba"};
        for (String id : ids) {
            for (int i = 0; i < 100; i++) {
                seeds.add(TrialSeeds.seed(id, BASE, i));
            }
        }
        assertEquals(ids.length * 100, seeds.size());
    }

    @Test
    void baseSeedsGetDistinctSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (long base = 0; base < 1000; base++) {
            seeds.add(TrialSeeds.seed("book.T1.1", base, 0));
        }
        assertEquals(1000, seeds.size());
    }

    @Test
    void controlStreamDiffersFromClaimStream() {
        for (int i = 0; i < 50; i++) {
            assertNotEquals(TrialSeeds.seed("book.T1.1", BASE, i), TrialSeeds.seed("book.T1.1#control", BASE, i));
        }
    }
}
