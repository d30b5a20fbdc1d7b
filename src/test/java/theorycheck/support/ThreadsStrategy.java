package theorycheck.support;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;
import theorycheck.claim.TrialPool;

/**
 * How many test classes (and the trials inside them, which join the same pool) run at once:
 * {@value theorycheck.claim.TrialPool#THREADS_PROPERTY_NAME} (default: every core). Claims are
 * independent and every trial's seed is a function of (claim id, base seed, trial index), so the
 * verdicts do not depend on it; only the wall time does. A bad value is an error, never a default.
 */
public final class ThreadsStrategy implements ParallelExecutionConfigurationStrategy {
    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        int n = TrialPool.threads(System.getProperty(TrialPool.THREADS_PROPERTY_NAME),
                Runtime.getRuntime().availableProcessors());
        return new Configuration(n);
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
