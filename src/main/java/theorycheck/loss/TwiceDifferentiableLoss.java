package theorycheck.loss;

/**
 * A per-example loss with a second derivative in the prediction, which together with the model's
 * curvature gives exact Hessian-vector products of an {@link EmpiricalRisk}.
 */
public interface TwiceDifferentiableLoss extends Loss {
    /** ∂²ℓ/∂f² at (prediction, target). */
    double secondDerivative(double prediction, double target);
}
