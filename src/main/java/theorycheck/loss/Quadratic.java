package theorycheck.loss;

import theorycheck.linalg.Mat;

/** L(θ) = ½ (θ − θ*)ᵀ A (θ − θ*) for a symmetric positive semi-definite A. Has no examples to batch. */
public final class Quadratic implements Objective {
    private final Mat a;
    private final double[] center;
    private final double[] diff;

    public Quadratic(Mat a, double[] center) {
        if (a.rows() != a.cols() || a.rows() != center.length) {
            throw new IllegalArgumentException("A must be n×n with n = len(center)");
        }
        this.a = a;
        this.center = center.clone();
        this.diff = new double[center.length];
    }

    public Mat hessian() {
        return a;
    }

    public double[] minimizer() {
        return center.clone();
    }

    @Override
    public int dim() {
        return center.length;
    }

    @Override
    public int examples() {
        return 1;
    }

    @Override
    public double valueAndGradient(double[] theta, int[] batch, double[] grad) {
        int n = center.length;
        for (int i = 0; i < n; i++) {
            diff[i] = theta[i] - center[i];
        }
        double v = 0;
        double[] ad = a.data();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += ad[i * n + j] * diff[j];
            }
            if (grad != null) {
                grad[i] = s;
            }
            v += diff[i] * s;
        }
        return 0.5 * v;
    }
}
