/**
 * Dense double-precision linear algebra for the training core.
 *
 * <p>{@link theorycheck.linalg.Mat} is the data: a row-major {@code double[]} with its shape.
 * Operations live in static classes named for what they compute ({@link theorycheck.linalg.Ops}).
 * Theory claims run on small problems (tens to a few thousand parameters) where ND4J pays
 * 15–60 µs per operation on this machine kind while a JIT-compiled loop over a heap array
 * takes well under a microsecond; products large enough to amortise that overhead are sent to
 * ND4J's BLAS ({@link theorycheck.linalg.Nd4jBridge}).
 */
package theorycheck.linalg;
