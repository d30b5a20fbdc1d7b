/**
 * Checks of theorems/diagonal-and-factorization/: diagonal linear networks (conservation law, the Q_α bias
 * and its limits, sparse recovery, depth, width), matrix factorization and sensing (low rank, nuclear norm,
 * depth), and the kernel (lazy) regime against the rich one.
 * {@link theorycheck.claims.factorization.DiagonalAndFactorizationFamily} maps claim ids to checks.
 */
package theorycheck.claims.factorization;
