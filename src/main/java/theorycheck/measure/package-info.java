/**
 * Measurements of parameters and objectives: spectra, norms against references, subspace
 * components, exact Hessian-vector products and the curvature and sharpness measures built on them
 * ({@link theorycheck.measure.Lanczos}, {@link theorycheck.measure.Sharpness}). Iterative measures
 * return a record saying whether they converged.
 */
package theorycheck.measure;
