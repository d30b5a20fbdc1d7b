package theorycheck.measure;

/** A symmetric linear map v ↦ Av given only by its action (a Hessian-vector product, say). */
@FunctionalInterface
public interface SymmetricOperator {
    /** out = A·v; v not modified, out overwritten. */
    void apply(double[] v, double[] out);
}
