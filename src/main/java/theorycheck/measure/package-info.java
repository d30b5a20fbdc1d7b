/**
 * Measurements of parameters and objectives: spectra, norms against references, subspace
 * components. Iterative measures return a record saying whether they converged.
 *
 * <p>Curvature: exact Hessian-vector products and the curvature and sharpness measures built on
 * them ({@link theorycheck.measure.HessianVectorProduct}, {@link theorycheck.measure.Lanczos},
 * {@link theorycheck.measure.FullHessian}, {@link theorycheck.measure.Sharpness}).
 *
 * <p>Covariance spectra: effective ranks r_k, R_k and k* of Bartlett et al. 2020
 * ({@link theorycheck.measure.CovarianceRanks}).
 *
 * <p>Stability: exact leave-one-out and replace-one retraining ({@link theorycheck.measure.LeaveOneOut}),
 * the sup over a ball of test points of the loss change between two linear predictors
 * ({@link theorycheck.measure.LossDifferenceSup}), and the exact binomial interval used to judge the
 * coverage frequency of high-probability bounds ({@link theorycheck.measure.ClopperPearson}).
 * <p>Rank and kernels: entropy effective rank and numerical rank of a spectrum
 * ({@link theorycheck.measure.EffectiveRank}); the empirical tangent kernel of a network
 * ({@link theorycheck.measure.TangentKernel}). {@link theorycheck.measure.Sharpness#randomDirectionScan}
 * probes several radii on shared antithetic directions.
 */
package theorycheck.measure;
