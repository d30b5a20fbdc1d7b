package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import theorycheck.data.Spectrum;

class CovarianceRanksTest {
    /** Sums of up to 10⁵ positive terms: relative rounding ≲ p·ε ≈ 2e-11. */
    private static final double REL_TOL = 1e-10;

    @Test
    void isotropicRanksAreTheRemainingDimension() {
        // λ_i = 1: r_k = R_k = p − k.
        CovarianceRanks c = new CovarianceRanks(Spectrum.isotropic(50, 1.0).eigenvalues());
        for (int k = 0; k < 50; k++) {
            assertEquals(50 - k, c.r(k), REL_TOL * 50);
            assertEquals(50 - k, c.bigR(k), REL_TOL * 50);
        }
        assertEquals(OptionalInt.of(0), c.kStar(1.0, 50));
        assertEquals(OptionalInt.of(0), c.kStar(0.5, 100), "r₀ = 50 = b·m at b = 1/2");
        assertTrue(c.kStar(1.0, 51).isEmpty(), "p < b·m: no k qualifies, k* = ∞");
    }

    @Test
    void spikedRanksByHand() {
        // 3 spikes of 1, tail of 1000 values 0.002 (tail mass 2): r₀ = (3 + 2)/1 = 5,
        // r₁ = 4, r₂ = 3, r₃ = 2/0.002 = 1000; R₀ = 25/(3 + 1000·4e-6) = 25/3.004, R₃ = 1000.
        CovarianceRanks c = new CovarianceRanks(Spectrum.spiked(3, 1.0, 1000, 2.0).eigenvalues());
        assertEquals(5.0, c.r(0), 5 * REL_TOL);
        assertEquals(4.0, c.r(1), 5 * REL_TOL);
        assertEquals(3.0, c.r(2), 5 * REL_TOL);
        assertEquals(1000.0, c.r(3), 1000 * REL_TOL);
        assertEquals(25.0 / 3.004, c.bigR(0), REL_TOL * 10);
        assertEquals(1000.0, c.bigR(3), 1000 * REL_TOL);
        assertEquals(OptionalInt.of(3), c.kStar(1.0, 100));
        assertEquals(OptionalInt.of(0), c.kStar(1.0, 5));
        assertEquals(3, c.energyRank(0.6));
        assertEquals(2, c.energyRank(0.4));
    }

    @Test
    void agreesWithDirectSumsOnAPowerLogSpectrum() {
        double[] l = Spectrum.powerLog(2000, 1.0, 2.0).eigenvalues();
        CovarianceRanks c = new CovarianceRanks(l);
        int compared = 0;
        for (int k : new int[] {0, 1, 7, 100, 1999}) {
            double s = 0, s2 = 0;
            for (int i = k; i < l.length; i++) {
                s += l[i];
                s2 += l[i] * l[i];
            }
            assertEquals(s / l[k], c.r(k), REL_TOL * s / l[k]);
            assertEquals(s * s / s2, c.bigR(k), REL_TOL * s * s / s2);
            compared++;
        }
        assertEquals(5, compared);
    }

    @Test
    void rankInequalitiesHold() {
        // Bartlett et al., Lemma 5: 1 ≤ r_k ≤ R_k ≤ r_k².
        CovarianceRanks c = new CovarianceRanks(Spectrum.powerLog(500, 1.5, 0.5).eigenvalues());
        for (int k = 0; k < 500; k++) {
            double r = c.r(k), bigR = c.bigR(k);
            assertTrue(r >= 1 - REL_TOL && r <= bigR * (1 + REL_TOL) && bigR <= r * r * (1 + REL_TOL), "k=" + k);
        }
    }

    @Test
    void boundShapeOfABenignSpikedSpectrum() {
        // m = 100, spikes s = 2 (λ=1), tail 10⁴ values summing to 10: k* = 2 for b = 1,
        // bias = ‖θ*‖²·1·√(12/100), variance = σ²(2/100 + 100/10⁴).
        CovarianceRanks c = new CovarianceRanks(Spectrum.spiked(2, 1.0, 10_000, 10.0).eigenvalues());
        CovarianceRanks.BoundShape b = c.boundShape(1.0, 100, 4.0, 0.25);
        assertEquals(2, b.kStar());
        assertEquals(4.0 * Math.sqrt(0.12), b.bias(), 1e-12);
        assertEquals(0.25 * (0.02 + 0.01), b.variance(), 1e-12);
        assertEquals(b.bias() + b.variance(), b.total(), 0);
    }

    @Test
    void boundShapeIsInfiniteWithoutKStar() {
        // isotropic p = 2m with b = 4: r_k = 2m − k < 4m for all k.
        CovarianceRanks c = new CovarianceRanks(Spectrum.isotropic(200, 1.0).eigenvalues());
        CovarianceRanks.BoundShape b = c.boundShape(4.0, 100, 1.0, 1.0);
        assertEquals(-1, b.kStar());
        assertEquals(Double.POSITIVE_INFINITY, b.variance());
    }

    @Test
    void rejectsBadSpectra() {
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1}).r(1));
    }
}
