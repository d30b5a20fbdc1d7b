package theorycheck.loss;

/** L(θ) + (λ/2)‖θ‖²: an objective with an explicit ℓ2 penalty. */
public final class RidgePenalty implements Objective {
    private final Objective base;
    private final double lambda;

    public RidgePenalty(Objective base, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge λ must be finite and ≥ 0, got " + lambda);
        }
        this.base = base;
        this.lambda = lambda;
    }

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public int examples() {
        return base.examples();
    }

    @Override
    public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        double v = base.valueAndGradient(theta, batch, grad);
        double sq = 0;
        for (int i = 0; i < theta.length; i++) {
            sq += theta[i] * theta[i];
            if (grad != null) {
                grad[i] += lambda * theta[i];
            }
        }
        return v + 0.5 * lambda * sq;
    }
}
