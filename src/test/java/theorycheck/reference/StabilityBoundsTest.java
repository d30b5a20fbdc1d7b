package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StabilityBoundsTest {
    @Test
    void removalBetaByHand() {
        assertEquals(4.0 * 1 / (2 * 0.5 * 10), StabilityBounds.removalBeta(2, 1, 0.5, 10), 1e-15);
    }

    @Test
    void squareLossConstantsByHand() {
        // B = 1, κ = 1, λ = 1/4: |f| ≤ 2, σ = 2·1·(1 + 2) = 6, M = (1 + 2)² = 9
        assertEquals(6, StabilityBounds.squareLossSigma(1, 1, 0.25), 1e-15);
        assertEquals(9, StabilityBounds.squareLossBound(1, 1, 0.25), 1e-15);
    }

    @Test
    void generalizationBoundsByHand() {
        double root = Math.sqrt(Math.log(20) / 200);
        assertEquals(0.1 + 0.02 + (4 * 100 * 0.01 + 1) * root,
                StabilityBounds.bousquetElisseeff(0.1, 0.01, 1, 100, 0.05), 1e-15);
        assertEquals(0.1 + 2 * 0.01 + root, StabilityBounds.bookStability(0.1, 0.01, 2, 1, 100, 0.05), 1e-15);
        assertEquals(2 * 4 * 3.0 / 10, StabilityBounds.hardtSgd(2, 3, 10), 1e-15);
    }
}
