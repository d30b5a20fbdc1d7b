package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static theorycheck.linalg.Refusals.assertMessage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;

class LossDifferenceSupTest {
    private static final long SEED = 20261122L;
    private static final LossDifferenceSup.PredictionLoss SQUARE = (p, y) -> (p - y) * (p - y);

    @Test
    void squareLossAgainstZeroPredictorByHand() {
        // |(p − y)² − y²| = |p² − 2py|, largest at p = ±1, y = ∓B: 1 + 2B (on the grid: angles 0 and π)
        double b = 1.5;
        double sup = LossDifferenceSup.overBall(new double[] {1, 0, 0}, new double[3], 1.0, new double[] {-b, b}, SQUARE);
        assertEquals(1 + 2 * b, sup, 1e-12);
    }

    @Test
    void gridSupIsNotBelowRandomTestPoints() {
        // random points of the full ball are actual test points: their best is a lower bound of the sup,
        // and the grid (1° and r/24 resolution) must reach it up to its resolution
        Rng rng = new Rng(SEED);
        int d = 5;
        double[] w = rng.gaussianVector(d, 1.0);
        double[] w2 = Vec.add(w, rng.gaussianVector(d, 0.3));
        double[] labels = {-1, 1};
        LossDifferenceSup.PredictionLoss logistic = (p, y) -> Math.log1p(Math.exp(-y * p));
        double grid = LossDifferenceSup.overBall(w, w2, 2.0, labels, logistic);
        double sampled = 0;
        for (int k = 0; k < 200_000; k++) {
            double[] g = rng.gaussianVector(d, 1.0);
            double r = 2.0 * Math.pow(rng.uniform(), 1.0 / d);
            double[] x = Vec.scale(r / Vec.norm2(g), g);
            for (double y : labels) {
                sampled = Math.max(sampled, Math.abs(logistic.value(Vec.dot(w, x), y) - logistic.value(Vec.dot(w2, x), y)));
            }
        }
        assertTrue(grid >= sampled * (1 - 2e-3), "grid " + grid + " < sampled " + sampled);
        assertTrue(grid <= Vec.distance(w, w2) * 2.0 * (1 + 1e-12), "logistic is 1-Lipschitz in the prediction");
    }

    @Test
    void aZeroFirstPredictorLeavesTheSecondsSquaredReach() {
        // w = 0 predicts 0 everywhere; with label 0 the square loss differs by ⟨w', x⟩², at most
        // (r‖w'‖)² = (2·5)², reached on the grid at angle π/2 in span{e₁, w'}
        double sup = LossDifferenceSup.overBall(new double[3], new double[] {0, 3, 4}, 2.0, new double[] {0}, SQUARE);
        assertEquals(100, sup, 100 * 1e-14);
        assertMessage("predictors differ in length: 3 vs 2",
                () -> LossDifferenceSup.overBall(new double[3], new double[2], 1.0, new double[] {0}, SQUARE));
    }

    @Test
    void identicalPredictorsGiveZero() {
        double[] w = {0.3, -0.2};
        assertEquals(0, LossDifferenceSup.overBall(w, w.clone(), 1, new double[] {1}, SQUARE), 1e-14);
    }
}
