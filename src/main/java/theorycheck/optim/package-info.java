/**
 * First-order optimizers. An {@link theorycheck.optim.Optimizer} is an immutable configuration;
 * {@link theorycheck.optim.Optimizer#start(int)} returns a fresh {@link theorycheck.optim.Stepper}
 * that holds the state (momentum, moment estimates) of one run.
 *
 * <p>Call order of a run: {@code stepper = optimizer.start(dim)}; then for t = 0, 1, …:
 * compute g = ∇L_B(θ) at the current θ, and call {@code stepper.step(θ, g, t)}, which updates θ
 * in place. Mini-batch sampling is the training loop's business, not the optimizer's: "SGD" is
 * {@link GradientDescent} fed mini-batch gradients.
 *
 * <p>An update that evaluates the loss elsewhere too ({@link theorycheck.optim.Sam}'s gradient at
 * θ + ε) is a {@link theorycheck.optim.BatchGradientStepper}: before each step the loop hands it a
 * {@link theorycheck.optim.BatchGradient} for the same mini-batch.
 */
package theorycheck.optim;
