package theorycheck.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import theorycheck.linalg.Mat;

class EffectiveRankTest {

    @Test
    void equalSingularValuesGiveTheirCount() {
        assertEquals(3.0, EffectiveRank.entropy(new double[] {2, 2, 2, 0, 0}), 1e-12);
        assertEquals(1.0, EffectiveRank.entropy(new double[] {5, 0, 0}), 1e-12);
    }

    @Test
    void entropyMatchesHandComputation() {
        // p = (3/4, 1/4): H = −(3/4)ln(3/4) − (1/4)ln(1/4)
        double h = -0.75 * Math.log(0.75) - 0.25 * Math.log(0.25);
        assertEquals(Math.exp(h), EffectiveRank.entropy(new double[] {3, 1}), 1e-12);
    }

    @Test
    void matrixVersionUsesSingularValues() {
        // diag(3, −1) has singular values 3, 1.
        Mat a = new Mat(2, 2, new double[] {3, 0, 0, -1});
        assertEquals(EffectiveRank.entropy(new double[] {3, 1}), EffectiveRank.entropy(a), 1e-12);
    }

    @Test
    void numericalRankIsStrictlyAboveTheThresholdAndScaleFree() {
        // σ = 8, 4, 2, 1 at τ = ½: the cut is τ·σ₁ = 4, and 4 itself is not above it
        double[] sigma = {8, 4, 2, 1};
        assertEquals(1, EffectiveRank.numerical(sigma, 0.5));
        assertEquals(2, EffectiveRank.numerical(sigma, 0.25));
        // the count depends on σ/σ₁ only: the same spectrum ×1000 has the same numerical rank at every τ
        double[] big = {8000, 4000, 2000, 1000};
        for (double tau : new double[] {0.1, 0.2, 0.3, 0.6}) {
            assertEquals(EffectiveRank.numerical(sigma, tau), EffectiveRank.numerical(big, tau), "τ=" + tau);
        }
        assertEquals(3, EffectiveRank.numerical(big, 0.2));
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.numerical(sigma, 0.0));
    }

    @Test
    void entropyRejectsWhatIsNotASingularValue() {
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.entropy(new double[] {2, -1}));
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.entropy(new double[] {Double.POSITIVE_INFINITY, 1}));
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.entropy(new double[] {Double.NaN, 1}));
    }

    @Test
    void numericalRankCountsAboveRelativeThreshold() {
        assertEquals(2, EffectiveRank.numerical(new double[] {1, 0.01, 1e-4}, 1e-3));
        assertEquals(1, EffectiveRank.numerical(new double[] {1, 0.01, 1e-4}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.numerical(new double[] {1}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> EffectiveRank.entropy(new double[] {0, 0}));
    }
}
