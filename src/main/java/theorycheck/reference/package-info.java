/**
 * Exact answers that training runs are compared against.
 *
 * <p>Least squares: the minimum-norm interpolant (pseudoinverse, {@link theorycheck.reference.MinNorm}),
 * ridge regression ({@link theorycheck.reference.Ridge}) and the spectrum of the empirical covariance
 * ({@link theorycheck.reference.GramSpectrum}) — direct solvers in plain Java on
 * {@link theorycheck.linalg.Mat} with {@link theorycheck.linalg.Svd},
 * {@link theorycheck.linalg.SymmetricEigen} and {@link theorycheck.linalg.Cholesky}, cross-checked in
 * the core tests against EJML and ojAlgo. ND4J is not used: its SVD is broken in 1.0.0-M2.1 and its
 * {@code InvertMatrix.pinvert} is not minimum-norm for wide matrices.
 *
 * <p>Risk of least squares under isotropic Gaussian design: the exact finite-sample and
 * proportional-limit test risk of the minimum-norm estimator ({@link theorycheck.reference.MinNormRisk},
 * double descent), and the excess risk of spectral-filter estimators (min-norm, ridge) read off one SVD
 * ({@link theorycheck.reference.SpectralEstimators}).
 *
 * <p>Classification: max-margin directions for the ℓ2, ℓ∞ and ℓ1 norms
 * ({@link theorycheck.reference.MaxMargin}: ojAlgo QP/LP, then a plain-Java KKT clean-up that
 * verifies optimality; ojAlgo 55's LP/QP alone cycled or misreported on some inputs), margin
 * measures ({@link theorycheck.reference.MarginMeasures}) and the finite logistic-loss minimizer of
 * non-separable data by Newton's method ({@link theorycheck.reference.LogisticMinimizer}), and its
 * L2-regularized counterpart, which exists on any data ({@link theorycheck.reference.RegularizedLogistic}).
 *
 * <p>Bounds: uniform-stability constants and generalization bounds with the constants of Bousquet &amp;
 * Elisseeff (2002), the book and Hardt, Recht &amp; Singer (2016) ({@link theorycheck.reference.StabilityBounds});
 * PAC-Bayes quantities for Gaussian posteriors ({@link theorycheck.reference.PacBayes}).
 *
 * <p>Dynamics: the stationary covariance of SGD near a quadratic minimum, the discrete Lyapunov
 * equation Σ = (I − αH)Σ(I − αH)ᵀ + α²C/B and its small-step limit
 * ({@link theorycheck.reference.Lyapunov}, cross-checked against an EJML Kronecker solve).
 *
 * <p>Matrix sensing and kernels: the minimum-trace PSD solution of linear measurements by ADMM with a
 * weak-duality certificate ({@link theorycheck.reference.MinNuclearNorm}); the arc-cosine NTK of a
 * two-layer ReLU net ({@link theorycheck.reference.ArcCosineKernel}) and kernel regression / kernel GD
 * ({@link theorycheck.reference.KernelRegression}).
 * <p>Conventions: a design X is m×n with one example per row (m examples, n features); the
 * empirical risk is (1/2m)‖Xw − y‖², matching {@link theorycheck.loss.EmpiricalRisk} with
 * {@link theorycheck.loss.SquaredLoss}; labels are ±1.
 */
package theorycheck.reference;
