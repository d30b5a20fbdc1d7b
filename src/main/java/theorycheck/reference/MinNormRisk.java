package theorycheck.reference;

/**
 * Closed-form risk of the minimum-norm least-squares estimator θ̂ = X⁺y under isotropic Gaussian
 * design, and the book's approximation of it.
 *
 * <p>Model and notation (the book's, Theorem 1.6): m training examples, n features, rows of X
 * i.i.d. N(0, I_n), y = Xβ + ε with ε ~ N(0, σ²I_m) independent of X, and ‖β‖² = r². For a fresh
 * example (x, y) from the same model, the <em>test MSE</em> of an estimate θ̂ is
 *
 * <pre>
 *   E_{x,ε}[(y − xᵀθ̂)²] = σ² + ‖θ̂ − β‖²,
 * </pre>
 *
 * and the <em>excess risk</em> is ‖θ̂ − β‖² (the test MSE minus the irreducible σ²). The methods
 * here give their expectations over X and ε; "TestMse" methods include the σ², "Excess" ones do not.
 *
 * <p>Exact finite-sample expectation (Belkin, Hsu, Xu, "Two models of double descent for weak
 * features", SIAM J. Math. Data Sci. 2020, Theorem 1, with all features in the model): θ̂ − β =
 * −(I − P)β + X⁺ε with P the projection onto the row space of X, a uniformly random
 * min(m, n)-dimensional subspace, and E‖X⁺ε‖² = σ² E tr((XXᵀ)⁻¹) (inverse-Wishart mean), so
 *
 * <pre>
 *   n ≤ m − 2:      E‖θ̂ − β‖² = σ² n/(m − n − 1)
 *   |n − m| ≤ 1:    E‖θ̂ − β‖² = ∞                    (for σ &gt; 0)
 *   n ≥ m + 2:      E‖θ̂ − β‖² = r²(1 − m/n) + σ² m/(n − m − 1)
 * </pre>
 *
 * <p>Proportional limit (Hastie, Montanari, Rosset, Tibshirani, "Surprises in high-dimensional
 * ridgeless least squares interpolation", Ann. Statist. 2022, isotropic features), γ = n/m fixed as
 * m → ∞: excess → σ²γ/(1 − γ) for γ &lt; 1 and r²(1 − 1/γ) + σ²/(γ − 1) for γ &gt; 1. The finite-sample
 * formula tends to it: m/(n − m − 1) → 1/(γ − 1) and n/(m − n − 1) → γ/(1 − γ).
 */
public final class MinNormRisk {
    private MinNormRisk() {
    }

    /**
     * E tr(G⁻¹) for the Gram matrix G = XXᵀ (n ≥ m) or XᵀX (n ≤ m) of an m×n standard Gaussian X:
     * min(m, n)/(|n − m| − 1) when |n − m| ≥ 2, +∞ otherwise (inverse-Wishart mean).
     */
    public static double expectedTraceInverseGram(int m, int n) {
        checkSizes(m, n);
        int gap = Math.abs(n - m);
        return gap <= 1 ? Double.POSITIVE_INFINITY : (double) Math.min(m, n) / (gap - 1);
    }

    /**
     * E‖X⁺y − β‖², the exact expected excess risk (Belkin–Hsu–Xu; see the class comment).
     *
     * @param m examples, ≥ 1
     * @param n features, ≥ 1
     * @param signalSq r² = ‖β‖², ≥ 0
     * @param noiseVar σ², ≥ 0
     * @return +∞ for |n − m| ≤ 1 and σ² &gt; 0
     */
    public static double expectedExcess(int m, int n, double signalSq, double noiseVar) {
        checkSizes(m, n);
        checkNonNegative(signalSq, "signalSq");
        checkNonNegative(noiseVar, "noiseVar");
        double bias = n > m ? signalSq * (1.0 - (double) m / n) : 0.0;
        double variance = noiseVar == 0 ? 0.0 : noiseVar * expectedTraceInverseGram(m, n);
        return bias + variance;
    }

    /** σ² + {@link #expectedExcess}: the exact expected test MSE. */
    public static double expectedTestMse(int m, int n, double signalSq, double noiseVar) {
        return noiseVar + expectedExcess(m, n, signalSq, noiseVar);
    }

    /**
     * The proportional-limit excess risk of Hastie et al. at γ = n/m: σ²γ/(1 − γ) for γ &lt; 1,
     * r²(1 − 1/γ) + σ²/(γ − 1) for γ &gt; 1, +∞ at γ = 1 (σ² &gt; 0).
     */
    public static double asymptoticExcess(double gamma, double signalSq, double noiseVar) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("γ = n/m must be finite and > 0, got " + gamma);
        }
        checkNonNegative(signalSq, "signalSq");
        checkNonNegative(noiseVar, "noiseVar");
        if (gamma < 1) {
            return noiseVar * gamma / (1 - gamma);
        }
        double bias = signalSq * (1 - 1 / gamma);
        if (gamma == 1) {
            return noiseVar == 0 ? bias : Double.POSITIVE_INFINITY;
        }
        return bias + noiseVar / (gamma - 1);
    }

    /**
     * The book's Theorem 1.6, step 6: E[ℓ_test] ≈ σ²/(n − m) + σ², a test MSE (it includes the σ²).
     * Returned as written for every n ≠ m (for n &lt; m it is below σ², which no estimator attains).
     *
     * @throws IllegalArgumentException at n = m, where the formula divides by zero
     */
    public static double bookTestMse(int m, int n, double noiseVar) {
        checkSizes(m, n);
        checkNonNegative(noiseVar, "noiseVar");
        if (n == m) {
            throw new IllegalArgumentException("the book's formula σ²/(n − m) + σ² is undefined at n = m = " + m);
        }
        return noiseVar / (n - m) + noiseVar;
    }

    private static void checkSizes(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("need m ≥ 1 examples and n ≥ 1 features, got m=" + m + " n=" + n);
        }
    }

    private static void checkNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + v);
        }
    }
}
