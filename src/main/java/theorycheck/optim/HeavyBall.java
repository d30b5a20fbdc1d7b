package theorycheck.optim;

/**
 * Polyak heavy-ball momentum: v ← β v − η g; θ ← θ + v (v₀ = 0), i.e.
 * θ_{t+1} = θ_t − η g_t + β(θ_t − θ_{t−1}).
 *
 * @see "B. T. Polyak, Some methods of speeding up the convergence of iteration methods, 1964"
 */
public record HeavyBall(double lr, double beta) implements Optimizer {
    public HeavyBall {
        Hyper.positive("lr", lr);
        Hyper.unitInterval("beta", beta);
    }

    @Override
    public String describe() {
        return "heavy-ball(lr=" + lr + ", beta=" + beta + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] v = new double[dim];
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                v[i] = beta * v[i] - lr * g[i];
                theta[i] += v[i];
            }
        };
    }
}
