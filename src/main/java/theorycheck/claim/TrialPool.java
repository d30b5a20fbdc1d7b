package theorycheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.function.IntFunction;

/**
 * Runs the trials of an arm side by side and returns their results in index order. Inside a
 * fork-join pool (the test runner's, sized by {@code theorycheck.threads}) the trials join that pool, so
 * test classes and trials share one set of threads; elsewhere (the command line) they use a pool of
 * {@value #THREADS_PROPERTY_NAME} threads (default: every core). The order of the results never depends
 * on which trial finished first.
 */
public final class TrialPool {
    public static final String THREADS_PROPERTY_NAME = "theorycheck.threads";

    private TrialPool() {
    }

    /** The pool of runs outside a fork-join pool, made on first use. */
    private static final class Own {
        static final ForkJoinPool POOL = new ForkJoinPool(threads(System.getProperty(THREADS_PROPERTY_NAME),
                Runtime.getRuntime().availableProcessors()));
    }

    /** {@value #THREADS_PROPERTY_NAME}: how many threads run trials and test classes; every core when unset. */
    public static int threads(String value, int cores) {
        if (value == null || value.isBlank()) {
            return cores;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY_NAME + " must be an integer ≥ 1, got '" + value + "'");
    }

    /** {@code trial} applied to every index, in parallel; the results in the order of {@code indices}. */
    public static <R> List<R> map(List<Integer> indices, IntFunction<R> trial) {
        if (indices.size() <= 1) {
            List<R> out = new ArrayList<>();
            indices.forEach(i -> out.add(trial.apply(i)));
            return out;
        }
        List<RecursiveTask<R>> tasks = new ArrayList<>();
        for (int i : indices) {
            tasks.add(new RecursiveTask<>() {
                @Override
                protected R compute() {
                    return trial.apply(i);
                }
            });
        }
        if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            Own.POOL.invoke(new RecursiveTask<Void>() {
                @Override
                protected Void compute() {
                    ForkJoinTask.invokeAll(tasks);
                    return null;
                }
            });
        }
        List<R> out = new ArrayList<>();
        for (RecursiveTask<R> t : tasks) {
            out.add(t.join());
        }
        return out;
    }
}
