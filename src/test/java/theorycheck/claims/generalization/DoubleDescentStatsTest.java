package theorycheck.claims.generalization;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;

class DoubleDescentStatsTest {
    private static final long SEED = 20261122L;

    @Test
    void medianIntervalUsesTheBinomialOrderStatistics() {
        // N = 200: P(Bin(200, ½) ≤ 85) = 0.020 and P(≤ 86) = 0.028, so l = 85: [X_(85), X_(114)]
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = 199 - i;
        }
        DoubleDescentStats.Interval iv = DoubleDescentStats.medianInterval(v);
        assertEquals(99.5, iv.estimate(), 0.0);
        assertEquals(85.0, iv.low(), 0.0);
        assertEquals(114.0, iv.high(), 0.0);
    }

    @Test
    void medianIntervalCoversAtLeastNinetyFivePercentOnACauchySample() {
        // heavy tails do not matter: the coverage argument uses only the order of the draws
        Rng rng = new Rng(SEED);
        int covered = 0;
        int reps = 2000;
        for (int r = 0; r < reps; r++) {
            double[] v = new double[101];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.tan(Math.PI * (rng.uniform() - 0.5)); // Cauchy, median 0
            }
            DoubleDescentStats.Interval iv = DoubleDescentStats.medianInterval(v);
            if (iv.low() <= 0 && 0 <= iv.high()) {
                covered++;
            }
        }
        // exact coverage is ≥ 0.95 by construction; 2000 repetitions have SE ≈ 0.005
        assertThat((double) covered / reps, allOf(greaterThanOrEqualTo(0.94), lessThanOrEqualTo(0.99)));
    }

    @Test
    void hillRecoversTheIndexOfAParetoTail() {
        Rng rng = new Rng(SEED + 1);
        for (double alpha : new double[] {0.5, 3.5}) {
            double[] v = new double[20000];
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.pow(1 - rng.uniform(), -1 / alpha); // P(X > t) = t^{−α}, t ≥ 1
            }
            DoubleDescentStats.Interval h = DoubleDescentStats.hill(v, 2000);
            assertTrue(h.low() <= alpha && alpha <= h.high(), "α=" + alpha + ": " + h);
        }
    }

    @Test
    void medianIntervalNeedsSixValues() {
        assertThrows(IllegalArgumentException.class,
                () -> DoubleDescentStats.medianInterval(new double[] {1, 2, 3, 4, 5}));
        DoubleDescentStats.Interval iv = DoubleDescentStats.medianInterval(new double[] {6, 5, 4, 3, 2, 1});
        assertEquals(1.0, iv.low(), 0.0); // P(B ≤ 0) = 1/64 ≤ 0.025 < P(B ≤ 1) = 7/64
        assertEquals(6.0, iv.high(), 0.0);
    }

    @Test
    void meanIntervalOfAConstantIsAPoint() {
        DoubleDescentStats.Interval iv = DoubleDescentStats.meanInterval(new double[] {2, 2, 2, 2}, 3.0);
        assertEquals(2.0, iv.estimate(), 0.0);
        assertEquals(2.0, iv.low(), 0.0);
        assertEquals(2.0, iv.high(), 0.0);
    }
}
