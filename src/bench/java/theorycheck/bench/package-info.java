/**
 * JMH benchmarks of the plain-Java training core (not of claims or reports). Built only under the
 * Maven profile {@code bench}:
 *
 * <pre>
 * mvn -B -Pbench package -DskipTests &amp;&amp; java -jar target/benchmarks.jar
 * </pre>
 *
 * <p>{@link theorycheck.bench.Workloads} builds the named problems from fixed seeds;
 * {@link theorycheck.bench.TrainingBenchmarks} times one full training run per invocation. The
 * workloads mirror NumPy reference scripts, so the timings can be compared one to one.
 */
package theorycheck.bench;
