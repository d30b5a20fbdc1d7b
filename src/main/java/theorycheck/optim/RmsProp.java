package theorycheck.optim;

/**
 * RMSProp: v ← ρ v + (1−ρ) g²; θ ← θ − η g / (√v + ε), v₀ = 0.
 *
 * @see "T. Tieleman, G. Hinton, Lecture 6.5 — RMSProp, COURSERA: Neural Networks for Machine Learning, 2012"
 */
public record RmsProp(double lr, double rho, double eps) implements Optimizer {
    public RmsProp {
        Hyper.positive("lr", lr);
        Hyper.unitInterval("rho", rho);
        Hyper.nonNegative("eps", eps);
    }

    @Override
    public String describe() {
        return "rmsprop(lr=" + lr + ", rho=" + rho + ", eps=" + eps + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] v = new double[dim];
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                double denom = Math.sqrt(v[i]) + eps;
                if (denom > 0) {
                    theta[i] -= lr * g[i] / denom;
                }
            }
        };
    }
}
