package theorycheck.claims.minnorm;

import theorycheck.data.Rng;
import theorycheck.optim.Optimizer;

/**
 * Heavy-ball whose velocity starts at v₀ ~ N(0, std²I) instead of 0 — as when a run is resumed
 * with the velocity of another problem. v₀ has a null-space part that no gradient removes, so
 * the limit moves by β/(1−β)·P_null v₀: the mechanism of book.A.16-ls, broken on purpose.
 */
record WarmVelocityHeavyBall(double lr, double beta, double std, long seed) implements Optimizer {
    @Override
    public String describe() {
        return "heavy-ball(lr=" + lr + ", beta=" + beta + ", v0~N(0," + std + "² I))";
    }

    @Override
    public theorycheck.optim.Stepper start(int dim) {
        double[] v = Rng.stream(seed, "warm-velocity").gaussianVector(dim, std);
        return (theta, g, t) -> {
            for (int i = 0; i < theta.length; i++) {
                v[i] = beta * v[i] - lr * g[i];
                theta[i] += v[i];
            }
        };
    }
}
