package theorycheck.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;

class BatchSamplerTest {
    private static final long SEED = 20261122L;

    @Test
    void withoutReplacementVisitsEveryIndexOncePerEpoch() {
        int m = 10;
        BatchSampler s = BatchSampler.withoutReplacement(m, 3, new Rng(SEED));
        int epochs = 6;
        for (int e = 0; e < epochs; e++) {
            int[] count = new int[m];
            int[] sizes = new int[4];
            for (int b = 0; b < 4; b++) { // ⌈10/3⌉ = 4 batches: 3, 3, 3, 1
                int[] batch = s.next();
                sizes[b] = batch.length;
                for (int i : batch) {
                    count[i]++;
                }
            }
            assertArrayEquals(new int[] {3, 3, 3, 1}, sizes, "epoch " + e);
            int[] ones = new int[m];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, count, "epoch " + e);
        }
    }

    @Test
    void withoutReplacementReshufflesEachEpoch() {
        BatchSampler s = BatchSampler.withoutReplacement(8, 8, new Rng(SEED + 1));
        List<String> orders = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            orders.add(Arrays.toString(s.next()));
        }
        // 4 permutations of 8 drawn from a fixed seed; a repeat would mean no reshuffle (chance 1 in 40320 per pair).
        assertEquals(4, orders.stream().distinct().count(), orders::toString);
    }

    @Test
    void withReplacementDrawsFullSizeBatchesInRange() {
        BatchSampler s = BatchSampler.withReplacement(5, 4, new Rng(SEED + 2));
        boolean sawRepeat = false;
        for (int k = 0; k < 50; k++) {
            int[] b = s.next().clone();
            assertEquals(4, b.length);
            for (int i : b) {
                assertTrue(i >= 0 && i < 5, "index " + i);
            }
            sawRepeat |= Arrays.stream(b).distinct().count() < 4;
        }
        assertTrue(sawRepeat, "50 batches of 4 from 5 with replacement never repeated an index");
    }

    @Test
    void sameSeedGivesTheSameBatches() {
        BatchSampler a = BatchSampler.withoutReplacement(9, 2, new Rng(SEED + 3));
        BatchSampler b = BatchSampler.withoutReplacement(9, 2, new Rng(SEED + 3));
        BatchSampler c = BatchSampler.withReplacement(9, 2, new Rng(SEED + 3));
        BatchSampler d = BatchSampler.withReplacement(9, 2, new Rng(SEED + 3));
        for (int k = 0; k < 30; k++) {
            assertArrayEquals(a.next(), b.next());
            assertArrayEquals(c.next().clone(), d.next().clone());
        }
    }

    @Test
    void differentSeedsGiveDifferentBatches() {
        BatchSampler a = BatchSampler.withoutReplacement(20, 20, new Rng(SEED + 4));
        BatchSampler b = BatchSampler.withoutReplacement(20, 20, new Rng(SEED + 5));
        assertFalse(Arrays.equals(a.next(), b.next()));
    }

    @Test
    void fullBatchIsNull() {
        assertNull(BatchSampler.full().next());
    }

    @Test
    void batchesOfOneAreAllowedAndCoverTheEpoch() {
        // size 1 is plain one-example SGD: every index once per epoch, in reshuffled order
        BatchSampler s = BatchSampler.withoutReplacement(4, 1, new Rng(SEED + 6));
        int[] seen = new int[4];
        for (int k = 0; k < 8; k++) {
            int[] b = s.next();
            assertEquals(1, b.length);
            seen[b[0]]++;
        }
        assertArrayEquals(new int[] {2, 2, 2, 2}, seen);
        assertEquals(1, BatchSampler.withReplacement(4, 1, new Rng(SEED + 6)).next().length);
    }

    @Test
    void descriptionsNameTheSchemeAndTheBatchSize() {
        // reports print these: each scheme must be told apart, with its batch size
        assertEquals("full batch", BatchSampler.full().describe());
        assertThat(BatchSampler.withReplacement(9, 4, new Rng(SEED)).describe(),
                allOf(startsWith("with replacement"), endsWith("batch 4")));
        assertThat(BatchSampler.withoutReplacement(9, 3, new Rng(SEED)).describe(),
                allOf(startsWith("without replacement"), endsWith("batch 3")));
    }

    @Test
    void rejectsABatchSizeOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchSampler.withoutReplacement(5, 6, new Rng(SEED)));
        assertThat(e.getMessage(), containsString("batch size 6"));
        assertThrows(IllegalArgumentException.class, () -> BatchSampler.withReplacement(5, 0, new Rng(SEED)));
    }
}
