package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class QAlphaInterpolantTest {
    private static final long SEED = 20261122L;

    @Test
    void rejectsADegenerateScaleOrMismatchedTargets() {
        // the potential's scale is α²: α = 0 has no potential, α = 1e200 overflows it
        Mat x = Mat.ofRows(new double[] {1, 2, 0}, new double[] {0, 1, 1});
        assertMessage("potential scale must be positive and finite, got 0.0",
                () -> QAlphaInterpolant.solve(x, new double[] {1, 1}, 0.0));
        assertMessage("potential scale must be positive and finite, got Infinity",
                () -> QAlphaInterpolant.solve(x, new double[] {1, 1}, 1e200));
        assertMessage("y has length 3, X has 2 rows", () -> QAlphaInterpolant.solve(x, new double[3], 1.0));
    }
    /** The dual solve stops at ‖Xβ − y‖ ≤ 1e-10‖y‖; allow 10× for recomputation. */
    private static final double FEASIBILITY_TOL = 1e-9;
    /** Null-space part of ∇Q_α relative to ‖∇Q_α‖: exact by construction up to rounding (κ(X)·ε·|z|). */
    private static final double STATIONARITY_TOL = 1e-9;
    /** Golden-section search on a 1-D line locates the minimizer to ~√ε relative. */
    private static final double LINE_SEARCH_TOL = 1e-6;

    @Test
    void qHasTheSlidesValuesAndDerivative() {
        assertEquals(0.0, QAlphaInterpolant.q(0), 0.0);
        // q(2) = 2 − √8 + 2·asinh(1)
        assertEquals(2 - Math.sqrt(8) + 2 * Math.log(1 + Math.sqrt(2)), QAlphaInterpolant.q(2), 1e-15);
        for (double b : new double[] {-30, -1.3, 0.2, 4, 1e3}) {
            double h = 1e-6 * Math.max(1, Math.abs(b));
            double fd = (QAlphaInterpolant.q(b + h) - QAlphaInterpolant.q(b - h)) / (2 * h);
            assertEquals(QAlphaInterpolant.asinh(b / 2), fd, 1e-7 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void satisfiesKktAcrossScales() {
        Rng rng = new Rng(SEED);
        Mat x = RandomDesigns.gaussian(12, 30, 1.0, rng.split());
        double[] y = Ops.gemv(x, RandomDesigns.sparseGaussian(30, 4, rng.split()), null);
        for (double alpha : new double[] {1e-20, 1e-3, 0.1, 1, 30}) {
            QAlphaInterpolant.Result r = QAlphaInterpolant.solve(x, y, alpha);
            assertTrue(r.converged(), "α=" + alpha);
            assertThat("feasibility α=" + alpha, Vec.distance(Ops.gemv(x, r.beta(), null), y) / Vec.norm2(y),
                    lessThanOrEqualTo(FEASIBILITY_TOL));
            double[] g = QAlphaInterpolant.gradient(r.beta(), alpha);
            double off = Vec.norm2(MinNorm.projectNullSpace(x, g)) / Vec.norm2(g);
            assertThat("stationarity α=" + alpha, off, lessThanOrEqualTo(STATIONARITY_TOL));
        }
    }

    @Test
    void matchesAnIndependentLineSearch() {
        Rng rng = new Rng(SEED + 1);
        Mat x = RandomDesigns.gaussian(4, 5, 1.0, rng.split());
        double[] y = rng.gaussianVector(4, 1.0);
        for (double alpha : new double[] {0.05, 0.5, 2}) {
            double[] ref = InterpolantLineSearch.minimize(x, y, b -> QAlphaInterpolant.value(b, alpha), 50);
            double[] beta = QAlphaInterpolant.solve(x, y, alpha).beta();
            assertThat("α=" + alpha, Vec.distance(beta, ref) / Vec.norm2(ref), lessThanOrEqualTo(LINE_SEARCH_TOL));
        }
    }

    @Test
    void tendsToMinL2ForLargeAlphaAndMinL1ForSmallAlpha() {
        Rng rng = new Rng(SEED + 2);
        Mat x = RandomDesigns.gaussian(8, 20, 1.0, rng.split());
        double[] y = Ops.gemv(x, RandomDesigns.sparseGaussian(20, 2, rng.split()), null);
        double[] l2 = MinNorm.solve(x, y);
        double[] l1 = MinL1Interpolant.solve(x, y).beta();
        // Q_α = ‖β‖²/(4α²)·(1 + O(‖β‖²/α⁴)): the distance to the ℓ2 answer falls like 1/α⁴
        double far = Vec.distance(QAlphaInterpolant.solve(x, y, 10).beta(), l2) / Vec.norm2(l2);
        double farther = Vec.distance(QAlphaInterpolant.solve(x, y, 100).beta(), l2) / Vec.norm2(l2);
        assertThat(far, lessThanOrEqualTo(1e-3));
        assertThat(farther, lessThanOrEqualTo(1e-6));
        // as α → 0 the ℓ1 answer is reached (here at α = 1e-20 to ~1e-11)
        double near = Vec.distance(QAlphaInterpolant.solve(x, y, 1e-20).beta(), l1) / Vec.norm2(l1);
        assertThat(near, lessThanOrEqualTo(1e-2));
    }
}
