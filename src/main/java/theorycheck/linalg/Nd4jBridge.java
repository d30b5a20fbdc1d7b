package theorycheck.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversion between {@link Mat} and ND4J's {@link INDArray}, and the BLAS path for large
 * products. ND4J defaults to FLOAT; every array made here is DOUBLE, and the defaults are set
 * to DOUBLE the first time this class is used.
 */
public final class Nd4jBridge {
    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private Nd4jBridge() {
    }

    /** Makes sure ND4J is loaded with DOUBLE defaults; returns the backend's name. */
    public static String backendName() {
        return Nd4j.getBackend().getClass().getSimpleName();
    }

    public static INDArray toNd4j(Mat m) {
        return Nd4j.create(m.data().clone(), new long[] {m.rows(), m.cols()}, DataType.DOUBLE);
    }

    public static Mat fromNd4j(INDArray a) {
        if (a.rank() > 2) {
            throw new IllegalArgumentException("rank " + a.rank() + " array is not a matrix");
        }
        INDArray d = a.castTo(DataType.DOUBLE);
        long rows = d.rank() == 2 ? d.rows() : 1;
        long cols = d.rank() == 2 ? d.columns() : d.length();
        return new Mat((int) rows, (int) cols, d.dup('c').data().asDouble());
    }

    /** c = op(a)·op(b) through ND4J's BLAS gemm; c modified and returned. */
    static Mat gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c) {
        INDArray na = toNd4j(a);
        INDArray nb = toNd4j(b);
        INDArray nc = Nd4j.gemm(na, nb, transA, transB);
        double[] out = nc.dup('c').data().asDouble();
        System.arraycopy(out, 0, c.data(), 0, out.length);
        return c;
    }
}
