package theorycheck.reference;

/**
 * Closed-form stability and generalization bounds, with the constants of the papers they come from.
 *
 * <p>Bousquet &amp; Elisseeff (2002, JMLR 2:499–526) use the objective (1/m)Σ ℓ(f, zᵢ) + λ_BE‖f‖²_k
 * and define uniform stability β by <em>removal</em> of one example:
 * sup_{S,i,z} |ℓ(A_S, z) − ℓ(A_{S\i}, z)| ≤ β. Replacing an example moves the loss by at most 2β
 * (triangle inequality through S\i). Every λ below is λ_BE; the project's objectives carry (λ/2)‖w‖²
 * with the loss of {@link Ridge} (½ squared) or {@link RegularizedLogistic} (logistic): for ridge
 * judged with B&amp;E's loss (f − y)², λ_BE = λ; for logistic, λ_BE = λ/2.
 */
public final class StabilityBounds {
    private StabilityBounds() {
    }

    /**
     * B&amp;E Theorem 22: a σ-admissible loss with kernel bounded by κ² gives removal stability
     * β ≤ σ²κ²/(2λ_BE·m).
     */
    public static double removalBeta(double sigma, double kappa, double lambdaBE, int m) {
        return sigma * sigma * kappa * kappa / (2 * lambdaBE * m);
    }

    /**
     * Square loss (f(x) − y)² with |y| ≤ B and ‖x‖ ≤ κ: the minimizer has λ_BE‖w‖² ≤ B² (compare
     * with w = 0), so |f(x)| ≤ κB/√λ_BE and the loss is σ-admissible with σ = 2B(1 + κ/√λ_BE).
     */
    public static double squareLossSigma(double labelBound, double kappa, double lambdaBE) {
        return 2 * labelBound * (1 + kappa / Math.sqrt(lambdaBE));
    }

    /** Square loss bound on the same outputs: M = B²(1 + κ/√λ_BE)². */
    public static double squareLossBound(double labelBound, double kappa, double lambdaBE) {
        double r = labelBound * (1 + kappa / Math.sqrt(lambdaBE));
        return r * r;
    }

    /**
     * B&amp;E Theorem 12: with removal stability β and 0 ≤ ℓ ≤ M, with probability ≥ 1 − δ,
     * R ≤ R_emp + 2β + (4mβ + M)√(ln(1/δ)/(2m)). Returns the right-hand side.
     */
    public static double bousquetElisseeff(double empiricalRisk, double beta, double lossBound, int m, double delta) {
        return empiricalRisk + 2 * beta + (4 * m * beta + lossBound) * Math.sqrt(Math.log(1 / delta) / (2.0 * m));
    }

    /**
     * The explicit form at the end of the proof of Theorem 1.4 in the book (Chapter 11, step 4):
     * R ≤ R_emp + c·ε + L√(ln(1/δ)/(2m)), with ε the book's (replace-one) uniform stability and L the
     * loss bound; c = 1 there and c = 2 in exercise B.2.
     */
    public static double bookStability(double empiricalRisk, double epsilon, double c, double lossBound, int m,
            double delta) {
        return empiricalRisk + c * epsilon + lossBound * Math.sqrt(Math.log(1 / delta) / (2.0 * m));
    }

    /**
     * Hardt, Recht &amp; Singer (2016) Theorem 3.7: SGD on a convex, L-Lipschitz, β-smooth loss with
     * steps α_t ≤ 2/β is uniformly stable with ε ≤ (2L²/m) Σ_t α_t.
     */
    public static double hardtSgd(double lipschitz, double sumOfSteps, int m) {
        return 2 * lipschitz * lipschitz * sumOfSteps / m;
    }
}
