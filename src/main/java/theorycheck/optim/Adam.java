package theorycheck.optim;

/**
 * Adam with bias correction (Kingma &amp; Ba 2015, Algorithm 1):
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η_t · m̂ / (√v̂ + ε),
 * m̂ = m/(1−β₁^{t+1}), v̂ = v/(1−β₂^{t+1}). The step η_t = lr / (t+1)^{decay} ({@code decay = 0}:
 * constant step). ε = 0 is allowed; a coordinate whose v̂ is 0 then takes no step.
 *
 * @see "D. P. Kingma, J. Ba, Adam: A method for stochastic optimization, ICLR 2015"
 */
public record Adam(double lr, double beta1, double beta2, double eps, double decay) implements Optimizer {
    public Adam {
        Hyper.positive("lr", lr);
        Hyper.unitInterval("beta1", beta1);
        Hyper.unitInterval("beta2", beta2);
        Hyper.nonNegative("eps", eps);
        Hyper.nonNegative("decay", decay);
    }

    /** The common defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8, constant step. */
    public static Adam withDefaults(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8, 0.0);
    }

    @Override
    public String describe() {
        return "adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps
                + (decay == 0 ? "" : ", decay=" + decay) + ")";
    }

    @Override
    public Stepper start(int dim) {
        double[] m = new double[dim];
        double[] v = new double[dim];
        return (theta, g, t) -> {
            double c1 = 1 - StrictMath.pow(beta1, t + 1);
            double c2 = 1 - StrictMath.pow(beta2, t + 1);
            double step = decay == 0 ? lr : lr / StrictMath.pow(t + 1, decay);
            for (int i = 0; i < theta.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double denom = Math.sqrt(v[i] / c2) + eps;
                if (denom > 0) {
                    theta[i] -= step * (m[i] / c1) / denom;
                }
            }
        };
    }
}
