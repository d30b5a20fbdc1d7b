package theorycheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;

class LinearModelTest {
    private static final Mat X = Mat.ofRows(new double[] {1, 2}, new double[] {3, -1}, new double[] {0, 4});

    @Test
    void predictsInnerProductsOfSelectedRows() {
        double[] out = new double[3];
        new LinearModel(2).predict(new double[] {2, 1}, X, null, out);
        assertArrayEquals(new double[] {4, 5, 4}, out, 0.0);
        double[] two = new double[2];
        new LinearModel(2).predict(new double[] {2, 1}, X, new int[] {2, 0}, two);
        assertArrayEquals(new double[] {4, 4}, two, 0.0);
    }

    @Test
    void pullbackIsXTransposeTimesCoefficients() {
        // rows (1, 2) with coefficients (2, −1): 2·(3, −1) − (0, 4) = (6, −6)
        double[] grad = {99, 99};
        new LinearModel(2).pullback(new double[] {0, 0}, X, new int[] {1, 2}, new double[] {2, -1}, grad);
        assertArrayEquals(new double[] {6, -6}, grad, 0.0);
    }

    @Test
    void effectiveWeightsAreACopyOfTheParameters() {
        double[] w = {1, 2};
        double[] beta = new LinearModel(2).effectiveWeights(w);
        assertArrayEquals(w, beta, 0.0);
        assertNotSame(w, beta);
        assertEquals(2, new LinearModel(2).numParams());
    }

    @Test
    void rejectsANonPositiveDimension() {
        assertThrows(IllegalArgumentException.class, () -> new LinearModel(0));
    }
}
