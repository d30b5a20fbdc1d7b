package theorycheck.optim;

/**
 * Nesterov momentum in the form used by PyTorch and Sutskever et al. (2013), which needs the
 * gradient at the current iterate only: b ← β b + g; θ ← θ − η (g + β b), b₀ = 0.
 *
 * @see "Sutskever, Martens, Dahl, Hinton, On the importance of initialization and momentum, ICML 2013"
 */
public record Nesterov(double lr, double beta) implements Optimizer {
    public Nesterov {
        Hyper.positive("lr", lr);
        Hyper.unitInterval("beta", beta);
    }

    @Override
    public String describe() {
        return "nesterov(lr=" + lr + ", beta=" + beta + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] b = new double[dim];
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                b[i] = beta * b[i] + g[i];
                theta[i] -= lr * (g[i] + beta * b[i]);
            }
        };
    }
}
