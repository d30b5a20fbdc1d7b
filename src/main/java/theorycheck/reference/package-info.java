/**
 * Exact answers that training runs are compared against: the minimum-norm interpolant
 * (pseudoinverse), ridge regression, and the spectrum of the empirical covariance.
 *
 * <p>Every solver here is direct (a decomposition and a solve), computed in plain Java on
 * {@link theorycheck.linalg.Mat} with {@link theorycheck.linalg.Svd},
 * {@link theorycheck.linalg.SymmetricEigen} and {@link theorycheck.linalg.Cholesky}, and
 * cross-checked in the core tests against EJML and ojAlgo. ND4J is not used: its SVD is broken in
 * 1.0.0-M2.1 and its {@code InvertMatrix.pinvert} is not minimum-norm for wide matrices.
 *
 * <p>Conventions: a design X is m×n with one example per row (m examples, n features); the
 * empirical risk is (1/2m)‖Xw − y‖², matching {@link theorycheck.loss.EmpiricalRisk} with
 * {@link theorycheck.loss.SquaredLoss}.
 */
package theorycheck.reference;
