package theorycheck.support;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * How many test classes run at once: {@value #THREADS_PROPERTY_NAME} (default: every core). Claims are
 * independent and every trial's seed is a function of (claim id, base seed, trial index), so the
 * verdicts do not depend on it; only the wall time does. A bad value is an error, never a default.
 */
public final class ThreadsStrategy implements ParallelExecutionConfigurationStrategy {
    public static final String THREADS_PROPERTY_NAME = "theorycheck.threads";

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        int n = threads(System.getProperty(THREADS_PROPERTY_NAME), Runtime.getRuntime().availableProcessors());
        return new Configuration(n);
    }

    static int threads(String value, int cores) {
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

    private record Configuration(int getParallelism) implements ParallelExecutionConfiguration {
        @Override
        public int getMinimumRunnable() {
            return getParallelism;
        }

        @Override
        public int getMaxPoolSize() {
            return getParallelism + 256; // room for threads blocked on a lock, as JUnit's own strategies leave
        }

        @Override
        public int getCorePoolSize() {
            return getParallelism;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }
    }
}
