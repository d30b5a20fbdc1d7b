package theorycheck.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Named streams: reproducible, and unrelated across names, parents and indices. */
class RngStreamTest {
    private static final long PARENT = 7052124710750733869L;

    @Test
    void aNamedStreamIsReproducible() {
        assertEquals(Rng.stream(PARENT, "start").uniform(), Rng.stream(PARENT, "start").uniform(), 0.0);
        assertEquals(Rng.stream(PARENT, "batch-order", 3).uniform(), Rng.stream(PARENT, "batch-order", 3).uniform(), 0.0);
    }

    @Test
    void seedsDifferAcrossNamesParentsAndIndices() {
        Set<Long> seeds = new HashSet<>();
        String[] names = {"start", "lanczos", "directions", "alpha", "batch-order"};
        int count = 0;
        for (String name : names) {
            for (long parent = PARENT; parent < PARENT + 20; parent++) {
                for (int k = 0; k < 20; k++) {
                    seeds.add(Rng.derivedSeed(name, parent, k));
                    count++;
                }
            }
        }
        assertEquals(count, seeds.size());
        // the stream is not the parent's own generator, nor the parent offset by a small constant
        assertNotEquals(new Rng(PARENT).uniform(), Rng.stream(PARENT, "start").uniform());
        assertNotEquals(Rng.derivedSeed("start", PARENT, 0) - PARENT, Rng.derivedSeed("start", PARENT + 1, 0) - PARENT - 1);
    }

    @Test
    void neighbouringParentsGiveUncorrelatedFirstDraws() {
        // seeds of one instance family are often consecutive; their streams' first uniforms must not follow them
        int n = 4000;
        double sumXy = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumYy = 0;
        for (int i = 0; i < n; i++) {
            double x = Rng.stream(PARENT + i, "start").uniform();
            double y = Rng.stream(PARENT + i + 1, "start").uniform();
            sumX += x;
            sumY += y;
            sumXy += x * y;
            sumXx += x * x;
            sumYy += y * y;
        }
        double cov = sumXy / n - (sumX / n) * (sumY / n);
        double corr = cov / Math.sqrt((sumXx / n - sumX * sumX / n / n) * (sumYy / n - sumY * sumY / n / n));
        // |corr| of independent uniforms has standard deviation 1/√n ≈ 0.016; 5 of them is a 1-in-10⁶ miss
        assertTrue(Math.abs(corr) < 5 / Math.sqrt(n), "lag-one correlation " + corr);
    }
}
