package theorycheck.loss;

import theorycheck.linalg.StrictExp;

/**
 * ℓ(f, y) = e^{−y f} for labels y ∈ {−1, +1}; ∂ℓ/∂f = −y e^{−y f}.
 *
 * <p>The exponential tail is what drives the implicit max-margin bias of gradient descent on
 * separable data (Soudry et al., 2018), where margins z = y f grow like log t. For large correct
 * margins e^{−z} underflows to 0 near z ≈ 745, which is harmless (the true value is below
 * {@link Double#MIN_VALUE}). For wrong-side margins z &lt; −709.78 the true value exceeds
 * {@link Double#MAX_VALUE} and the loss is +∞ (the derivative ∓∞, never NaN); the trainer's
 * divergence check treats that as a blow-up. Unlike {@link LogisticLoss}, there is no stable
 * rewriting that keeps such values finite.
 *
 * <p>Uses {@link StrictExp}, the bits of {@link StrictMath#exp}, so that values are bit-identical
 * across JVMs.
 *
 * @see LogisticLoss
 */
public final class ExponentialLoss implements TwiceDifferentiableLoss {
    public static final ExponentialLoss INSTANCE = new ExponentialLoss();

    private ExponentialLoss() {
    }

    @Override
    public String name() {
        return "exponential";
    }

    /**
     * @param f prediction
     * @param y label, −1 or +1
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double value(double f, double y) {
        return StrictExp.exp(-LogisticLoss.checkLabel(y) * f);
    }

    /**
     * ∂ℓ/∂f = −y e^{−y f}.
     *
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double derivative(double f, double y) {
        return -y * StrictExp.exp(-LogisticLoss.checkLabel(y) * f);
    }

    /**
     * ∂²ℓ/∂f² = e^{−y f} (y² = 1).
     *
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double secondDerivative(double f, double y) {
        return StrictExp.exp(-LogisticLoss.checkLabel(y) * f);
    }
}
