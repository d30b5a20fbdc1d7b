package theorycheck.optim;

/** θ ← θ − η g. With mini-batch gradients this is SGD. */
public record GradientDescent(double lr) implements Optimizer {
    public GradientDescent {
        Hyper.positive("lr", lr);
    }

    @Override
    public String describe() {
        return "gd(lr=" + lr + ")";
    }

    @Override
    public Stepper start(int dim) {
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= lr * g[i];
            }
        };
    }
}
