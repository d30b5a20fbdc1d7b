package theorycheck.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;

class ClassificationTest {
    private static Mat threeByTwo() {
        return Mat.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
    }

    @Test
    void exposesShapeAndLabels() {
        Classification c = new Classification(threeByTwo(), new double[] {1, -1, 1});
        assertEquals(3, c.examples());
        assertEquals(2, c.dim());
        assertEquals(2, c.positives());
        assertEquals(-1.0, c.label(1));
        assertArrayEquals(new double[] {3, 4}, c.input(1));
        assertNull(c.planted());
    }

    @Test
    void inputIsACopy() {
        Classification c = new Classification(threeByTwo(), new double[] {1, -1, 1});
        c.input(0)[0] = 99;
        assertEquals(1.0, c.x().get(0, 0));
    }

    @Test
    void rejectsLabelsOtherThanPlusOrMinusOne() {
        for (double bad : new double[] {0.0, 2.0, 0.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Classification(threeByTwo(), new double[] {1, bad, -1}));
            assertThat(e.getMessage(), containsString("y[1]"));
        }
    }

    @Test
    void rejectsMismatchedRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Classification(threeByTwo(), new double[] {1, -1}));
        assertThat(e.getMessage(), containsString("3 rows"));
    }

    @Test
    void rejectsNonFiniteInputs() {
        Mat x = threeByTwo();
        x.set(2, 1, Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> new Classification(x, new double[] {1, -1, 1}));
    }

    @Test
    void rejectsAPlantedDirectionOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Classification(threeByTwo(), new double[] {1, -1, 1}, new double[3]));
        assertThat(e.getMessage(), containsString("planted"));
    }
}
