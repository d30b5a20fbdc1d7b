package theorycheck.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ℓ'' against central differences of the exact ℓ', and the stable logistic form at large margins. */
class LossSecondDerivativeTest {
    private static final TwiceDifferentiableLoss[] LOSSES = {SquaredLoss.INSTANCE, LogisticLoss.INSTANCE,
        ExponentialLoss.INSTANCE};

    @Test
    void secondDerivativesMatchDifferencesOfTheFirst() {
        double h = 1e-6;
        int compared = 0;
        for (TwiceDifferentiableLoss loss : LOSSES) {
            for (double y : new double[] {-1, 1}) {
                for (double f = -3; f <= 3; f += 0.5) {
                    double fd = (loss.derivative(f + h, y) - loss.derivative(f - h, y)) / (2 * h);
                    double exact = loss.secondDerivative(f, y);
                    assertEquals(fd, exact, 1e-8 * Math.max(1, Math.abs(exact)), loss.name() + " f=" + f + " y=" + y);
                    compared++;
                }
            }
        }
        assertEquals(3 * 2 * 13, compared);
    }

    @Test
    void logisticCurvatureIsFiniteAndTinyAtHugeMargins() {
        assertEquals(StrictMath.exp(-700.0), LogisticLoss.INSTANCE.secondDerivative(700, 1), 1e-15 * StrictMath.exp(-700.0));
        assertEquals(0.25, LogisticLoss.INSTANCE.secondDerivative(0, -1), 0.0);
        assertEquals(StrictMath.exp(-40) / Math.pow(1 + StrictMath.exp(-40), 2),
                LogisticLoss.INSTANCE.secondDerivative(-40, -1), 1e-30);
    }
}
