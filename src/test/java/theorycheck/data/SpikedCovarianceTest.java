package theorycheck.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

class SpikedCovarianceTest {
    private static final long SEED = 20261122L;

    @Test
    void spikedSpectrumHasTheRequestedTailMass() {
        Spectrum s = Spectrum.spiked(3, 2.0, 400, 5.0);
        assertEquals(403, s.dim());
        assertEquals(3 * 2.0 + 5.0, s.trace(), 1e-12);
        assertEquals(5.0 / 400, s.get(3), 0);
    }

    @Test
    void powerLogSpectrumMatchesItsFormula() {
        Spectrum s = Spectrum.powerLog(10, 1.0, 2.0);
        assertEquals(1 / (Math.log(2) * Math.log(2)), s.get(0), 1e-15);
        assertEquals(1 / (10 * Math.log(11) * Math.log(11)), s.get(9), 1e-15);
    }

    @Test
    void rejectsIncreasingOrNonPositiveSpectra() {
        assertThrows(IllegalArgumentException.class, () -> new Spectrum(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Spectrum(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.spiked(1, 1, 0, 1));
    }

    @Test
    void columnVariancesMatchTheSpectrum() {
        // 20000 rows: each column's sample variance is within 4·√(2/20000) ≈ 4% of λ_j (4σ).
        Spectrum s = Spectrum.spiked(2, 4.0, 3, 0.3);
        int m = 20_000;
        Mat x = SpikedCovariance.design(s, m, new Rng(SEED));
        int checked = 0;
        for (int j = 0; j < s.dim(); j++) {
            double[] col = x.column(j);
            double var = Vec.dot(col, col) / m;
            assertEquals(s.get(j), var, 4 * Math.sqrt(2.0 / m) * s.get(j), "column " + j);
            checked++;
        }
        // distinct columns are uncorrelated: |corr| ≲ 4/√m
        double[] a = x.column(0), b = x.column(3);
        assertEquals(0.0, Vec.dot(a, b) / m / Math.sqrt(s.get(0) * s.get(3)), 4 / Math.sqrt(m));
        assertEquals(5, checked);
    }

    @Test
    void drawIsReproducibleAndNoiseHasTheRequestedScale() {
        Spectrum s = Spectrum.isotropic(4, 1.0);
        double[] truth = {1, 0, -1, 0};
        Regression a = SpikedCovariance.draw(s, 5000, truth, 0.5, new Rng(SEED));
        Regression b = SpikedCovariance.draw(s, 5000, truth, 0.5, new Rng(SEED));
        assertArrayEquals(a.y(), b.y(), 0);
        double[] resid = Vec.sub(a.y(), theorycheck.linalg.Ops.gemv(a.x(), truth, null));
        assertEquals(0.25, Vec.dot(resid, resid) / 5000, 4 * 0.25 * Math.sqrt(2.0 / 5000));
    }

    @Test
    void excessRiskIsTheSigmaNorm() {
        double[] lambda = {4, 1, 0.25};
        // (θ − θ*) = (1, 2, −4): 4·1 + 1·4 + 0.25·16 = 12
        assertEquals(12.0, SpikedCovariance.excessRisk(lambda, new double[] {2, 2, -4}, new double[] {1, 0, 0}), 0);
    }

    @Test
    void excessRiskMatchesAMonteCarloTestSet() {
        // E(xᵀθ − xᵀθ*)² estimated on 40000 fresh points: within 4 standard errors (√2·R/√N).
        Spectrum s = Spectrum.spiked(2, 1.0, 30, 3.0);
        Rng rng = new Rng(SEED + 1);
        double[] theta = rng.gaussianVector(32, 1.0);
        double[] truth = SpikedCovariance.truthOnTop(32, 2, 1.0, rng.split());
        double exact = SpikedCovariance.excessRisk(s, theta, truth);
        int n = 40_000;
        Mat x = SpikedCovariance.design(s, n, rng.split());
        double[] d = theorycheck.linalg.Ops.gemv(x, Vec.sub(theta, truth), null);
        double mc = Vec.dot(d, d) / n;
        assertEquals(exact, mc, 4 * Math.sqrt(2.0) * exact / Math.sqrt(n));
    }

    @Test
    void truthOnTopHasTheRequestedNormAndSupport() {
        double[] t = SpikedCovariance.truthOnTop(10, 3, 2.0, new Rng(SEED));
        assertEquals(2.0, Vec.norm2(t), 1e-12);
        for (int i = 3; i < 10; i++) {
            assertEquals(0.0, t[i], 0);
        }
    }
}
