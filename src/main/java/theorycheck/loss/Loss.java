package theorycheck.loss;

/** A per-example loss ℓ(f, y) of a scalar prediction f against a target y. */
public interface Loss {
    String name();

    double value(double prediction, double target);

    /** ∂ℓ/∂f at (prediction, target). */
    double derivative(double prediction, double target);
}
