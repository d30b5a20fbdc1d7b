package theorycheck.optim;

/**
 * Lion (EvoLved Sign Momentum; Chen et al. 2023, Algorithm 2), m₀ = 0:
 * c ← β₁m + (1−β₁)g; θ ← θ − η(sign(c) + λθ); m ← β₂m + (1−β₂)g.
 *
 * <p>The update direction interpolates with β₁ but the momentum is tracked with β₂; with
 * β₁ = β₂ = 0 and λ = 0 Lion is {@link SteepestDescent#signGd sign descent}. The decoupled weight
 * decay λθ uses θ before the step. sign(0) = 0, so a coordinate with c = 0 moves only by weight
 * decay. The paper's defaults are β₁ = 0.9, β₂ = 0.99 ({@link #withDefaults}).
 *
 * @see "X. Chen et al., Symbolic discovery of optimization algorithms, NeurIPS 2023"
 */
public record Lion(double lr, double beta1, double beta2, double weightDecay) implements Optimizer {
    public Lion {
        Hyper.positive("lr", lr);
        Hyper.unitInterval("beta1", beta1);
        Hyper.unitInterval("beta2", beta2);
        Hyper.nonNegative("weight_decay", weightDecay);
    }

    /** β₁ = 0.9, β₂ = 0.99, λ = 0. */
    public static Lion withDefaults(double lr) {
        return new Lion(lr, 0.9, 0.99, 0.0);
    }

    @Override
    public String describe() {
        return "lion(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2
                + (weightDecay == 0 ? "" : ", weight_decay=" + weightDecay) + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] m = new double[dim];
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                double c = beta1 * m[i] + (1 - beta1) * g[i];
                theta[i] -= lr * (Math.signum(c) + weightDecay * theta[i]);
                m[i] = beta2 * m[i] + (1 - beta2) * g[i];
            }
        };
    }
}
