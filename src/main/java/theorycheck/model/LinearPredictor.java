package theorycheck.model;

/** A model whose output is linear in x: f_θ(x) = ⟨β(θ), x⟩ for an effective weight vector β(θ). */
public interface LinearPredictor extends Model {
    /** β(θ), a new array of length {@link #inputDim()}. */
    double[] effectiveWeights(double[] theta);
}
