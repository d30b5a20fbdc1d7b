package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.model.LinearModel;

class LogisticMinimizerTest {
    /** Newton converges quadratically; the gradient tolerance is 1e-12 of the data scale. */
    static final double GRADIENT_TOL = 1e-10;

    @Test
    void oneDimensionalCaseHasTheClosedFormAnswer() {
        // x = 1 with labels +1 (twice) and −1 (once): σ(w) = 2/3 at the minimum, so w = log 2.
        Classification data = new Classification(new Mat(3, 1, new double[] {1, 1, 1}), new double[] {1, 1, -1});
        LogisticMinimizer.Result r = LogisticMinimizer.solve(data);
        assertTrue(r.converged(), r.detail());
        assertEquals(Math.log(2), r.w()[0], 1e-12);
    }

    @Test
    void gradientOfTheCoreObjectiveVanishesAtTheAnswer() {
        Classification data = SeparableDesigns.shiftedGaussians(60, 4, 0.5, new Rng(3));
        LogisticMinimizer.Result r = LogisticMinimizer.solve(data);
        assertTrue(r.converged(), r.detail());
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(4), LogisticLoss.INSTANCE, data.x(), data.y());
        assertTrue(Vec.norm2(risk.gradient(r.w())) < GRADIENT_TOL, "independent gradient at the answer");
    }

    @Test
    void separableDataHaveNoFiniteMinimizer() {
        Classification data = SeparableDesigns.plantedMargin(20, 3, 0.2, new Rng(5));
        LogisticMinimizer.Result r = LogisticMinimizer.solve(data);
        assertFalse(r.converged(), "a separable data set has no finite logistic minimizer");
    }

    @Test
    void aRunawayIterateIsStoppedWithItsReason() {
        // one point x = c, y = +1: L(w) = log(1 + e^{−cw}) has no minimizer. From 0 Newton's first step is
        // −L'/L'' = (c/2)/(c²/4) = 2/c, so at c = 1e-6 the iterate is at 2·10⁶ after one step, past the norm
        // limit 10⁶ long before the curvature c²σ(1 − σ) rounds to 0 (at cw ≈ 37): stopped for its norm
        LogisticMinimizer.Result runaway = LogisticMinimizer.solve(
                new Classification(new Mat(1, 1, new double[] {1e-6}), new double[] {1}));
        assertFalse(runaway.converged());
        assertTrue(runaway.detail().startsWith("norm exceeded"), runaway.detail());
        assertTrue(runaway.iterations() < LogisticMinimizer.MAX_ITERATIONS);
        assertTrue(Math.abs(runaway.w()[0]) > LogisticMinimizer.NORM_LIMIT);
    }
}
