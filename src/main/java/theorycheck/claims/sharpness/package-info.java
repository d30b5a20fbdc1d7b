/**
 * Checks of theorems/sharpness/: curvature at minima, (in)variance of sharpness under rescaling, flatness
 * proxies, and training dynamics (SGD near a minimum, edge of stability, batch size, SAM).
 * {@link theorycheck.claims.sharpness.SharpnessFamily} maps claim ids to checks.
 */
package theorycheck.claims.sharpness;
