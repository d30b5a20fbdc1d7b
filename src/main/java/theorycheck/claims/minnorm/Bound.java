package theorycheck.claims.minnorm;

/**
 * Which eigenvalue λ of the Hessian places a step-size range end 2/λ: λmax (the theorems) or
 * the mean eigenvalue (the controls' misplaced end, below λmax whenever the spectrum is spread).
 */
enum Bound {
    LAMBDA_MAX, LAMBDA_MEAN
}
