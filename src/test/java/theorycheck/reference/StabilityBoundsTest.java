package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StabilityBoundsTest {
    @Test
    void removalBetaByHand() {
        assertEquals(4.0 * 1 / (2 * 0.5 * 10), StabilityBounds.removalBeta(2, 1, 0.5, 10), 1e-15);
    }

    @Test
    void removalBetaScalesAsItsFormula() {
        // β = σ²κ²/(2λm): doubling σ or κ multiplies β by 4, doubling λ or m halves it
        double base = StabilityBounds.removalBeta(1.5, 3, 0.2, 50);
        assertEquals(1.5 * 1.5 * 9 / (2 * 0.2 * 50), base, 1e-15);
        assertEquals(4 * base, StabilityBounds.removalBeta(3, 3, 0.2, 50), 1e-14);
        assertEquals(4 * base, StabilityBounds.removalBeta(1.5, 6, 0.2, 50), 1e-14);
        assertEquals(base / 2, StabilityBounds.removalBeta(1.5, 3, 0.4, 50), 1e-15);
        assertEquals(base / 2, StabilityBounds.removalBeta(1.5, 3, 0.2, 100), 1e-15);
    }

    @Test
    void squareLossSigmaIsLinearInTheLabelBound() {
        // σ = 2B(1 + κ/√λ): B = 3, κ = 2, λ = 1/4 gives 6·(1 + 4) = 30
        assertEquals(30, StabilityBounds.squareLossSigma(3, 2, 0.25), 1e-14);
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
