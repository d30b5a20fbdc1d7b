package theorycheck.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;
import theorycheck.loss.Objective;

class LevenbergMarquardtTest {
    /** Rosenbrock's f(a, b) = (1 − a)² + 100(b − a²)², minimum 0 at (1, 1), Hessian indefinite at (0, 1). */
    private static final Objective ROSENBROCK = Objective.of(2,
            t -> (1 - t[0]) * (1 - t[0]) + 100 * (t[1] - t[0] * t[0]) * (t[1] - t[0] * t[0]),
            t -> new double[] {-2 * (1 - t[0]) - 400 * t[0] * (t[1] - t[0] * t[0]), 200 * (t[1] - t[0] * t[0])});

    private static Mat rosenbrockHessian(double[] t) {
        return Mat.ofRows(new double[] {2 - 400 * (t[1] - 3 * t[0] * t[0]), -400 * t[0]},
                new double[] {-400 * t[0], 200});
    }

    @Test
    void reachesRosenbrocksMinimumFromTheClassicStartAndFromWhereTheHessianIsIndefinite() {
        for (double[] start : new double[][] {{-1.2, 1.0}, {0.0, 1.0}}) {
            double[] end = LevenbergMarquardt.minimize(ROSENBROCK, LevenbergMarquardtTest::rosenbrockHessian, start,
                    200, 1e-12);
            assertArrayEquals(new double[] {1.0, 1.0}, end, 1e-10);
        }
    }

    @Test
    void stopsAtTheIterationBudgetAndLeavesTheStartAlone() {
        double[] start = {-1.2, 1.0};
        double[] none = LevenbergMarquardt.minimize(ROSENBROCK, LevenbergMarquardtTest::rosenbrockHessian, start, 0,
                1e-12);
        assertArrayEquals(start, none, 0.0);
        assertArrayEquals(new double[] {-1.2, 1.0}, start, 0.0);
        // one damped Newton step from (−1.2, 1): (H + 10⁻³I)s = ∇f, accepted because f drops
        double[] one = LevenbergMarquardt.minimize(ROSENBROCK, LevenbergMarquardtTest::rosenbrockHessian, start, 1,
                1e-12);
        double[] g = ROSENBROCK.gradient(start);
        Mat h = rosenbrockHessian(start);
        double a = h.get(0, 0) + 1e-3, b = h.get(0, 1), d = h.get(1, 1) + 1e-3;
        double det = a * d - b * b;
        double[] expected = {start[0] - (d * g[0] - b * g[1]) / det, start[1] - (a * g[1] - b * g[0]) / det};
        assertArrayEquals(expected, one, 1e-12);
    }

    @Test
    void aNonFiniteLandscapeGivesNoAnswer() {
        Objective nan = Objective.of(1, t -> Double.NaN, t -> new double[] {1.0});
        assertNull(LevenbergMarquardt.minimize(Objective.of(1, t -> 0.0, t -> new double[] {Double.NaN}),
                t -> Mat.identity(1), new double[] {Double.NaN}, 5, 0));
        // a loss that is never "not higher" (NaN) rejects every step: the start comes back
        assertEquals(3.0, LevenbergMarquardt.minimize(nan, t -> Mat.identity(1), new double[] {3.0}, 5, 0)[0], 0.0);
    }
}
