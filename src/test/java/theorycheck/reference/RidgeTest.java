package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.Objective;
import theorycheck.loss.RidgePenalty;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;

class RidgeTest {
    private static final long SEED = 20261122L;
    private static final double LAMBDA = 0.05;

    /** Both systems have condition number ≲ 1e3 at λ = 0.05; two stable solves agree to κ·ε ≈ 1e-13. */
    private static final double SOLUTION_RELATIVE_TOL = 1e-11;
    /** ∇R_λ at the computed minimizer is the residual of a backward-stable solve: O(κ·ε·‖b‖). */
    private static final double GRADIENT_TOL = 1e-12;

    private static Mat tall(Rng rng) {
        return RandomDesigns.gaussian(15, 6, 1.0, rng);
    }

    private static Mat wide(Rng rng) {
        return RandomDesigns.gaussian(6, 15, 1.0, rng);
    }

    @Test
    void primalAndDualAgreeOnATallDesign() {
        Rng rng = new Rng(SEED);
        Mat x = tall(rng.split());
        double[] y = rng.split().gaussianVector(15, 1.0);
        assertThat(Vec.relativeError(Ridge.dual(x, y, LAMBDA), Ridge.primal(x, y, LAMBDA), 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void primalAndDualAgreeOnAWideDesign() {
        Rng rng = new Rng(SEED + 1);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        assertThat(Vec.relativeError(Ridge.primal(x, y, LAMBDA), Ridge.dual(x, y, LAMBDA), 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void gradientOfTheRidgeObjectiveVanishesAtTheAnswer() {
        // The objective is built from the training core, so this also pins the 1/m and λ/2 conventions.
        Rng rng = new Rng(SEED + 2);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        Objective objective = new RidgePenalty(new EmpiricalRisk(new LinearModel(15), SquaredLoss.INSTANCE, x, y), LAMBDA);
        double[] w = Ridge.solve(x, y, LAMBDA);
        assertThat(Vec.norm2(objective.gradient(w)), lessThanOrEqualTo(GRADIENT_TOL));
        assertEquals(Ridge.objective(x, y, LAMBDA, w), objective.value(w), 1e-15);
    }

    @Test
    void gradientVanishesForATallDesignToo() {
        Rng rng = new Rng(SEED + 3);
        Mat x = tall(rng.split());
        double[] y = rng.split().gaussianVector(15, 1.0);
        Objective objective = new RidgePenalty(new EmpiricalRisk(new LinearModel(6), SquaredLoss.INSTANCE, x, y), LAMBDA);
        assertThat(Vec.norm2(objective.gradient(Ridge.solve(x, y, LAMBDA))), lessThanOrEqualTo(GRADIENT_TOL));
    }

    @Test
    void answerHasTheLeastObjectiveAmongNearbyPoints() {
        Rng rng = new Rng(SEED + 4);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        double[] w = Ridge.solve(x, y, LAMBDA);
        double best = Ridge.objective(x, y, LAMBDA, w);
        Rng dirs = rng.split();
        for (int k = 0; k < 20; k++) {
            double[] other = Vec.add(w, dirs.gaussianVector(15, 1e-3));
            assertThat(Ridge.objective(x, y, LAMBDA, other), greaterThan(best));
        }
    }

    @Test
    void approachesTheMinimumNormSolutionAsLambdaShrinks() {
        // For full row rank, ‖w_λ − X⁺y‖ = O(mλ / s_min²): it falls about 100× per 100× in λ.
        Rng rng = new Rng(SEED + 5);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        double[] minNorm = MinNorm.solve(x, y);
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
            double err = Vec.relativeError(Ridge.solve(x, y, lambda), minNorm, 1e-300);
            assertThat("λ = " + lambda, err, lessThan(previous / 50));
            previous = err;
        }
        assertThat(previous, lessThanOrEqualTo(1e-6));
    }

    @Test
    void matchesEjmlSolveOfThePrimalSystem() {
        Rng rng = new Rng(SEED + 6);
        Mat x = tall(rng.split());
        double[] y = rng.split().gaussianVector(15, 1.0);
        int m = 15;
        DMatrixRMaj a = MatrixChecks.toEjml(Ops.multTransA(x, x, null));
        CommonOps_DDRM.scale(1.0 / m, a);
        for (int i = 0; i < 6; i++) {
            a.add(i, i, LAMBDA);
        }
        DMatrixRMaj b = MatrixChecks.ejmlColumn(Ops.gemvT(x, y, null));
        CommonOps_DDRM.scale(1.0 / m, b);
        DMatrixRMaj w = new DMatrixRMaj(6, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, w));
        assertThat(Vec.relativeError(Ridge.solve(x, y, LAMBDA), w.getData(), 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void matchesEjmlSolveOfTheDualSystem() {
        Rng rng = new Rng(SEED + 7);
        Mat x = wide(rng.split());
        double[] y = rng.split().gaussianVector(6, 1.0);
        int m = 6;
        DMatrixRMaj k = MatrixChecks.toEjml(Ops.multTransB(x, x, null));
        for (int i = 0; i < m; i++) {
            k.add(i, i, m * LAMBDA);
        }
        DMatrixRMaj alpha = new DMatrixRMaj(m, 1);
        assertTrue(CommonOps_DDRM.solve(k, MatrixChecks.ejmlColumn(y), alpha));
        double[] expected = Ops.gemvT(x, alpha.getData(), null);
        assertThat(Vec.relativeError(Ridge.solve(x, y, LAMBDA), expected, 1e-300),
                lessThanOrEqualTo(SOLUTION_RELATIVE_TOL));
    }

    @Test
    void handComputedOneDimensionalCase() {
        // m = 2, n = 1, X = (1, 3)ᵀ, y = (2, 4): minimize (1/4)[(w−2)² + (3w−4)²] + (λ/2)w²
        // ⇒ (10/2 + λ) w = 14/2 ⇒ w = 7 / (5 + λ); with λ = 2, w = 1.
        Mat x = Mat.ofRows(new double[] {1}, new double[] {3});
        assertEquals(1.0, Ridge.solve(x, new double[] {2, 4}, 2.0)[0], 1e-15);
        assertEquals(1.0, Ridge.dual(x, new double[] {2, 4}, 2.0)[0], 1e-15);
    }

    @Test
    void rejectsANonPositiveLambda() {
        Mat x = Mat.identity(2);
        double[] y = {1, 1};
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ridge.solve(x, y, bad));
            assertThat(e.getMessage(), allOf(containsString("λ"), containsString(String.valueOf(bad))));
        }
    }

    @Test
    void rejectsMismatchedTargets() {
        assertThrows(IllegalArgumentException.class, () -> Ridge.solve(Mat.identity(3), new double[2], 1.0));
        // both forms check, whichever shape the design has
        Mat wide = new Mat(2, 3);
        assertMessage("y has length 3, X is 2x3", () -> Ridge.dual(wide, new double[3], 1.0));
        assertMessage("y has length 3, X is 2x3", () -> Ridge.primal(wide, new double[3], 1.0));
        assertThrows(IllegalArgumentException.class, () -> Ridge.dual(wide, new double[2], 0.0));
    }
}
