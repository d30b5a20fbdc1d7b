package theorycheck.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Svd;
import theorycheck.linalg.SymmetricEigen;

class MatrixSensingTest {

    @Test
    void measurementsAreSymmetricAndLabelsAreInnerProducts() {
        MatrixSensing s = MatrixSensing.gaussian(6, 2, 15, new Rng(7));
        int n = 6;
        double[] a = s.measurements().data();
        for (int i = 0; i < s.m(); i++) {
            double y = 0;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    assertEquals(a[i * n * n + p * n + q], a[i * n * n + q * n + p], 0.0);
                    y += a[i * n * n + p * n + q] * s.xStar().get(p, q);
                }
            }
            assertEquals(y, s.y()[i], 1e-12 * (1 + Math.abs(y)));
        }
    }

    @Test
    void truthHasRankRAndUnitTopEigenvalue() {
        MatrixSensing s = MatrixSensing.gaussian(8, 3, 5, new Rng(3));
        assertEquals(1.0, SymmetricEigen.decompose(s.xStar()).max(), 1e-12);
        assertEquals(3, Svd.decompose(s.xStar()).rank(1e-10));
        Mat u = s.uStar();
        assertEquals(8, u.rows());
        assertEquals(3, u.cols());
    }

    @Test
    void offDiagonalEntriesHaveVarianceOneHalf() {
        // A = (G + Gᵀ)/2: diagonal entries N(0, 1), off-diagonal N(0, 1/2).
        MatrixSensing s = MatrixSensing.gaussian(4, 1, 20000, new Rng(11));
        double[] a = s.measurements().data();
        double diag = 0, off = 0;
        for (int i = 0; i < s.m(); i++) {
            diag += a[i * 16] * a[i * 16];
            off += a[i * 16 + 1] * a[i * 16 + 1];
        }
        assertEquals(1.0, diag / s.m(), 0.05);
        assertEquals(0.5, off / s.m(), 0.03);
    }

    @Test
    void residualIsMeasureMinusYWithItsSquaredNorm() {
        MatrixSensing s = MatrixSensing.gaussian(5, 2, 9, new Rng(11));
        Mat x = new Mat(5, 5, new Rng(12).gaussianVector(25, 1.0));
        double[] r = new double[s.m()];
        double sq = s.residual(x.data(), r);
        double[] ax = s.measure(x);
        double expectSq = 0;
        for (int i = 0; i < s.m(); i++) {
            assertEquals(ax[i] - s.y()[i], r[i], 1e-12 * (1 + Math.abs(ax[i])));
            expectSq += r[i] * r[i];
        }
        assertEquals(expectSq, sq, 1e-12 * expectSq);
        // X* fits its own measurements
        assertEquals(0.0, s.residual(s.xStar().data(), r), 1e-20);
    }
}
