package theorycheck.measure;

/**
 * The outcome of an iterative eigenvalue estimate.
 *
 * @param value the Rayleigh quotient at the last iterate
 * @param vector the last unit iterate
 * @param converged whether the relative change of the estimate fell below the tolerance
 * @param iterations iterations used
 * @param residual ‖Av − value·v‖₂ at the end
 */
public record EigenEstimate(double value, double[] vector, boolean converged, int iterations, double residual) {
}
