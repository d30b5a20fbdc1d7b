package theorycheck.loss;

import theorycheck.linalg.StrictExp;

/**
 * ℓ(f, y) = log(1 + e^{−y f}) for labels y ∈ {−1, +1}; ∂ℓ/∂f = −y·σ(−y f) with σ(s) = 1/(1 + e^{−s}).
 *
 * <p>Both are computed from the margin z = y f in a form that never evaluates e^{s} for s &gt; 0:
 * log1p(e^{−z}) for z &gt; 0 and −z + log1p(e^{z}) otherwise, and σ(−z) as e^{−z}/(1 + e^{−z}) or
 * 1/(1 + e^{z}). Why it matters: on separable data gradient descent drives every margin up like
 * log t (Soudry et al., 2018), so late in a run z is large. The naive log(1 + e^{−z}) rounds
 * 1 + e^{−z} to 1 once z &gt; 37 and returns 0 instead of ≈ e^{−z}; e^{−z} itself underflows to 0
 * near z ≈ 745; and on the wrong side e^{−z} overflows to ∞ for z &lt; −709.78, which turns
 * ∞/∞ into NaN in the naive derivative. The stable form is finite for every finite z.
 *
 * <p>Uses {@link StrictExp} (the bits of {@link StrictMath#exp}) and {@link StrictMath#log1p}, so
 * that values are bit-identical across JVMs.
 *
 * @see ExponentialLoss
 */
public final class LogisticLoss implements TwiceDifferentiableLoss {
    public static final LogisticLoss INSTANCE = new LogisticLoss();

    private LogisticLoss() {
    }

    @Override
    public String name() {
        return "logistic";
    }

    /**
     * @param f prediction, any finite value
     * @param y label, −1 or +1
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double value(double f, double y) {
        double z = checkLabel(y) * f;
        if (z > 0) {
            return StrictMath.log1p(StrictExp.exp(-z));
        }
        return -z + StrictMath.log1p(StrictExp.exp(z));
    }

    /**
     * ∂ℓ/∂f = −y·σ(−y f), in (−1, 1).
     *
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double derivative(double f, double y) {
        double z = checkLabel(y) * f;
        return -y * sigmoidOfMinus(z);
    }

    /**
     * ∂²ℓ/∂f² = σ(z)·σ(−z) with z = y f (y² = 1), in (0, ¼]; each factor is evaluated without
     * overflow, so the product underflows gracefully to 0 at large |z|.
     *
     * @throws IllegalArgumentException if y is not ±1
     */
    @Override
    public double secondDerivative(double f, double y) {
        double z = checkLabel(y) * f;
        return sigmoidOfMinus(z) * sigmoidOfMinus(-z);
    }

    /** σ(−z) = 1/(1 + e^{z}), evaluated without overflow. */
    static double sigmoidOfMinus(double z) {
        if (z > 0) {
            double e = StrictExp.exp(-z);
            return e / (1 + e);
        }
        return 1 / (1 + StrictExp.exp(z));
    }

    /** The label itself, if it is ±1. */
    static double checkLabel(double y) {
        if (y != 1.0 && y != -1.0) {
            throw new IllegalArgumentException("margin losses need labels −1 or +1, got " + y);
        }
        return y;
    }
}
