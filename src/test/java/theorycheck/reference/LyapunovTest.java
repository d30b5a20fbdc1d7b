package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.MatrixChecks;
import theorycheck.linalg.Ops;

class LyapunovTest {
    private static final long SEED = 20261122L;
    /** Eigenbasis formula vs a dense solve of a well-conditioned d²×d² system: a few hundred ε. */
    private static final double EXACT_TOL = 1e-11;
    private static final double SMITH_TOL = 1e-14;

    private static Mat randomSpd(int d, Rng rng) {
        Mat g = RandomDesigns.gaussian(d, d, 1.0, rng);
        Mat c = Ops.multTransB(g, g, null);
        for (int i = 0; i < d; i++) {
            c.set(i, i, c.get(i, i) + 0.1);
        }
        return c;
    }

    /** vec Σ = (I − A⊗A)⁻¹ vec Q, solved by EJML's dense LU: an independent method. */
    private static Mat kronecker(Mat a, Mat q) {
        int d = a.rows();
        DMatrixRMaj k = new DMatrixRMaj(d * d, d * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int p = 0; p < d; p++) {
                    for (int r = 0; r < d; r++) {
                        // (AΣAᵀ)_ij = Σ_pr A_ip Σ_pr A_jr
                        double v = (i * d + j == p * d + r ? 1.0 : 0.0) - a.get(i, p) * a.get(j, r);
                        k.set(i * d + j, p * d + r, v);
                    }
                }
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(d * d, 1);
        assertTrue(CommonOps_DDRM.solve(k, MatrixChecks.ejmlColumn(q.data()), x));
        return new Mat(d, d, x.data.clone());
    }

    @Test
    void oneDimensionalRecursionHasVarianceQOverOneMinusASquared() {
        // e ← (1 − αλ) e − αξ, Var ξ = c/B: v = α²c/B / (1 − (1 − αλ)²) = αc / (Bλ(2 − αλ))
        double lambda = 3.0, c = 2.0, alpha = 0.25;
        int b = 4;
        Mat s = Lyapunov.sgdStationary(Mat.ofRows(new double[] {lambda}), Mat.ofRows(new double[] {c}), alpha, b);
        assertEquals(alpha * c / (b * lambda * (2 - alpha * lambda)), s.get(0, 0), 1e-15);
        Mat cont = Lyapunov.continuousLimit(Mat.ofRows(new double[] {lambda}), Mat.ofRows(new double[] {c}), alpha, b);
        assertEquals(alpha * c / (2 * b * lambda), cont.get(0, 0), 1e-15);
    }

    @Test
    void eigenbasisSolutionMatchesKroneckerSolveForNonCommutingNoise() {
        Rng rng = new Rng(SEED);
        int d = 5;
        Mat h = RandomDesigns.symmetricWithEigenvalues(d, rng, 4.0, 2.0, 1.0, 0.3, 0.05);
        Mat c = randomSpd(d, rng);
        double alpha = 0.4; // αλ_max = 1.6: far from the small-step limit
        int b = 8;
        Mat sigma = Lyapunov.sgdStationary(h, c, alpha, b);
        Mat a = Lyapunov.transition(h, alpha);
        Mat q = Ops.scale(alpha * alpha / b, c);
        assertThat(MatrixChecks.relativeFrobenius(sigma, kronecker(a, q)), lessThan(EXACT_TOL));
        assertThat(Lyapunov.residual(sigma, a, q), lessThan(EXACT_TOL));
    }

    @Test
    void smithIterationAgreesWithEigenbasisAndKronecker() {
        Rng rng = new Rng(SEED + 1);
        int d = 4;
        Mat h = RandomDesigns.symmetricWithEigenvalues(d, rng, 1.0, 0.7, 0.2, 0.1);
        Mat c = randomSpd(d, rng);
        double alpha = 0.9;
        Mat a = Lyapunov.transition(h, alpha);
        Mat q = Ops.scale(alpha * alpha, c);
        Lyapunov.Solution smith = Lyapunov.smith(a, q, SMITH_TOL, 60);
        assertTrue(smith.converged());
        assertThat(MatrixChecks.relativeFrobenius(smith.sigma(), Lyapunov.sgdStationary(h, c, alpha, 1)), lessThan(1e-10));
        assertThat(MatrixChecks.relativeFrobenius(smith.sigma(), kronecker(a, q)), lessThan(1e-10));
    }

    @Test
    void smithHandlesNonSymmetricStableMatrix() {
        Rng rng = new Rng(SEED + 2);
        Mat a = Ops.scale(0.3, RandomDesigns.gaussian(4, 4, 1.0, rng));
        Mat q = randomSpd(4, rng);
        Lyapunov.Solution s = Lyapunov.smith(a, q, SMITH_TOL, 60);
        assertTrue(s.converged());
        assertThat(Lyapunov.residual(s.sigma(), a, q), lessThan(1e-12));
        assertThat(MatrixChecks.relativeFrobenius(s.sigma(), kronecker(a, q)), lessThan(1e-10));
    }

    @Test
    void smithReportsDivergenceForUnstableMatrix() {
        Mat a = Mat.ofRows(new double[] {1.2, 0}, new double[] {0, 0.5});
        Lyapunov.Solution s = Lyapunov.smith(a, Mat.identity(2), 1e-12, 30);
        assertFalse(s.converged());
    }

    @Test
    void continuousLimitSolvesHSigmaPlusSigmaH() {
        Rng rng = new Rng(SEED + 3);
        int d = 4;
        Mat h = RandomDesigns.symmetricWithEigenvalues(d, rng, 3.0, 1.0, 0.5, 0.2);
        Mat c = randomSpd(d, rng);
        double alpha = 0.1;
        int b = 2;
        Mat s = Lyapunov.continuousLimit(h, c, alpha, b);
        Mat lhs = Ops.addScaled(Ops.mult(h, s, null), 1.0, Ops.mult(s, h, null), null);
        assertThat(MatrixChecks.relativeFrobenius(lhs, Ops.scale(alpha / b, c)), lessThan(EXACT_TOL));
    }

    @Test
    void smallStepsApproachTheContinuousLimit() {
        Rng rng = new Rng(SEED + 4);
        Mat h = RandomDesigns.symmetricWithEigenvalues(3, rng, 2.0, 1.0, 0.5);
        Mat c = randomSpd(3, rng);
        double previous = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {0.1, 0.01, 0.001}) {
            double gap = MatrixChecks.relativeFrobenius(Lyapunov.sgdStationary(h, c, alpha, 1),
                    Lyapunov.continuousLimit(h, c, alpha, 1));
            assertThat(gap, lessThan(alpha * 2.0)); // relative gap O(αλ_max)
            assertThat(gap, lessThan(previous));
            previous = gap;
        }
    }

    @Test
    void transitionIsIdentityMinusAlphaH() {
        Mat a = Lyapunov.transition(Mat.ofRows(new double[] {2, 1}, new double[] {1, 3}), 0.5);
        assertEquals(0.0, Ops.maxAbsDiff(a, Mat.ofRows(new double[] {0, -0.5}, new double[] {-0.5, -0.5})), 0.0);
    }

    @Test
    void rejectsUnstableStepAndIndefiniteHessian() {
        Mat h = Mat.ofRows(new double[] {2, 0}, new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.sgdStationary(h, Mat.identity(2), 1.0, 1));
        Mat indefinite = Mat.ofRows(new double[] {1, 0}, new double[] {0, -1});
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.sgdStationary(indefinite, Mat.identity(2), 0.1, 1));
        assertMessage("no stationary covariance: αλ_max = 2.0 ≥ 2", () -> Lyapunov.sgdStationary(h, Mat.identity(2), 1.0, 1));
        // a zero eigenvalue has no stationary variance either (the noise along it accumulates forever)
        Mat singular = Mat.ofRows(new double[] {1, 0}, new double[] {0, 0});
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.continuousLimit(singular, Mat.identity(2), 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.continuousLimit(h, Mat.identity(2), 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Lyapunov.continuousLimit(h, Mat.identity(2), 0.1, 0));
        assertMessage("H and C must be d×d of the same d", () -> Lyapunov.continuousLimit(h, Mat.identity(3), 0.1, 1));
        assertMessage("A and Q must be d×d of the same d", () -> Lyapunov.smith(h, Mat.identity(3), 1e-12, 10));
    }

    @Test
    void smithSumsTwoToTheKTermsAfterKDoublings() {
        // A = 0.9·I, Q = 3·I: Σ_{j<n} AʲQAʲᵀ = 3(1 − 0.81ⁿ)/0.19·I. Capped at 3 doublings the sum has 8 terms,
        // unconverged; the last increment is the share of the last 4 terms, (0.81⁴ − 0.81⁸)/(1 − 0.81⁸)
        Mat a = Ops.scale(0.9, Mat.identity(2));
        Mat q = Ops.scale(3, Mat.identity(2));
        Lyapunov.Solution s = Lyapunov.smith(a, q, 1e-12, 3);
        assertFalse(s.converged());
        assertEquals(3, s.iterations());
        double eight = 3 * (1 - Math.pow(0.81, 8)) / 0.19;
        assertThat(MatrixChecks.relativeFrobenius(s.sigma(), Ops.scale(eight, Mat.identity(2))), lessThan(EXACT_TOL));
        double last = (Math.pow(0.81, 4) - Math.pow(0.81, 8)) / (1 - Math.pow(0.81, 8));
        assertEquals(last, s.lastIncrement(), EXACT_TOL * last);
    }

    @Test
    void smithReportsABlowUpWhenItHappens() {
        // 1.2^(2^k) overflows near k = 12: the run stops there with a non-finite increment, not at the cap
        Mat a = Mat.ofRows(new double[] {1.2, 0}, new double[] {0, 0.5});
        Lyapunov.Solution s = Lyapunov.smith(a, Mat.identity(2), 1e-12, 30);
        assertFalse(s.converged());
        assertThat(s.iterations(), lessThan(30));
        assertFalse(Double.isFinite(s.lastIncrement()));
    }

    @Test
    void residualIsRelativeToTheNoise() {
        // Σ = 0 leaves all of Q unexplained: residual 1 whatever the size of Q
        Mat q = Ops.scale(5, Mat.identity(2));
        assertEquals(1.0, Lyapunov.residual(new Mat(2, 2), Ops.scale(0.5, Mat.identity(2)), q), 1e-15);
        // and the exact Σ of the scalar case q/(1 − a²) leaves none
        assertEquals(0.0, Lyapunov.residual(Ops.scale(5 / 0.75, Mat.identity(2)), Ops.scale(0.5, Mat.identity(2)), q),
                1e-15);
    }
}
