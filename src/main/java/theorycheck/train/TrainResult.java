package theorycheck.train;

/**
 * The end of a run.
 *
 * @param theta final parameters; for a diverged run the last iterate known to be finite: θ_t itself when
 *     its gradient was the first non-finite value, else the last iterate the loop checked (a loss
 *     check, every {@link TrainConfig#checkEvery()} steps)
 * @param status how it ended
 * @param steps steps taken
 * @param loss full-batch loss at the end
 * @param gradNorm full-batch gradient norm at the end
 * @param detail why it ended, in words (e.g. which value was non-finite)
 */
public record TrainResult(double[] theta, RunStatus status, long steps, double loss, double gradNorm, String detail,
        Trajectory trajectory) {
    public boolean converged() {
        return status == RunStatus.CONVERGED;
    }

    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }
}
