/**
 * Checks of theorems/max-margin/: margins on separable data, the direction GD, SGD, normalized GD, steepest
 * descent and adaptive methods converge to, and at what rate; homogeneous networks and the diagonal net.
 * {@link theorycheck.claims.maxmargin.MaxMarginFamily} maps claim ids to checks.
 */
package theorycheck.claims.maxmargin;
