/**
 * The robustness sweep and deep-tier runs on Apache Spark: one task per (claim, base seed), run where Spark
 * puts it, gathered into the same robustness table as the Maven sweep. Compiled only with {@code -Pspark}.
 */
package theorycheck.sweep;
