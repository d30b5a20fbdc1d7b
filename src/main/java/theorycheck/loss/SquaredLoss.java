package theorycheck.loss;

/** ℓ(f, y) = ½(f − y)². */
public final class SquaredLoss implements TwiceDifferentiableLoss {
    public static final SquaredLoss INSTANCE = new SquaredLoss();

    private SquaredLoss() {
    }

    @Override
    public String name() {
        return "squared";
    }

    @Override
    public double value(double f, double y) {
        double r = f - y;
        return 0.5 * r * r;
    }

    @Override
    public double derivative(double f, double y) {
        return f - y;
    }

    /** ∂²ℓ/∂f² = 1. */
    @Override
    public double secondDerivative(double f, double y) {
        return 1.0;
    }
}
