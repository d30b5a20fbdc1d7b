package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.MatrixChecks;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class MinNormRiskTest {
    private static final long SEED = 20261122L;
    /** Closed forms of a few rational operations: exact up to a few roundings. */
    private static final double EXACT_TOL = 1e-14;
    /** Monte-Carlo means are compared at 4 standard errors (two-sided miss probability 6e-5). */
    private static final double Z = 4.0;

    @Test
    void oneExampleIsTheInverseChiSquareMean() {
        // m = 1: XXᵀ = ‖x‖² ~ χ²_n and E[1/χ²_n] = 1/(n − 2)
        for (int n = 3; n <= 12; n++) {
            assertEquals(1.0 / (n - 2), MinNormRisk.expectedTraceInverseGram(1, n), EXACT_TOL);
            assertEquals(1.0 / (n - 2), MinNormRisk.expectedTraceInverseGram(n, 1), EXACT_TOL);
        }
    }

    @Test
    void infiniteWithinOneOfTheThreshold() {
        for (int d = -1; d <= 1; d++) {
            assertEquals(Double.POSITIVE_INFINITY, MinNormRisk.expectedExcess(20, 20 + d, 1.0, 0.5));
        }
        assertEquals(Double.POSITIVE_INFINITY, MinNormRisk.asymptoticExcess(1.0, 1.0, 0.5));
    }

    @Test
    void noiselessRiskIsTheUnseenPartOfTheSignal() {
        // σ = 0: X⁺Xβ = Pβ, so the excess is E‖(I − P)β‖² = r²(1 − m/n) above the threshold, 0 below
        assertEquals(4.0 * (1 - 10.0 / 25), MinNormRisk.expectedExcess(10, 25, 4.0, 0.0), EXACT_TOL);
        assertEquals(0.0, MinNormRisk.expectedExcess(10, 10, 4.0, 0.0), 0.0);
        assertEquals(0.0, MinNormRisk.expectedExcess(25, 10, 4.0, 0.0), 0.0);
    }

    @Test
    void testMseAddsTheNoiseFloor() {
        assertEquals(2.0 + 2.0 * 10.0 / (30 - 10 - 1) + 3.0 * (1 - 10.0 / 30),
                MinNormRisk.expectedTestMse(10, 30, 3.0, 2.0), EXACT_TOL);
        assertEquals(2.0 + 2.0 * 5.0 / (30 - 5 - 1), MinNormRisk.expectedTestMse(30, 5, 3.0, 2.0), EXACT_TOL);
    }

    @Test
    void finiteSampleFormulaTendsToTheProportionalLimit() {
        for (double gamma : new double[] {0.25, 0.5, 2.0, 4.0}) {
            double previous = Double.POSITIVE_INFINITY;
            for (int m : new int[] {100, 1000, 10000}) {
                int n = (int) Math.round(gamma * m);
                double exact = MinNormRisk.expectedExcess(m, n, 1.5, 0.7);
                double limit = MinNormRisk.asymptoticExcess(gamma, 1.5, 0.7);
                double rel = Math.abs(exact - limit) / limit;
                // the gap is the −1 in (|n − m| − 1): O(1/m)
                assertThat("γ=" + gamma + " m=" + m, rel, lessThanOrEqualTo(3.0 / (Math.abs(gamma - 1) * m)));
                assertThat(rel, lessThan(previous));
                previous = rel;
            }
        }
    }

    @Test
    void bookFormulaAsWritten() {
        assertEquals(2.0 / 2 + 2.0, MinNormRisk.bookTestMse(10, 12, 2.0), EXACT_TOL);
        assertEquals(2.0 / -5 + 2.0, MinNormRisk.bookTestMse(10, 5, 2.0), EXACT_TOL);
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.bookTestMse(10, 10, 1.0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedExcess(0, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedExcess(3, 5, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedExcess(3, 5, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.asymptoticExcess(0, 1, 1));
        // every entry point checks every argument it takes
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedTraceInverseGram(0, 3));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedExcess(3, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.expectedExcess(3, 5, Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.asymptoticExcess(Double.POSITIVE_INFINITY, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.asymptoticExcess(2, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.asymptoticExcess(2, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.bookTestMse(0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> MinNormRisk.bookTestMse(3, 5, -1));
    }

    @Test
    void noiselessLimitAtTheThresholdIsZero() {
        // σ = 0, γ = 1: the bias r²(1 − 1/γ) is 0 and there is no variance term to blow up
        assertEquals(0.0, MinNormRisk.asymptoticExcess(1.0, 4.0, 0.0), 0.0);
    }

    @Test
    void overparameterizedMonteCarloWithAnIndependentPseudoinverse() {
        monteCarloAgrees(8, 20, 3000, SEED);
    }

    @Test
    void underparameterizedMonteCarloWithAnIndependentPseudoinverse() {
        monteCarloAgrees(20, 8, 3000, SEED + 1);
    }

    /**
     * Mean of ‖X⁺y − β‖² over Gaussian draws, X⁺ by EJML (not the SVD the claims use), against the
     * closed form. |n − m| = 12 keeps the variance finite (inverse-Wishart variance needs |n − m| ≥ 4).
     */
    private static void monteCarloAgrees(int m, int n, int draws, long seed) {
        Rng rng = new Rng(seed);
        double r = 1.3;
        double sigma = 0.8;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < draws; k++) {
            Mat x = RandomDesigns.gaussian(m, n, 1.0, rng);
            double[] beta = rng.gaussianVector(n, 1.0);
            double norm = Vec.norm2(beta);
            for (int j = 0; j < n; j++) {
                beta[j] *= r / norm;
            }
            double[] y = RandomDesigns.linearTargets(x, beta, sigma, rng);
            DMatrixRMaj pinv = new DMatrixRMaj(n, m);
            CommonOps_DDRM.pinv(MatrixChecks.toEjml(x), pinv);
            double[] est = Ops.gemv(MatrixChecks.fromEjml(pinv), y, null);
            double e = 0;
            for (int j = 0; j < n; j++) {
                e += (est[j] - beta[j]) * (est[j] - beta[j]);
            }
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        double exact = MinNormRisk.expectedExcess(m, n, r * r, sigma * sigma);
        assertThat("m=" + m + " n=" + n + " MC mean " + mean + " ± " + se + " vs " + exact, Math.abs(mean - exact),
                lessThanOrEqualTo(Z * se));
    }
}
