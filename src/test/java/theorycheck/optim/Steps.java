package theorycheck.optim;

/** Drives a fresh stepper through fixed gradients, for hand-checked update rules. */
final class Steps {
    /** θ₀ = (1, −2) for every update-rule test. */
    static final double[] THETA0 = {1.0, -2.0};
    /** g₀, g₁, g₂: fixed gradients, chosen with different signs and scales per coordinate. */
    static final double[][] GRADS = {{0.5, -1.0}, {2.0, 0.25}, {-1.0, 1.0}};

    private Steps() {
    }

    /** θ after each of the first {@code steps} updates (row t is θ_{t+1}); THETA0 not modified. */
    static double[][] run(Optimizer optimizer, int steps) {
        return run(optimizer, THETA0, GRADS, steps);
    }

    static double[][] run(Optimizer optimizer, double[] theta0, double[][] grads, int steps) {
        Stepper s = optimizer.start(theta0.length);
        double[] theta = theta0.clone();
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            s.step(theta, grads[t].clone(), t);
            out[t] = theta.clone();
        }
        return out;
    }
}
