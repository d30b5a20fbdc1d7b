package theorycheck.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

class SeparabilityCertificateTest {
    private static final long SEED = 20261122L;

    /** Hand-computed answers with small integer data: the simplex vertex is exact up to a few roundings. */
    private static final double EXACT_TOL = 1e-12;
    /**
     * Gap allowed, relative to S = maxᵢ‖xᵢ‖₁, between the LP's margin and the weak-duality upper
     * bound of an α found by a second LP (or the LP's margin on rescaled data): two simplex
     * vertices in double precision, observed to agree to ~1e-14·S.
     */
    private static final double DUALITY_GAP_RELATIVE_TOL = 1e-11;

    private static Classification twoPoints() {
        return new Classification(Mat.ofRows(new double[] {1, 0}, new double[] {0, 1}), new double[] {1, -1});
    }

    @Test
    void twoPointsHaveLInfMarginOneAlongOneMinusOne() {
        SeparabilityCertificate.Result r = SeparabilityCertificate.certify(twoPoints());
        assertTrue(r.separable());
        assertEquals(1.0, r.margin(), EXACT_TOL);
        assertEquals(1.0, r.achievedMargin(), EXACT_TOL);
        assertArrayEquals(new double[] {1, -1}, r.w(), EXACT_TOL);
        assertEquals("OPTIMAL", r.solverState());
    }

    @Test
    void aPointAndItsNegativeWithOneLabelAreNotSeparable() {
        Classification c = new Classification(Mat.ofRows(new double[] {1, 2}, new double[] {-1, -2}),
                new double[] {1, 1});
        SeparabilityCertificate.Result r = SeparabilityCertificate.certify(c);
        assertFalse(r.separable());
        assertEquals(0.0, r.margin(), EXACT_TOL);
    }

    @Test
    void aZeroInputIsNeverStrictlySeparated() {
        Classification c = new Classification(Mat.ofRows(new double[] {1, 0}, new double[] {0, 0}), new double[] {1, 1});
        assertFalse(SeparabilityCertificate.certify(c).separable());
    }

    @Test
    void allZeroInputsAreNotSeparable() {
        assertFalse(SeparabilityCertificate.certify(new Classification(new Mat(3, 2), new double[] {1, -1, 1}))
                .separable());
    }

    @Test
    void returnedWIsInTheBoxAndAchievesTheLpMargin() {
        Classification c = SeparableDesigns.plantedMargin(60, 8, 0.2, new Rng(SEED));
        SeparabilityCertificate.Result r = SeparabilityCertificate.certify(c);
        assertThat(Vec.normInf(r.w()), lessThanOrEqualTo(1.0));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.examples(); i++) {
            min = Math.min(min, c.label(i) * Vec.dot(r.w(), c.input(i)));
        }
        assertEquals(min, r.achievedMargin(), 0.0);
        assertThat(r.margin(), closeTo(min, SeparabilityCertificate.CONSISTENCY_RELATIVE_TOL * maxNorm1(c)));
    }

    @Test
    void separableMarginIsOptimalByWeakDuality() {
        Classification c = SeparableDesigns.plantedMargin(40, 6, 0.2, new Rng(SEED + 1));
        SeparabilityCertificate.Result r = SeparabilityCertificate.certify(c);
        double upper = DualCertificates.upperBoundLInf(c, DualCertificates.alphaForLInf(c));
        // lower bound (a feasible w) ≤ optimum ≤ upper bound (a convex combination of the yᵢxᵢ)
        assertThat(r.achievedMargin(), lessThanOrEqualTo(upper * (1 + DUALITY_GAP_RELATIVE_TOL)));
        assertThat(upper - r.achievedMargin(), lessThanOrEqualTo(DUALITY_GAP_RELATIVE_TOL * maxNorm1(c)));
    }

    @Test
    void notSeparableVerdictIsBackedByAGordanCertificate() {
        // Gordan: no w has yᵢ⟨w,xᵢ⟩ > 0 for all i iff some convex combination of the yᵢxᵢ is 0.
        Classification c = SeparableDesigns.shiftedGaussians(100, 4, 0.2, new Rng(SEED + 2));
        assertFalse(SeparabilityCertificate.certify(c).separable());
        double[] alpha = DualCertificates.alphaForLInf(c);
        assertThat(DualCertificates.upperBoundLInf(c, alpha),
                lessThanOrEqualTo(SeparabilityCertificate.SEPARABLE_RELATIVE_TOL * maxNorm1(c)));
    }

    @Test
    void verdictAndMarginScaleWithTheData() {
        // the tolerance is relative to max‖xᵢ‖₁, so rescaling the inputs changes nothing but the scale of t
        Classification c = SeparableDesigns.plantedMargin(30, 5, 0.3, new Rng(SEED + 3));
        double s = 1e6;
        Mat scaled = c.x().copy();
        for (int i = 0; i < scaled.data().length; i++) {
            scaled.data()[i] *= s;
        }
        SeparabilityCertificate.Result small = SeparabilityCertificate.certify(c);
        SeparabilityCertificate.Result large = SeparabilityCertificate.certify(new Classification(scaled, c.y()));
        assertTrue(large.separable());
        assertThat(large.margin() / s, closeTo(small.margin(), DUALITY_GAP_RELATIVE_TOL * maxNorm1(c)));

        Classification bad = SeparableDesigns.xor(20, 0.1, new Rng(SEED + 4));
        Mat badScaled = bad.x().copy();
        for (int i = 0; i < badScaled.data().length; i++) {
            badScaled.data()[i] *= 1e-6;
        }
        assertFalse(SeparabilityCertificate.certify(new Classification(badScaled, bad.y())).separable());
    }

    @Test
    void toleranceIsRelativeToTheLargestL1Norm() {
        Classification c = SeparableDesigns.plantedMargin(10, 3, 0.3, new Rng(SEED + 5));
        assertEquals(SeparabilityCertificate.SEPARABLE_RELATIVE_TOL * maxNorm1(c),
                SeparabilityCertificate.certify(c).tolerance(), 0.0);
    }

    private static double maxNorm1(Classification c) {
        double s = 0;
        for (int i = 0; i < c.examples(); i++) {
            s = Math.max(s, Vec.norm1(c.input(i)));
        }
        return s;
    }
}
