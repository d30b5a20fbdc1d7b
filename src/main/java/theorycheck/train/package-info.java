/**
 * The training loop: mini-batch sampling, stopping rules, divergence detection and trajectory
 * recording. Divergence (non-finite values or a loss blow-up) ends a run with a recorded
 * {@link theorycheck.train.RunStatus#DIVERGED}; it is never left for a later comparison to meet
 * as a NaN.
 */
package theorycheck.train;
