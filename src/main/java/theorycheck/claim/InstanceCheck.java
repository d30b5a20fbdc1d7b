package theorycheck.claim;

import java.util.List;

/**
 * The check a claim's test supplies, once for the claim and once for its control.
 *
 * <p>{@link #draw} makes an instance from the trial's random source; {@link #check} runs it and
 * judges it by the claim's prediction. Keeping the two apart lets the harness re-run a failing
 * instance on smaller variants ({@link #shrink}) to minimise a counterexample.
 *
 * @param <I> the instance type; its {@code toString} is shown in the report
 */
public interface InstanceCheck<I> {
    I draw(Trial trial);

    TrialResult check(I instance, Trial trial);

    /** Smaller variants of a failing instance, simplest first; none by default. */
    default List<I> shrink(I instance) {
        return List.of();
    }

    /** Charts of the evidence (one of them at least, for the claim arm). */
    default List<Chart> charts(Evidence evidence) {
        return List.of();
    }
}
