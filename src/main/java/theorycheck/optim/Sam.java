package theorycheck.optim;

/**
 * Sharpness-aware minimization (SAM) with the ℓ2 neighbourhood: for the step's mini-batch loss L_B,
 *
 * <pre>
 *   ε_t = ρ · g_t / ‖g_t‖₂,   g_t = ∇L_B(θ_t)
 *   θ_{t+1} = θ_t − η · ∇L_B(θ_t + ε_t)
 * </pre>
 *
 * the first-order solution of min_θ max_{‖ε‖≤ρ} L_B(θ + ε) (ε = 0 when g_t = 0). ρ = 0 is plain
 * (S)GD. Each step costs a second gradient on the same batch, which the stepper asks for through
 * the {@link BatchGradient} it must be given before every step (the trainer does this).
 *
 * <p>Call order per step: {@code useBatchGradient(oracle)}, then {@code step(θ, g, t)} with
 * g = ∇L_B(θ); the stepper calls {@code oracle.at(θ + ε, ·)} once.
 *
 * @see "P. Foret, A. Kleiner, H. Mobahi, B. Neyshabur, Sharpness-aware minimization for efficiently improving generalization, ICLR 2021"
 */
public record Sam(double lr, double rho) implements Optimizer {
    /** Foret et al.'s neighbourhood radius for CIFAR-10, used when a claim file names none. */
    public static final double DEFAULT_RHO = 0.05;

    public Sam {
        Hyper.positive("lr", lr);
        Hyper.nonNegative("rho", rho);
    }

    @Override
    public String describe() {
        return "sam(lr=" + lr + ", rho=" + rho + ")";
    }

    @Override
    public BatchGradientStepper start(int dim) {
        return new BatchGradientStepper() {
            private final double[] perturbed = new double[dim];
            private final double[] sharpGrad = new double[dim];
            private BatchGradient oracle;

            @Override
            public void useBatchGradient(BatchGradient gradient) {
                this.oracle = gradient;
            }

            @Override
            public void step(double[] theta, double[] grad, long t) {
                if (oracle == null) {
                    throw new IllegalStateException("SAM needs the step's batch gradient at θ + ε: call "
                            + "useBatchGradient before step (Trainer does)");
                }
                double norm = 0;
                for (double g : grad) {
                    norm += g * g;
                }
                norm = Math.sqrt(norm);
                double s = norm > 0 ? rho / norm : 0.0;
                for (int i = 0; i < dim; i++) {
                    perturbed[i] = theta[i] + s * grad[i];
                }
                oracle.at(perturbed, sharpGrad);
                for (int i = 0; i < dim; i++) {
                    theta[i] -= lr * sharpGrad[i];
                }
            }
        };
    }
}
