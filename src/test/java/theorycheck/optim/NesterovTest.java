package theorycheck.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class NesterovTest {
    /** Hand-computed decimal values; a few roundings separate them from the double result. */
    private static final double TOL = 1e-15;

    @Test
    void threeStepsByHand() {
        // lr = 0.1, β = 0.9, b₀ = 0 (PyTorch form: b ← βb + g; θ ← θ − η(g + βb)):
        // b₁ = (0.5, −1);      θ₁ = (1, −2) − 0.1·(0.5 + 0.45, −1 − 0.9) = (0.905, −1.81)
        // b₂ = (2.45, −0.65);  θ₂ = θ₁ − 0.1·(2 + 2.205, 0.25 − 0.585) = (0.4845, −1.7765)
        // b₃ = (1.205, 0.415); θ₃ = θ₂ − 0.1·(−1 + 1.0845, 1 + 0.3735) = (0.47605, −1.91385)
        double[][] th = Steps.run(new Nesterov(0.1, 0.9), 3);
        assertArrayEquals(new double[] {0.905, -1.81}, th[0], TOL);
        assertArrayEquals(new double[] {0.4845, -1.7765}, th[1], TOL);
        assertArrayEquals(new double[] {0.47605, -1.91385}, th[2], TOL);
    }

    @Test
    void betaZeroIsGradientDescent() {
        double[][] nag = Steps.run(new Nesterov(0.1, 0.0), 3);
        double[][] gd = Steps.run(new GradientDescent(0.1), 3);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(gd[t], nag[t], 0.0);
        }
    }
}
