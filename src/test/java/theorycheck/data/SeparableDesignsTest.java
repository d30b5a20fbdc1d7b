package theorycheck.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;
import theorycheck.linalg.MatrixChecks;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinNorm;

class SeparableDesignsTest {
    private static final long SEED = 20261122L;

    /** Unit vectors and dot products of O(√d) vectors are exact to a few hundred roundings. */
    private static final double ROUNDING_TOL = 1e-12;
    /**
     * Sample means below are compared with their exact values within this many standard errors:
     * a correct sampler fails with probability ~6e-7 (and the seeds are fixed, so never flakily).
     */
    private static final double STANDARD_ERRORS = 5;
    /** Gram–Schmidt applied twice is orthonormal to working precision, ~d·ε. */
    private static final double ORTHONORMALITY_TOL = 1e-13;

    @Test
    void randomLabelsAreFairCoinsAndUsuallyNotLinearlySeparableWhenMExceedsD() {
        int m = 4000;
        Classification c = SeparableDesigns.randomLabels(m, 3, new Rng(SEED + 40));
        double mean = 0;
        for (double y : c.y()) {
            assertTrue(y == 1.0 || y == -1.0);
            mean += y / m;
        }
        assertThat(Math.abs(mean), lessThanOrEqualTo(STANDARD_ERRORS / Math.sqrt(m)));
        assertFalse(SeparabilityCertificate.certify(SeparableDesigns.randomLabels(40, 3, new Rng(SEED + 41))).separable());
        assertTrue(SeparabilityCertificate.certify(SeparableDesigns.randomLabels(5, 8, new Rng(SEED + 42))).separable());
    }

    @Test
    void randomLabelsAreReproducibleFromTheSeed() {
        Classification a = SeparableDesigns.randomLabels(7, 3, new Rng(SEED + 43));
        Classification b = SeparableDesigns.randomLabels(7, 3, new Rng(SEED + 43));
        assertEquals(java.util.Arrays.toString(a.x().data()), java.util.Arrays.toString(b.x().data()));
        assertEquals(java.util.Arrays.toString(a.y()), java.util.Arrays.toString(b.y()));
    }

    @Test
    void plantedDirectionIsAUnitVector() {
        Classification c = SeparableDesigns.plantedMargin(30, 7, 0.4, new Rng(SEED));
        assertThat(Vec.norm2(c.planted()), closeTo(1.0, ROUNDING_TOL));
    }

    @Test
    void everyPlantedPointHasMarginAtLeastGamma() {
        double gamma = 0.4;
        Classification c = SeparableDesigns.plantedMargin(200, 7, gamma, new Rng(SEED + 1));
        int checked = 0;
        for (int i = 0; i < c.examples(); i++) {
            assertThat("point " + i, c.label(i) * Vec.dot(c.planted(), c.input(i)),
                    greaterThanOrEqualTo(gamma - ROUNDING_TOL));
            checked++;
        }
        assertEquals(200, checked);
    }

    @Test
    void plantedDataAreCertifiedSeparableWithTheImpliedLInfMargin() {
        // w*/‖w*‖∞ is feasible for the certificate's LP (‖w‖∞ ≤ 1) with margin ≥ γ/‖w*‖∞.
        double gamma = 0.3;
        Classification c = SeparableDesigns.plantedMargin(80, 6, gamma, new Rng(SEED + 2));
        SeparabilityCertificate.Result r = SeparabilityCertificate.certify(c);
        assertTrue(r.separable());
        assertThat(r.margin(), greaterThanOrEqualTo(gamma / Vec.normInf(c.planted()) - ROUNDING_TOL));
    }

    @Test
    void plainRejectionMatchesTheTruncatedNormalMean() {
        // z | |z| ≥ γ has E|z| = φ(γ)/Q(γ) and Var|z| = 1 + γλ − λ², λ = φ(γ)/Q(γ).
        // γ = 0.5: φ = 0.3520653268, Q = 0.3085375387 (standard normal table).
        checkConditionalMean(0.5, 0.3520653268 / 0.3085375387, SEED + 3);
    }

    @Test
    void tailSamplerMatchesTheTruncatedNormalMean() {
        // γ = 3 uses Marsaglia's tail method: φ(3) = 0.0044318484, Q(3) = 0.0013498980.
        checkConditionalMean(3.0, 0.0044318484 / 0.0013498980, SEED + 4);
    }

    private static void checkConditionalMean(double gamma, double lambda, long seed) {
        int m = 4000;
        int d = 3;
        Classification c = SeparableDesigns.plantedMargin(m, d, gamma, new Rng(seed));
        double sum = 0;
        double orthogonalSq = 0;
        for (int i = 0; i < m; i++) {
            double[] xi = c.input(i);
            double along = Vec.dot(c.planted(), xi);
            assertThat(c.label(i) * along, greaterThanOrEqualTo(gamma - ROUNDING_TOL));
            sum += Math.abs(along);
            orthogonalSq += Vec.dot(xi, xi) - along * along;
        }
        double sd = Math.sqrt(1 + gamma * lambda - lambda * lambda);
        assertThat("E|⟨w*,x⟩|", sum / m, closeTo(lambda, STANDARD_ERRORS * sd / Math.sqrt(m)));
        // the orthogonal part is N(0, I − w*w*ᵀ): E‖·‖² = d − 1, Var = 2(d − 1)
        assertThat("E‖x⊥‖²", orthogonalSq / m, closeTo(d - 1, STANDARD_ERRORS * Math.sqrt(2.0 * (d - 1) / m)));
    }

    @Test
    void labelsOfPlantedDataAreRoughlyBalanced() {
        // sign(z) is a fair coin: 400 labels have sd 10 around 200.
        Classification c = SeparableDesigns.plantedMargin(400, 4, 0.2, new Rng(SEED + 5));
        assertThat((double) c.positives(), closeTo(200, STANDARD_ERRORS * 10));
    }

    @Test
    void shiftedGaussiansHaveBalancedLabels() {
        assertEquals(26, SeparableDesigns.shiftedGaussians(51, 3, 1.0, new Rng(SEED)).positives());
        assertEquals(25, SeparableDesigns.shiftedGaussians(50, 3, 1.0, new Rng(SEED)).positives());
    }

    @Test
    void shiftedGaussiansWithASmallShiftAreNotSeparable() {
        // Typical, not guaranteed: 200 points in 5-D with means ±0.25·u overlap heavily. Pinned for this seed.
        Classification c = SeparableDesigns.shiftedGaussians(200, 5, 0.25, new Rng(SEED + 6));
        assertNull(c.planted());
        assertFalse(SeparabilityCertificate.certify(c).separable());
    }

    @Test
    void shiftedGaussiansWithALargeShiftAreSeparable() {
        // yᵢ⟨u, xᵢ⟩ = 8 + N(0,1) > 0 unless a normal exceeds 8σ: separable for every practical seed.
        Classification c = SeparableDesigns.shiftedGaussians(200, 5, 8.0, new Rng(SEED + 7));
        assertTrue(SeparabilityCertificate.certify(c).separable());
    }

    @Test
    void xorIsNotSeparable() {
        assertFalse(SeparabilityCertificate.certify(SeparableDesigns.xor(40, 0.1, new Rng(SEED + 8))).separable());
    }

    @Test
    void xorLabelsAreTheProductOfTheCornerSigns() {
        // noise 0.1 keeps every point in its corner's quadrant (a 10σ event otherwise)
        Classification c = SeparableDesigns.xor(40, 0.1, new Rng(SEED + 9));
        int[] perCorner = new int[4];
        for (int i = 0; i < c.examples(); i++) {
            double a = c.x().get(i, 0);
            double b = c.x().get(i, 1);
            assertEquals(Math.signum(a * b), c.label(i), "point " + i);
            perCorner[(a > 0 ? 0 : 1) + (b > 0 ? 0 : 2)]++;
        }
        for (int count : perCorner) {
            assertEquals(10, count);
        }
    }

    @Test
    void noiselessXorHasAnExactGordanCertificate() {
        // α = ¼ on one point per corner: Σαᵢyᵢxᵢ = ¼[(1,1) + (−1,−1) − (1,−1) − (−1,1)] = 0.
        Classification c = SeparableDesigns.xor(4, 0.0, new Rng(SEED + 10));
        assertEquals(0.0, DualCertificates.upperBoundLInf(c, new double[] {1, 1, 1, 1}), 0.0);
        assertFalse(SeparabilityCertificate.certify(c).separable());
    }

    @Test
    void spiralIsNotSeparable() {
        assertFalse(SeparabilityCertificate.certify(SeparableDesigns.spiral(100, 2, 0.0, new Rng(SEED + 11)))
                .separable());
    }

    @Test
    void noiselessSpiralPointsLieOnTheArms() {
        Classification c = SeparableDesigns.spiral(60, 1.5, 0.0, new Rng(SEED + 12));
        assertEquals(30, c.positives());
        for (int i = 0; i < c.examples(); i++) {
            double x = c.x().get(i, 0);
            double y = c.x().get(i, 1);
            double r = Math.hypot(x, y);
            assertThat(r, lessThanOrEqualTo(1.0));
            // θ ≡ 2π·turns·r (+π on arm 1) modulo 2π
            double expected = 2 * Math.PI * 1.5 * r + (c.label(i) > 0 ? 0 : Math.PI);
            double diff = Math.IEEEremainder(Math.atan2(y, x) - expected, 2 * Math.PI);
            assertThat("point " + i, Math.abs(diff) * r, lessThanOrEqualTo(ROUNDING_TOL));
        }
    }

    @Test
    void lowIntrinsicDataSpanOnlyKDimensions() {
        Classification c = SeparableDesigns.lowIntrinsic(40, 30, 4, 0.3, new Rng(SEED + 13));
        assertEquals(30, c.dim());
        assertEquals(4, MinNorm.rank(c.x()));
    }

    @Test
    void lowIntrinsicDataKeepThePlantedMargin() {
        double gamma = 0.3;
        Classification c = SeparableDesigns.lowIntrinsic(40, 30, 4, gamma, new Rng(SEED + 14));
        assertThat(Vec.norm2(c.planted()), closeTo(1.0, ROUNDING_TOL));
        for (int i = 0; i < c.examples(); i++) {
            assertThat(c.label(i) * Vec.dot(c.planted(), c.input(i)), greaterThanOrEqualTo(gamma - ROUNDING_TOL));
        }
        assertTrue(SeparabilityCertificate.certify(c).separable());
    }

    @Test
    void orthonormalColumnsAreOrthonormal() {
        Mat q = SeparableDesigns.orthonormalColumns(50, 8, new Rng(SEED + 15));
        assertThat(MatrixChecks.orthonormalityError(q), lessThanOrEqualTo(ORTHONORMALITY_TOL));
    }

    @Test
    void plantedMarginIsReproducibleFromTheSeed() {
        checkReproducible(s -> SeparableDesigns.plantedMargin(20, 5, 0.5, new Rng(s)));
    }

    @Test
    void shiftedGaussiansAreReproducibleFromTheSeed() {
        checkReproducible(s -> SeparableDesigns.shiftedGaussians(20, 5, 1.0, new Rng(s)));
    }

    @Test
    void xorIsReproducibleFromTheSeed() {
        checkReproducible(s -> SeparableDesigns.xor(20, 0.2, new Rng(s)));
    }

    @Test
    void spiralIsReproducibleFromTheSeed() {
        checkReproducible(s -> SeparableDesigns.spiral(20, 2, 0.05, new Rng(s)));
    }

    @Test
    void lowIntrinsicIsReproducibleFromTheSeed() {
        checkReproducible(s -> SeparableDesigns.lowIntrinsic(20, 9, 3, 0.5, new Rng(s)));
    }

    private static void checkReproducible(LongFunction<Classification> generator) {
        Classification a = generator.apply(SEED);
        Classification b = generator.apply(SEED);
        Classification other = generator.apply(SEED + 1);
        assertEquals(a.x(), b.x(), "same seed, same inputs (bit for bit)");
        assertTrue(java.util.Arrays.equals(a.y(), b.y()), "same seed, same labels");
        assertNotEquals(a.x(), other.x(), "another seed, other inputs");
    }

    @Test
    void rejectsBadArguments() {
        Rng rng = new Rng(SEED);
        assertMessage(() -> SeparableDesigns.plantedMargin(0, 3, 0.1, rng), "m");
        assertMessage(() -> SeparableDesigns.plantedMargin(5, 3, -0.1, rng), "gamma");
        assertMessage(() -> SeparableDesigns.plantedMargin(5, 3, Double.NaN, rng), "gamma");
        assertMessage(() -> SeparableDesigns.shiftedGaussians(1, 3, 1.0, rng), "m");
        assertMessage(() -> SeparableDesigns.shiftedGaussians(4, 3, Double.POSITIVE_INFINITY, rng), "shift");
        assertMessage(() -> SeparableDesigns.xor(3, 0.1, rng), "m");
        assertMessage(() -> SeparableDesigns.xor(8, -1, rng), "noise");
        assertMessage(() -> SeparableDesigns.spiral(8, 0, 0.1, rng), "turns");
        assertMessage(() -> SeparableDesigns.lowIntrinsic(8, 2, 3, 0.1, rng), "d = 2");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertThat(e.getMessage(), containsString(fragment));
    }
}
