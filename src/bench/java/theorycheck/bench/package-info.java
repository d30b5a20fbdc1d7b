/**
 * JMH benchmarks of the plain-Java training core (not of claims or reports). Built only under the
 * Maven profile {@code bench}:
 *
 * <pre>
 * mvn -B -Pbench package -DskipTests &amp;&amp; java -jar target/benchmarks.jar
 * </pre>
 *
 * <p>{@link theorycheck.bench.Workloads} builds the named problems from fixed seeds
 * ({@link theorycheck.bench.DoubleDescentSweep} the one that is not a training run);
 * {@link theorycheck.bench.TrainingBenchmarks} times one full run per invocation and checks its
 * result. The NumPy versions of the same workloads are in {@code bench/numpy_ref.py};
 * {@code python3 bench/side_by_side.py} times both in one go and compares their results.
 */
package theorycheck.bench;
