package theorycheck.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.data.Spectrum;
import theorycheck.data.SpikedCovariance;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class WeightedMinNormTest {
    private static final long SEED = 20261122L;
    /** Gaussian 8×30 designs: κ(XXᵀ) ≲ 50, so routes agree to ~κ·ε·100 relative. */
    private static final double REL_TOL = 1e-11;

    @Test
    void minNormEqualsTheSvdPseudoinverse() {
        Rng rng = new Rng(SEED);
        Mat x = RandomDesigns.gaussian(8, 30, 1.0, rng.split());
        double[] y = rng.split().gaussianVector(8, 1.0);
        assertThat(Vec.relativeError(WeightedMinNorm.minNorm(x, y), MinNorm.solve(x, y), 1e-300),
                lessThanOrEqualTo(REL_TOL));
    }

    @Test
    void minNormOnASpikedDesignEqualsTheSvdPseudoinverse() {
        // A spike-plus-tail design is worse conditioned (κ(XXᵀ) ~ m·λ₁/tail mass ≈ 10³).
        Rng rng = new Rng(SEED + 1);
        Mat x = SpikedCovariance.design(Spectrum.spiked(3, 1.0, 200, 1.0), 40, rng.split());
        double[] y = rng.split().gaussianVector(40, 1.0);
        assertThat(Vec.relativeError(WeightedMinNorm.minNorm(x, y), MinNorm.solve(x, y), 1e-300),
                lessThanOrEqualTo(1e-9));
    }

    @Test
    void withAStartItEqualsTheClosestInterpolant() {
        Rng rng = new Rng(SEED + 2);
        Mat x = RandomDesigns.gaussian(8, 30, 1.0, rng.split());
        double[] y = rng.split().gaussianVector(8, 1.0);
        double[] w0 = rng.split().gaussianVector(30, 3.0);
        assertThat(Vec.relativeError(WeightedMinNorm.solve(x, y, null, w0), MinNorm.closestInterpolant(x, y, w0), 1e-300),
                lessThanOrEqualTo(REL_TOL));
    }

    @Test
    void weightedEqualsAChangeOfVariablesThroughTheSvd() {
        // θ − θ₀ = D^{-1/2} u with u = (X D^{-1/2})⁺ (y − Xθ₀): an independent route.
        Rng rng = new Rng(SEED + 3);
        Mat x = RandomDesigns.gaussian(8, 30, 1.0, rng.split());
        double[] y = rng.split().gaussianVector(8, 1.0);
        double[] w0 = rng.split().gaussianVector(30, 1.0);
        double[] d = new double[30];
        Rng dr = rng.split();
        for (int j = 0; j < 30; j++) {
            d[j] = dr.logUniform(0.01, 100);
        }
        Mat xs = x.copy();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 30; j++) {
                xs.set(i, j, x.get(i, j) / Math.sqrt(d[j]));
            }
        }
        double[] u = MinNorm.solve(xs, Vec.sub(y, Ops.gemv(x, w0, null)));
        double[] expected = new double[30];
        for (int j = 0; j < 30; j++) {
            expected[j] = w0[j] + u[j] / Math.sqrt(d[j]);
        }
        double[] got = WeightedMinNorm.solve(x, y, d, w0);
        assertThat(Vec.relativeError(got, expected, 1e-300), lessThanOrEqualTo(1e-9));
        assertThat(Vec.distance(Ops.gemv(x, got, null), y), lessThanOrEqualTo(1e-10));
    }

    @Test
    void noOtherInterpolantHasASmallerWeightedDistance() {
        Rng rng = new Rng(SEED + 4);
        Mat x = RandomDesigns.gaussian(5, 12, 1.0, rng.split());
        double[] y = rng.split().gaussianVector(5, 1.0);
        double[] d = new double[12];
        for (int j = 0; j < 12; j++) {
            d[j] = 1 + j;
        }
        double[] best = WeightedMinNorm.solve(x, y, d, null);
        double bestCost = weighted(best, d);
        Rng dirs = rng.split();
        int compared = 0;
        for (int k = 0; k < 30; k++) {
            double[] other = Vec.add(best, MinNorm.projectNullSpace(x, dirs.gaussianVector(12, 0.3)));
            assertThat(bestCost, lessThanOrEqualTo(weighted(other, d)));
            compared++;
        }
        assertEquals(30, compared);
    }

    @Test
    void rejectsNonPositiveWeights() {
        Mat x = RandomDesigns.gaussian(2, 4, 1.0, new Rng(SEED));
        assertMessage("weight 1 must be finite and > 0, got 0.0",
                () -> WeightedMinNorm.solve(x, new double[2], new double[] {1, 0, 1, 1}, null));
        // an infinite weight would silently drop its coordinate from the problem
        assertMessage("weight 2 must be finite and > 0, got Infinity",
                () -> WeightedMinNorm.solve(x, new double[2], new double[] {1, 1, Double.POSITIVE_INFINITY, 1}, null));
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        Mat x = RandomDesigns.gaussian(2, 4, 1.0, new Rng(SEED));
        assertMessage("y has length 3, X is 2x4", () -> WeightedMinNorm.solve(x, new double[3], null, null));
        assertMessage("weights and θ₀ must have length 4",
                () -> WeightedMinNorm.solve(x, new double[2], new double[] {1, 1, 1, 1, 1}, null));
        assertMessage("weights and θ₀ must have length 4",
                () -> WeightedMinNorm.solve(x, new double[2], new double[] {1, 1, 1}, null));
        assertMessage("weights and θ₀ must have length 4", () -> WeightedMinNorm.solve(x, new double[2], null, new double[5]));
        assertMessage("weights and θ₀ must have length 4", () -> WeightedMinNorm.solve(x, new double[2], null, new double[3]));
    }


    private static double weighted(double[] v, double[] d) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += d[j] * v[j] * v[j];
        }
        return s;
    }
}
