package theorycheck.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Elementwise activations σ with their derivatives σ', in {@link StrictMath}.
 *
 * <p>RELU and LINEAR are positively homogeneous (σ(cz) = cσ(z) for c &gt; 0), which makes a
 * bias-free {@link Mlp} homogeneous in its parameters.
 */
public enum Activation {
    /**
     * σ(z) = max(z, 0); σ'(z) = 1 for z &gt; 0 and 0 for z ≤ 0. Taking σ'(0) = 0 (as PyTorch does)
     * picks an element of the subdifferential and keeps Euler's identity ⟨∇f(θ), θ⟩ = L·f(θ) exact
     * for bias-free ReLU nets.
     */
    RELU("relu", true) {
        @Override
        public double value(double z) {
            return Math.max(z, 0.0); // NaN stays NaN
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        /** 0 everywhere (the kink at 0 has measure zero; its distributional part is ignored). */
        @Override
        public double secondDerivative(double z) {
            return 0.0;
        }
    },
    /** σ(z) = tanh z; σ'(z) = 1 − tanh² z. */
    TANH("tanh", false) {
        @Override
        public double value(double z) {
            return StrictMath.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = StrictMath.tanh(z);
            return 1 - t * t;
        }

        /** σ''(z) = −2 tanh z (1 − tanh² z). */
        @Override
        public double secondDerivative(double z) {
            double t = StrictMath.tanh(z);
            return -2 * t * (1 - t * t);
        }
    },
    /**
     * The exact GELU σ(z) = z·Φ(z) (not the tanh approximation); σ'(z) = Φ(z) + z·φ(z), with Φ, φ
     * the standard normal cdf and density from {@link ErrorFunction}. Measured against mpmath on
     * [−7, 7]: absolute error &lt; 1.5e-15 for σ and &lt; 1e-15 for σ'.
     *
     * @see "D. Hendrycks, K. Gimpel, Gaussian error linear units (GELUs), 2016"
     */
    GELU("gelu", false) {
        @Override
        public double value(double z) {
            return z * ErrorFunction.normalCdf(z);
        }

        @Override
        public double derivative(double z) {
            return ErrorFunction.normalCdf(z) + z * ErrorFunction.normalPdf(z);
        }

        /** σ''(z) = φ(z)(2 − z²), since φ'(z) = −zφ(z). */
        @Override
        public double secondDerivative(double z) {
            return ErrorFunction.normalPdf(z) * (2 - z * z);
        }
    },
    /** σ(z) = z; σ'(z) = 1. */
    LINEAR("linear", true) {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }

        @Override
        public double secondDerivative(double z) {
            return 0.0;
        }
    },
    /** σ(z) = 1/(1 + e^{−z}), evaluated without overflow; σ'(z) = σ(z)(1 − σ(z)). */
    SIGMOID("sigmoid", false) {
        @Override
        public double value(double z) {
            if (z >= 0) {
                return 1 / (1 + StrictMath.exp(-z));
            }
            double e = StrictMath.exp(z);
            return e / (1 + e);
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);
        }

        /** σ''(z) = σ(z)(1 − σ(z))(1 − 2σ(z)). */
        @Override
        public double secondDerivative(double z) {
            double s = value(z);
            return s * (1 - s) * (1 - 2 * s);
        }
    };

    private final String key;
    private final boolean positivelyHomogeneous;

    Activation(String key, boolean positivelyHomogeneous) {
        this.key = key;
        this.positivelyHomogeneous = positivelyHomogeneous;
    }

    public abstract double value(double z);

    /** dσ/dz at z. */
    public abstract double derivative(double z);

    /** d²σ/dz² at z (0 for the piecewise-linear ones, away from their kink). */
    public abstract double secondDerivative(double z);

    /** The lower-case name that {@link #byName} accepts, e.g. "relu". */
    public String key() {
        return key;
    }

    /** σ(cz) = cσ(z) for every c &gt; 0. */
    public boolean isPositivelyHomogeneous() {
        return positivelyHomogeneous;
    }

    /**
     * The activation with this lower-case name.
     *
     * @throws IllegalArgumentException for any other name, listing the allowed ones (there is no
     *     default: a misspelt name must not silently train a ReLU net)
     */
    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.key.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Activation::key).sorted().collect(Collectors.joining(", ", "[", "]")));
    }
}
