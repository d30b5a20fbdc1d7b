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
    void kStarAtOrBeyondMIsNotBenign() {
        // 5 spikes of 1 and a tail of 1000 values summing to 2: r_k = 7 − k for k < 5, r₅ = 1000, R₅ = 1000.
        // At b = 2, m = 5 the first r_k ≥ 10 is k* = 5 = m: the theorem's k* < m fails, variance +∞,
        // while k* /m = 1 and m/R_{k*} = 5/1000 are still reported.
        CovarianceRanks c = new CovarianceRanks(Spectrum.spiked(5, 1.0, 1000, 2.0).eigenvalues());
        CovarianceRanks.BoundShape at = c.boundShape(2.0, 5, 1.0, 1.0);
        assertEquals(5, at.kStar());
        assertEquals(1.0, at.kStarOverM(), 0);
        assertEquals(5.0 / 1000, at.mOverRkStar(), 5.0 / 1000 * REL_TOL);
        assertEquals(Double.POSITIVE_INFINITY, at.variance());
        // one more sample (m = 6, b·m = 12) keeps k* = 5 < m: a finite variance σ²(5/6 + 6/1000)
        CovarianceRanks.BoundShape below = c.boundShape(2.0, 6, 1.0, 1.0);
        assertEquals(5, below.kStar());
        assertEquals(5.0 / 6 + 6.0 / 1000, below.variance(), REL_TOL);
    }

    @Test
    void scalingTheSpectrumScalesTheBiasAndLeavesTheRanks() {
        // Σ → cΣ: every r_k, R_k and so k* and the variance are unchanged; the bias ‖θ*‖²λ₁·max{√(r₀/m), r₀/m}
        // scales by c
        double[] l = Spectrum.powerLog(300, 1.0, 1.0).eigenvalues();
        double[] scaled = l.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 7.5;
        }
        CovarianceRanks.BoundShape b = new CovarianceRanks(l).boundShape(0.5, 20, 2.0, 0.3);
        CovarianceRanks.BoundShape bs = new CovarianceRanks(scaled).boundShape(0.5, 20, 2.0, 0.3);
        assertTrue(Double.isFinite(b.variance()), "k* exists and is below m");
        assertEquals(b.kStar(), bs.kStar());
        assertEquals(b.variance(), bs.variance(), REL_TOL * b.variance());
        assertEquals(7.5 * b.bias(), bs.bias(), REL_TOL * 7.5 * b.bias());
    }

    @Test
    void tailSumsAndEnergyRankAtTheEnds() {
        // λ = 4, 2, 1, 1: tails 8, 4, 2, 1, 0 (exact in binary)
        CovarianceRanks c = new CovarianceRanks(new double[] {4, 2, 1, 1});
        assertEquals(4, c.dim());
        double[] tails = {8, 4, 2, 1, 0};
        for (int k = 0; k <= 4; k++) {
            assertEquals(tails[k], c.tailSum(k), 0, "k=" + k);
        }
        // all of the energy takes all four; exactly half is reached at d = 1 (4 of 8)
        assertEquals(4, c.energyRank(1.0));
        assertEquals(1, c.energyRank(0.5));
        assertEquals(2, c.energyRank(0.75));
    }

    @Test
    void rejectsBadSpectra() {
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new CovarianceRanks(new double[] {Double.POSITIVE_INFINITY, 1}));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceRanks(new double[] {1}).r(1));
    }

    @Test
    void rejectsQueriesOutsideTheirRange() {
        CovarianceRanks c = new CovarianceRanks(new double[] {2, 1});
        // R_k needs a non-empty tail: k = p would be 0/0
        assertThrows(IllegalArgumentException.class, () -> c.bigR(2));
        assertThrows(IllegalArgumentException.class, () -> c.bigR(-1));
        assertThrows(IllegalArgumentException.class, () -> c.tailSum(3));
        assertThrows(IllegalArgumentException.class, () -> c.tailSum(-1));
        assertThrows(IllegalArgumentException.class, () -> c.kStar(0, 10));
        assertThrows(IllegalArgumentException.class, () -> c.kStar(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> c.kStar(1, 0));
        assertEquals(OptionalInt.of(0), c.kStar(1, 1), "r₀ = 1.5 ≥ 1·1");
        assertThrows(IllegalArgumentException.class, () -> c.energyRank(0));
        assertThrows(IllegalArgumentException.class, () -> c.energyRank(1.0 + 1e-12));
        assertThrows(IllegalArgumentException.class, () -> c.energyRank(Double.NaN));
    }
}
