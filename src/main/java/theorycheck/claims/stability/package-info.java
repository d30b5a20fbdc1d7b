/**
 * Checks of theorems/stability/: uniform-stability bounds and their constants, SGD stability, leave-one-out
 * stability, a witness of generalization without stability, and PAC-Bayes with Gaussian posteriors.
 * {@link theorycheck.claims.stability.StabilityFamily} maps claim ids to checks.
 */
package theorycheck.claims.stability;
