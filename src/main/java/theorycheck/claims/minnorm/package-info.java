/**
 * Checks of theorems/min-norm/: which interpolant gradient methods reach on underdetermined least squares
 * (minimum norm, closest to the start, step-size thresholds, momentum and adaptive methods), and the closed-form
 * claims on ridge and norms. {@link theorycheck.claims.minnorm.MinNormFamily} maps claim ids to checks.
 */
package theorycheck.claims.minnorm;
