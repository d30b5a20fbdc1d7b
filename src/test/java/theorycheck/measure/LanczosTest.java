package theorycheck.measure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;

/** Lanczos against matrices with known spectra and against the Jacobi eigensolver. */
class LanczosTest {
    private static final long SEED = 5150L;
    /** Converged Ritz values of a well-separated spectrum: rounding of a few hundred products. */
    private static final double VALUE_TOL = 1e-9;

    @Test
    void topFiveOfAKnownSpectrum() {
        Rng rng = new Rng(SEED);
        int n = 60;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 10.0 * Math.pow(0.85, i) - 0.5; // descending, one negative tail
        }
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        Lanczos.Result r = Lanczos.top(PowerIteration.matrix(a, 1.0), n, 5, rng.split());
        assertTrue(r.converged());
        for (int i = 0; i < 5; i++) {
            assertEquals(lambda[i], r.values()[i], VALUE_TOL * 10);
            assertThat(r.residuals()[i], lessThanOrEqualTo(1e-7));
            assertEquals(1.0, Vec.norm2(r.vectors()[i]), 1e-12);
        }
    }

    @Test
    void agreesWithJacobiOnRandomSymmetricMatricesTopAndBottom() {
        Rng rng = new Rng(SEED + 1);
        int compared = 0;
        for (int trial = 0; trial < 5; trial++) {
            int n = 20 + 10 * trial;
            Mat g = RandomDesigns.gaussian(n, n, 1.0, rng.split());
            Mat a = new Mat(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a.set(i, j, 0.5 * (g.get(i, j) + g.get(j, i)));
                }
            }
            SymmetricEigen.Result exact = SymmetricEigen.decompose(a);
            SymmetricOperator op = PowerIteration.matrix(a, 1.0);
            Lanczos.Result top = Lanczos.top(op, n, 3, rng.split(), n, 1e-12);
            Lanczos.Result bottom = Lanczos.bottom(op, n, 2, rng.split(), n, 1e-12);
            for (int i = 0; i < 3; i++) {
                assertEquals(exact.values()[i], top.values()[i], VALUE_TOL * Math.abs(exact.max()));
                compared++;
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(exact.values()[n - 1 - i], bottom.values()[i], VALUE_TOL * Math.abs(exact.max()));
                compared++;
            }
            // eigenvector up to sign
            assertEquals(1.0, Math.abs(Vec.dot(top.firstVector(), exact.vector(0))), 1e-8);
        }
        assertEquals(25, compared);
    }

    @Test
    void lowRankOperatorStopsAtAnInvariantSubspace() {
        Rng rng = new Rng(SEED + 2);
        int n = 40;
        double[] lambda = new double[n];
        lambda[0] = 3.0;
        lambda[1] = 1.0; // rank 2: the Krylov space is invariant after 2 steps
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        Lanczos.Result r = Lanczos.top(PowerIteration.matrix(a, 1.0), n, 2, rng.split());
        assertTrue(r.converged());
        assertThat(r.iterations(), lessThanOrEqualTo(3));
        assertArrayEquals(new double[] {3.0, 1.0}, r.values(), 1e-12);
        // a random start has a null-space part, so its Krylov space is span{q, Aq, A²q}: invariant after
        // 3 steps, holding exactly 3, 1 and 0. Asked for 4, Lanczos must stop there, give those three and
        // NaN for the fourth, and not claim convergence.
        Lanczos.Result four = Lanczos.top(PowerIteration.matrix(a, 1.0), n, 4, rng.split());
        assertEquals(false, four.converged());
        assertEquals(3, four.iterations());
        assertArrayEquals(new double[] {3.0, 1.0, 0.0}, Arrays.copyOf(four.values(), 3), 1e-12);
        assertTrue(Double.isNaN(four.values()[3]));
        assertTrue(Double.isNaN(four.residuals()[3]));
        assertArrayEquals(new double[n], four.vectors()[3], 0.0);
    }

    @Test
    void sameSeedSameResult() {
        Mat a = RandomDesigns.symmetricWithEigenvalues(10, new Rng(1), 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        Lanczos.Result r1 = Lanczos.top(PowerIteration.matrix(a, 1.0), 10, 2, new Rng(SEED));
        Lanczos.Result r2 = Lanczos.top(PowerIteration.matrix(a, 1.0), 10, 2, new Rng(SEED));
        assertArrayEquals(r1.values(), r2.values(), 0.0);
        assertEquals(r1.iterations(), r2.iterations());
    }

    @Test
    void stepCapBelowConvergenceIsReported() {
        Rng rng = new Rng(SEED + 3);
        int n = 200;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 - i * 1e-4; // a flat spectrum: 3 steps cannot resolve the top
        }
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        Lanczos.Result r = Lanczos.top(PowerIteration.matrix(a, 1.0), n, 1, rng.split(), 3, 1e-12);
        assertEquals(false, r.converged());
        assertEquals(3, r.iterations());
        // the residual reported is ‖Ay − θy‖ of the pair returned, recomputed here from the dense matrix,
        // and it is not small: an unconverged pair must not look converged
        double[] ay = Ops.gemv(a, r.firstVector(), null);
        Vec.axpyInPlace(-r.first(), r.firstVector(), ay);
        assertEquals(Vec.norm2(ay), r.residuals()[0], 1e-14);
        assertEquals(r.residuals()[0], r.maxResidual(), 0.0);
        assertThat(1e-6, lessThanOrEqualTo(r.maxResidual()));
    }

    @Test
    void theSmallestProblemsAreSolvedExactly() {
        // dim 1 (the operator is a number) and k = dim (every eigenvalue asked for) are valid requests
        Lanczos.Result one = Lanczos.top((v, out) -> out[0] = 2.5 * v[0], 1, 1, new Rng(SEED + 4));
        assertTrue(one.converged());
        assertEquals(2.5, one.first(), 1e-15);
        assertEquals(1.0, Math.abs(one.firstVector()[0]), 1e-15);
        Mat a = RandomDesigns.symmetricWithEigenvalues(3, new Rng(SEED + 5), 3, 2, 1);
        Lanczos.Result all = Lanczos.top(PowerIteration.matrix(a, 1.0), 3, 3, new Rng(SEED + 6));
        assertTrue(all.converged());
        assertArrayEquals(new double[] {3, 2, 1}, all.values(), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        SymmetricOperator id = (v, out) -> System.arraycopy(v, 0, out, 0, v.length);
        assertThrows(IllegalArgumentException.class, () -> Lanczos.top(id, 3, 4, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.top(id, 3, 1, new Rng(1), 10, 0.0));
    }

    @Test
    void stopsAsSoonAsTheResidualBoundIsMetNotAtTheStepCap() {
        // diagonal operator, dim 400, top eigenvalue 10 far above the rest (≤ 1): the top pair is found
        // in a few dozen products, so a run to the cap (or a stop before the bound holds) is a bug
        int n = 400;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i == 7 ? 10.0 : (double) i / n;
        }
        SymmetricOperator diag = (v, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = d[i] * v[i];
            }
        };
        Lanczos.Result r = Lanczos.top(diag, n, 1, new Rng(SEED + 20), n, 1e-10);
        assertTrue(r.converged());
        assertThat(r.iterations(), lessThanOrEqualTo(60));
        assertEquals(10.0, r.first(), 1e-9);
        assertThat(r.maxResidual(), lessThanOrEqualTo(1e-8));
        assertEquals(1.0, Math.abs(r.firstVector()[7]), 1e-9);
        Lanczos.Result b = Lanczos.bottom((v, out) -> {
            diag.apply(v, out);
            for (int i = 0; i < n; i++) {
                out[i] = -out[i];
            }
        }, n, 1, new Rng(SEED + 21), n, 1e-10);
        assertEquals(-10.0, b.first(), 1e-9);
        assertThat(b.iterations(), lessThanOrEqualTo(60));
    }
}
