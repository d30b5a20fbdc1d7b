package theorycheck.loss;

/**
 * An objective evaluated on all its examples at once (a parametrization whose loss does not split
 * into per-example terms the sampler could pick, or a claim's own bookkeeping of the last
 * evaluation): asking it for a mini-batch is an error.
 */
public abstract class FullBatchObjective implements Objective {
    private final int dim;
    private final int examples;

    protected FullBatchObjective(int dim, int examples) {
        this.dim = dim;
        this.examples = examples;
    }

    /**
     * The full objective's value, and its gradient into {@code grad} unless it is null.
     *
     * @param theta parameters, not modified
     */
    protected abstract double valueAndGradient(double[] theta, double[] grad);

    @Override
    public final int dim() {
        return dim;
    }

    @Override
    public final int examples() {
        return examples;
    }

    @Override
    public final double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        if (batch != null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " is a full-batch objective: no mini-batches");
        }
        return valueAndGradient(theta, grad);
    }
}
