/**
 * Measurements of parameters and objectives: spectra, effective ranks of covariance spectra
 * ({@link theorycheck.measure.CovarianceRanks}), norms against references, subspace
 * components. Iterative measures return a record saying whether they converged.
 */
package theorycheck.measure;
