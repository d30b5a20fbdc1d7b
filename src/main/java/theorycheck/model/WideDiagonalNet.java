package theorycheck.model;

import theorycheck.data.Rng;
import theorycheck.linalg.Mat;

/**
 * The width-k diagonal network of Woodworth et al. (COLT 2020, Section 6): U, V ∈ ℝ^{d×k},
 * <pre>
 *   f_{U,V}(x) = Σ_{i,j} u_{ij} v_{ij} x_i = ⟨β, x⟩,   β = diag(UVᵀ), βᵢ = Σⱼ u_{ij} v_{ij}.
 * </pre>
 * θ = (U, V), each row-major d×k, so θ has 2dk entries. k = 1 is f = Σ uᵢvᵢxᵢ, which is the
 * depth-2 {@link DiagonalLinearNet} after the change of variables w± = (u ± v)/2.
 */
public final class WideDiagonalNet implements LinearPredictor {
    private final int dim;
    private final int width;

    public WideDiagonalNet(int dim, int width) {
        if (dim <= 0 || width <= 0) {
            throw new IllegalArgumentException("dimension and width must be positive, got " + dim + ", " + width);
        }
        this.dim = dim;
        this.width = width;
    }

    public int width() {
        return width;
    }

    /**
     * The slides' initialization: all u_{ij}, v_{ij} i.i.d. N(0, σ²) with σ² = α²/√k. Then
     * Var βᵢ(0) = kσ⁴ = α⁴ (the slides write α²) and UUᵀ ≈ VVᵀ ≈ √k·α²·I, the scale that decides the
     * regime through μ = α·k^{1/4}.
     */
    public double[] gaussianInit(double alpha, Rng rng) {
        double sigma = alpha / Math.pow(width, 0.25);
        return rng.gaussianVector(2 * dim * width, sigma);
    }

    /**
     * The slides' entry distribution with β(0) = 0 exactly ("unbiased" init, f(w₀, x) = 0, as the
     * slides assume for the kernel regime): for even k, the first k/2 columns of U and V are i.i.d.
     * N(0, α²/√k), column j + k/2 of U copies column j and column j + k/2 of V is its negative, so
     * the two halves cancel in diag(UVᵀ). Each entry is still N(0, α²/√k) and UUᵀ, VVᵀ ≈ √k·α²·I.
     * Without this, the i.i.d. init leaves β(0) with standard deviation α² = μ²/√k, which at finite
     * width dominates the large-μ limit.
     *
     * @throws IllegalArgumentException if k is odd
     */
    public double[] mirroredInit(double alpha, Rng rng) {
        if (width % 2 != 0) {
            throw new IllegalArgumentException("mirrored init needs an even width, got " + width);
        }
        double sigma = alpha / Math.pow(width, 0.25);
        double[] theta = new double[2 * dim * width];
        int off = dim * width, half = width / 2;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < half; j++) {
                double u = sigma * rng.gaussian(), v = sigma * rng.gaussian();
                theta[i * width + j] = u;
                theta[i * width + j + half] = u;
                theta[off + i * width + j] = v;
                theta[off + i * width + j + half] = -v;
            }
        }
        return theta;
    }

    @Override
    public int numParams() {
        return 2 * dim * width;
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public void effectiveWeights(double[] theta, double[] beta) {
        int off = dim * width;
        for (int i = 0; i < dim; i++) {
            double s = 0;
            int o = i * width;
            for (int j = 0; j < width; j++) {
                s += theta[o + j] * theta[off + o + j];
            }
            beta[i] = s;
        }
    }

    @Override
    public void pullback(double[] theta, Mat x, int[] rows, double[] coef, double[] grad) {
        // g_β = Xᵀcoef, then ∂βᵢ/∂u_{ij} = v_{ij} and ∂βᵢ/∂v_{ij} = u_{ij}.
        double[] gb = new double[dim];
        LinearPredictor.weightGradient(x, rows, coef, gb);
        pullbackWeights(theta, gb, grad);
    }

    @Override
    public void pullbackWeights(double[] theta, double[] gb, double[] grad) {
        if (gb == grad) {
            throw new IllegalArgumentException("gBeta must not be grad");
        }
        int off = dim * width;
        for (int i = 0; i < dim; i++) {
            int o = i * width;
            for (int j = 0; j < width; j++) {
                grad[o + j] = gb[i] * theta[off + o + j];
                grad[off + o + j] = gb[i] * theta[o + j];
            }
        }
    }
}
