/**
 * The claims' checks, one package per family of claim files under {@code theorems/}: {@code minnorm}
 * (min-norm), {@code maxmargin} (max-margin), {@code generalization}, {@code sharpness}, {@code stability}
 * and {@code factorization} (diagonal-and-factorization). {@link theorycheck.claims.ClaimChecks} maps a
 * claim id to its check; helpers two families share live in {@code claims.support}, never in a family.
 */
package theorycheck.claims;
