/**
 * Checks of theorems/generalization/: benign overfitting in the Gaussian linear setting, double descent,
 * and held-out selection (early stopping, validation). {@link theorycheck.claims.generalization.GeneralizationFamily}
 * maps claim ids to checks.
 */
package theorycheck.claims.generalization;
