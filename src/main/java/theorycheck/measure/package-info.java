/**
 * Measurements of parameters and objectives: spectra, norms against references, subspace
 * components. Iterative measures return a record saying whether they converged.
 */
package theorycheck.measure;
