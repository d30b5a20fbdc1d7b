package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class MinL1InterpolantTest {
    private static final long SEED = 20261122L;
    /** Vertex solves (EJML LU on 3×3 Gaussian blocks) are exact to ~1e-13. */
    private static final double BRUTE_FORCE_TOL = 1e-9;

    /**
     * Basis pursuit's optimum is attained at a basic feasible solution: a support S of m columns with
     * X_S invertible and β_S = X_S⁻¹y. Enumerating all of them is an LP-free reference.
     */
    private static double bruteForceMinL1(Mat x, double[] y) {
        int m = x.rows(), d = x.cols();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << d); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            int c = 0;
            for (int j = 0; j < d; j++) {
                if ((mask >> j & 1) == 1) {
                    for (int i = 0; i < m; i++) {
                        a.set(i, c, x.get(i, j));
                    }
                    c++;
                }
            }
            DMatrixRMaj sol = new DMatrixRMaj(m, 1);
            if (!CommonOps_DDRM.solve(a, new DMatrixRMaj(m, 1, true, y), sol)) {
                continue;
            }
            double l1 = 0;
            for (int i = 0; i < m; i++) {
                l1 += Math.abs(sol.get(i));
            }
            best = Math.min(best, l1);
        }
        return best;
    }

    @Test
    void rejectsMismatchedTargets() {
        assertMessage("y has length 3, X has 2 rows", () -> MinL1Interpolant.solve(new Mat(2, 4), new double[3]));
    }

    @Test
    void matchesBruteForceOverSupports() {
        Rng rng = new Rng(SEED);
        for (int trial = 0; trial < 10; trial++) {
            Mat x = RandomDesigns.gaussian(3, 8, 1.0, rng.split());
            double[] y = rng.gaussianVector(3, 1.0);
            MinL1Interpolant.Result r = MinL1Interpolant.solve(x, y);
            assertTrue(r.certified(), r.states() + " gap " + r.relativeGap());
            assertEquals(bruteForceMinL1(x, y), r.l1(), BRUTE_FORCE_TOL);
        }
    }

    @Test
    void recoversASparseTruthWithEnoughMeasurements() {
        Rng rng = new Rng(SEED + 1);
        Mat x = RandomDesigns.gaussian(40, 120, 1.0, rng.split());
        double[] truth = RandomDesigns.sparseGaussian(120, 3, rng.split());
        MinL1Interpolant.Result r = MinL1Interpolant.solve(x, Ops.gemv(x, truth, null));
        assertTrue(r.certified());
        assertThat(Vec.distance(r.beta(), truth) / Vec.norm2(truth), lessThanOrEqualTo(1e-8));
    }

    @Test
    void certificateRejectsANonOptimalInterpolant() {
        Rng rng = new Rng(SEED + 2);
        Mat x = RandomDesigns.gaussian(5, 15, 1.0, rng.split());
        double[] y = Ops.gemv(x, RandomDesigns.sparseGaussian(15, 2, rng.split()), null);
        MinL1Interpolant.Result good = MinL1Interpolant.solve(x, y);
        // the min-ℓ2 interpolant is feasible but not ℓ1-optimal: the gap with the same dual is positive
        MinL1Interpolant.Result bad = MinL1Interpolant.certify(x, y, MinNorm.solve(x, y), good.dual(), "test");
        assertFalse(bad.certified());
        assertThat(bad.relativeGap(), greaterThan(1e-3));
    }

    @Test
    void certificateMarginOfOneMeasurementIsOneMinusTheRatioOfColumns() {
        // y = β₁ + 0.9β₂ = 1: β* = (1, 0), ν = 1 is the only certificate, |0.9ν| leaves margin 0.1
        assertEquals(0.1, MinL1Interpolant.certificateMargin(Mat.ofRows(new double[] {1, 0.9}), new double[] {1, 0}),
                1e-12);
        assertEquals(0.5, MinL1Interpolant.certificateMargin(Mat.ofRows(new double[] {-2, 1}), new double[] {-0.5, 0}),
                1e-12);
    }

    @Test
    void certificateMarginLowerBoundsTheL1GrowthAlongTheNullSpace() {
        Rng rng = new Rng(SEED + 3);
        for (int rep = 0; rep < 5; rep++) {
            Mat x = RandomDesigns.gaussian(6, 14, 1.0, rng.split());
            double[] y = Ops.gemv(x, RandomDesigns.sparseGaussian(14, 2, rng.split()), null);
            MinL1Interpolant.Result l1 = MinL1Interpolant.solve(x, y);
            assertTrue(l1.certified());
            double s = MinL1Interpolant.certificateMargin(x, l1.beta());
            assertThat(s, greaterThan(0.0));
            // the simplex dual is one certificate; the margin is the best one
            double lpOff = 0;
            double[] xtnu = Ops.gemvT(x, l1.dual(), null);
            for (int j = 0; j < 14; j++) {
                if (l1.beta()[j] == 0) {
                    lpOff = Math.max(lpOff, Math.abs(xtnu[j]));
                }
            }
            assertThat(1 - lpOff, lessThanOrEqualTo(s + 1e-9));
            // ‖β + δ‖₁ ≥ ‖β‖₁ + s‖δ_Sᶜ‖₁ for small interpolating steps δ ∈ null(X)
            for (int k = 0; k < 20; k++) {
                double[] g = rng.gaussianVector(14, 1.0);
                double[] delta = Vec.sub(g, MinNorm.solve(x, Ops.gemv(x, g, null)));
                delta = Vec.scale(1e-3 / Vec.norm2(delta), delta);
                double off = 0;
                for (int j = 0; j < 14; j++) {
                    if (l1.beta()[j] == 0) {
                        off += Math.abs(delta[j]);
                    }
                }
                assertThat(Vec.norm1(l1.beta()) + s * off, lessThanOrEqualTo(Vec.norm1(Vec.add(l1.beta(), delta)) + 1e-12));
            }
        }
    }
}
