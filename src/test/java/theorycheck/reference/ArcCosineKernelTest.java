package theorycheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.measure.TangentKernel;
import theorycheck.model.TwoLayerNtkNet;

class ArcCosineKernelTest {

    @Test
    void closedFormsAtZeroAndRightAngles() {
        double[] x = {3, 4};
        // θ = 0: output part ‖x‖²/2, first-layer part ‖x‖²/2
        assertEquals(12.5, ArcCosineKernel.value(x, x, ArcCosineKernel.Part.OUTPUT_ONLY), 1e-12);
        assertEquals(25.0, ArcCosineKernel.value(x, x, ArcCosineKernel.Part.BOTH), 1e-12);
        // θ = π/2: output part ‖x‖‖x'‖/2π, first-layer part 0
        double[] xp = {-4, 3};
        assertEquals(25 / (2 * Math.PI), ArcCosineKernel.value(x, xp, ArcCosineKernel.Part.BOTH), 1e-12);
        // θ = π: both parts 0
        assertEquals(0.0, ArcCosineKernel.value(x, new double[] {-3, -4}, ArcCosineKernel.Part.BOTH), 1e-12);
        // a zero input: every feature of it is 0 (ReLU(⟨w, 0⟩) = 0), so the kernel is 0, not 0/0
        assertEquals(0.0, ArcCosineKernel.value(new double[2], x, ArcCosineKernel.Part.BOTH), 0.0);
        assertEquals(0.0, ArcCosineKernel.value(x, new double[2], ArcCosineKernel.Part.OUTPUT_ONLY), 0.0);
    }

    /**
     * The empirical tangent kernel of the NTK-parametrized net at width k is an average of k i.i.d.
     * terms, so it matches Θ∞ up to O(1/√k) Monte Carlo error: at k = 40000 a few times 1/200.
     */
    @Test
    void matchesEmpiricalTangentKernelAtLargeWidth() {
        Rng rng = new Rng(11);
        int d = 3;
        Mat x = new Mat(4, d, rng.gaussianVector(4 * d, 1.0));
        TwoLayerNtkNet net = new TwoLayerNtkNet(d, 40000);
        Mat emp = TangentKernel.gram(net, net.initialize(rng), x, x);
        Mat exact = ArcCosineKernel.gram(x, x, ArcCosineKernel.Part.BOTH);
        double scale = 0;
        for (int i = 0; i < 4; i++) {
            scale = Math.max(scale, exact.get(i, i));
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(exact.get(i, j), emp.get(i, j), 0.03 * scale, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void outputOnlyPartMatchesMonteCarloFeatures() {
        Rng rng = new Rng(5);
        double[] x = {1.0, -0.5, 2.0};
        double[] xp = {0.3, 1.2, 0.7};
        int n = 400000;
        double s = 0;
        for (int t = 0; t < n; t++) {
            double zx = 0, zp = 0;
            for (int q = 0; q < 3; q++) {
                double w = rng.gaussian();
                zx += w * x[q];
                zp += w * xp[q];
            }
            s += Math.max(zx, 0) * Math.max(zp, 0);
        }
        double exact = ArcCosineKernel.value(x, xp, ArcCosineKernel.Part.OUTPUT_ONLY);
        assertEquals(exact, s / n, 0.01 * exact + 0.01);
    }
}
