package theorycheck.claims.sharpness;

import theorycheck.linalg.Mat;
import theorycheck.model.TwiceDifferentiable;

/**
 * The change of variables φ = cθ of a model: g_φ(x) = f_{φ/c}(x). Same functions, new coordinates;
 * its derivatives are computed through the inner model (∇g = ∇f/c, ∇²g = ∇²f/c²), so a Hessian taken
 * through this class is an independent check of the law H̃ = H/c², not an application of it.
 */
final class SharpnessScaledModel implements TwiceDifferentiable {
    private final TwiceDifferentiable inner;
    private final double c;

    SharpnessScaledModel(TwiceDifferentiable inner, double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + c);
        }
        this.inner = inner;
        this.c = c;
    }

    @Override
    public int numParams() {
        return inner.numParams();
    }

    @Override
    public int inputDim() {
        return inner.inputDim();
    }

    private double[] unscaled(double[] phi) {
        double[] theta = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            theta[i] = phi[i] / c;
        }
        return theta;
    }

    @Override
    public void predict(double[] phi, Mat x, int[] rows, double[] out) {
        inner.predict(unscaled(phi), x, rows, out);
    }

    @Override
    public void pullback(double[] phi, Mat x, int[] rows, double[] coef, double[] grad) {
        inner.pullback(unscaled(phi), x, rows, coef, grad);
        for (int i = 0; i < grad.length; i++) {
            grad[i] /= c;
        }
    }

    @Override
    public void curvaturePullback(double[] phi, Mat x, int[] rows, double[] coef, double[] gnCoef, double[] v,
            double[] out) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = v[i] / c;
        }
        inner.curvaturePullback(unscaled(phi), x, rows, coef, gnCoef, w, out);
        for (int i = 0; i < out.length; i++) {
            out[i] /= c;
        }
    }
}
