package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.model.LinearPredictor;

/**
 * {@link SplitMat}'s products against {@link LinearPredictor}'s on the row-major matrix: equal bit
 * for bit (signs of zero included), for every shape up to 9×9 (full blocks of four and every
 * remainder, along rows and columns), on all rows and on batches with repeated rows, with some
 * coefficients exactly 0 and some entries of X exactly ±0.
 */
class SplitMatTest {
    private static final long SEED = 20261204L;

    @Test
    void productsEqualTheRowMajorOnesBitForBit() {
        for (int rows = 1; rows <= 9; rows++) {
            for (int cols = 1; cols <= 9; cols++) {
                Rng rng = new Rng(SEED + 100L * rows + cols);
                Mat x = RandomDesigns.gaussian(rows, cols, 1.0, rng.split());
                x.set(0, cols - 1, -0.0);
                x.set(rows - 1, 0, 0.0);
                SplitMat split = new SplitMat(x);
                double[] v = rng.gaussianVector(cols, 1.0);
                int[] batch = new int[rows + 2];
                for (int k = 0; k < batch.length; k++) {
                    batch[k] = rng.nextInt(rows);
                }
                String shape = rows + "×" + cols;

                double[] expected = new double[rows];
                LinearPredictor.rowDots(v, x, null, expected);
                double[] actual = new double[rows];
                split.times(v, actual);
                assertSameBits(expected, actual, "Xv, " + shape);

                for (int[] selected : new int[][] {null, batch}) {
                    int count = selected == null ? rows : selected.length;
                    double[] coef = rng.gaussianVector(count, 1.0);
                    coef[rng.nextInt(count)] = 0.0;
                    double[] g = new double[cols];
                    LinearPredictor.weightGradient(x, selected, coef, g);
                    double[] h = rng.gaussianVector(cols, 1.0); // overwritten, not added to
                    split.transposeTimes(selected, coef, h);
                    assertSameBits(g, h, "Xᵀc, " + shape + (selected == null ? ", all rows" : ", batch"));
                }
            }
        }
    }

    @Test
    void theCopyDoesNotSeeLaterChangesToTheSource() {
        Mat x = Mat.ofRows(new double[] {1, 2}, new double[] {3, 4});
        SplitMat split = new SplitMat(x);
        x.set(0, 0, 100);
        double[] out = new double[2];
        split.times(new double[] {1, 0}, out);
        assertEquals(1.0, out[0], 0.0);
    }

    private static void assertSameBits(double[] expected, double[] actual, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    () -> where + ", entry " + at + ": " + expected[at] + " vs " + actual[at]);
        }
    }
}
