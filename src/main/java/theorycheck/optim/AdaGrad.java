package theorycheck.optim;

/**
 * AdaGrad (diagonal): s ← s + g²; θ ← θ − η g / (√s + ε).
 *
 * @see "J. Duchi, E. Hazan, Y. Singer, Adaptive subgradient methods, JMLR 2011"
 */
public record AdaGrad(double lr, double eps) implements Optimizer {
    public AdaGrad {
        Hyper.positive("lr", lr);
        Hyper.nonNegative("eps", eps);
    }

    @Override
    public String describe() {
        return "adagrad(lr=" + lr + ", eps=" + eps + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] s = new double[dim];
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                s[i] += g[i] * g[i];
                double denom = Math.sqrt(s[i]) + eps;
                if (denom > 0) {
                    theta[i] -= lr * g[i] / denom;
                }
            }
        };
    }
}
