package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.reference.Ridge;

class LeaveOneOutTest {
    private static final long SEED = 20261122L;

    @Test
    void dataSurgeryKeepsTheOtherRows() {
        Mat x = Mat.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        assertEquals(Mat.ofRows(new double[] {1, 2}, new double[] {5, 6}), LeaveOneOut.withoutRow(x, 1));
        assertEquals(Mat.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {0, 0}),
                LeaveOneOut.withRow(x, 2, new double[] {0, 0}));
        assertArrayEquals(new double[] {1, 3}, LeaveOneOut.withoutEntry(new double[] {1, 2, 3}, 1));
        assertArrayEquals(new double[] {1, 9, 3}, LeaveOneOut.withEntry(new double[] {1, 2, 3}, 1, 9));
        assertEquals(3, x.rows(), "input not modified");
    }

    @Test
    void surgeryOutsideTheDataIsRefused() {
        Mat x = Mat.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        assertMessage("row 3 out of 0..2", () -> LeaveOneOut.withoutRow(x, 3));
        assertThrows(IllegalArgumentException.class, () -> LeaveOneOut.withoutRow(x, -1));
        // a replacement row must have X's width: a shorter one would leave stale entries behind
        assertThrows(IllegalArgumentException.class, () -> LeaveOneOut.withRow(x, 0, new double[] {7}));
    }

    @Test
    void meanLearnerHasTheHandComputedChanges() {
        // learner: w = mean of y (one "feature"); removing yᵢ moves the mean by (ȳ − yᵢ)/(m − 1)
        Mat x = new Mat(4, 1, new double[] {1, 1, 1, 1});
        double[] y = {1, 2, 3, 6};
        double[] changes = LeaveOneOut.parameterChanges(x, y, (xs, ys) -> new double[] {
            java.util.Arrays.stream(ys).average().orElseThrow()});
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.abs(3 - y[i]) / 3, changes[i], 1e-15);
        }
    }

    @Test
    void dualRidgeRemovalMatchesRetrainingWithRidge() {
        Rng rng = new Rng(SEED);
        for (int[] shape : new int[][] {{12, 30}, {25, 6}}) {
            Mat x = RandomDesigns.gaussian(shape[0], shape[1], 1.0, rng);
            double[] y = rng.gaussianVector(shape[0], 1.0);
            double lambda = 0.07;
            double[][] fast = LeaveOneOut.ridgeRemoveEach(x, y, (shape[0] - 1) * lambda);
            double[][] slow = LeaveOneOut.removeEach(x, y, (xs, ys) -> Ridge.solve(xs, ys, lambda));
            for (int i = 0; i < shape[0]; i++) {
                assertTrue(Vec.distance(fast[i], slow[i]) < 1e-10 * (1 + Vec.norm2(slow[i])));
            }
        }
    }
}
