package theorycheck.train;

/**
 * Stopping and recording rules of a run.
 *
 * @param maxSteps step budget
 * @param gradTol stop when the full-batch gradient norm is below this (0 disables)
 * @param lossTol stop when the full-batch loss is below this (0 disables)
 * @param checkEvery how often (in steps) the full-batch loss and gradient are evaluated for the
 *     stopping and divergence rules; 1 for full-batch methods
 * @param blowUpFactor the run has diverged when the loss exceeds this multiple of
 *     max(initial loss, 1) (or any value is non-finite)
 * @param recordPoints roughly how many log-spaced points of the trajectory to keep (0: none)
 */
public record TrainConfig(long maxSteps, double gradTol, double lossTol, int checkEvery, double blowUpFactor,
        int recordPoints) {
    public TrainConfig {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be ≥ 0, got " + maxSteps);
        }
        if (!(gradTol >= 0) || !(lossTol >= 0)) {
            throw new IllegalArgumentException("tolerances must be ≥ 0");
        }
        if (checkEvery < 1) {
            throw new IllegalArgumentException("checkEvery must be ≥ 1, got " + checkEvery);
        }
        if (!(blowUpFactor > 1)) {
            throw new IllegalArgumentException("blowUpFactor must be > 1, got " + blowUpFactor);
        }
        if (recordPoints < 0) {
            throw new IllegalArgumentException("recordPoints must be ≥ 0");
        }
    }

    /** Full-batch defaults: check every step, blow-up at 1e12 × the initial loss, 200 recorded points. */
    public static TrainConfig fullBatch(long maxSteps, double gradTol) {
        return new TrainConfig(maxSteps, gradTol, 0.0, 1, 1e12, 200);
    }

    public TrainConfig withCheckEvery(int k) {
        return new TrainConfig(maxSteps, gradTol, lossTol, k, blowUpFactor, recordPoints);
    }

    public TrainConfig withLossTol(double tol) {
        return new TrainConfig(maxSteps, gradTol, tol, checkEvery, blowUpFactor, recordPoints);
    }

    public TrainConfig withRecordPoints(int points) {
        return new TrainConfig(maxSteps, gradTol, lossTol, checkEvery, blowUpFactor, points);
    }
}
