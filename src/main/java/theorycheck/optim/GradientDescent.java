package theorycheck.optim;

/** θ ← θ − η g. With mini-batch gradients this is SGD; {@link #with} takes a step rule in place of η. */
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

    /** θ ← θ − η_t g with η_t from {@code step}, asked once per step before the update. */
    public static Optimizer with(StepSize step, String description) {
        return new Optimizer() {
            @Override
            public String describe() {
                return "gd(" + description + ")";
            }

            @Override
            public Stepper start(int dim) {
                return (theta, g, t) -> {
                    double eta = step.at(t, theta, g);
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] -= eta * g[i];
                    }
                };
            }
        };
    }
}
