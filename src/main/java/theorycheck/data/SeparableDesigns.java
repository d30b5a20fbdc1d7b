package theorycheck.data;

import theorycheck.linalg.Mat;
import theorycheck.linalg.StrictLog;
import theorycheck.linalg.Vec;

/**
 * Generators of binary classification data ({@link Classification}) for margin and implicit-bias
 * experiments: data separable through the origin with a planted margin, two shifted Gaussians,
 * and the classic non-linearly-separable XOR and two-arm spiral.
 *
 * <p>"Separable" here always means strictly separable by a hyperplane through the origin
 * (no bias): some w has yᵢ⟨w, xᵢ⟩ &gt; 0 for all i. That is the setting of the max-margin results
 * for GD on logistic loss. Use {@link SeparabilityCertificate} to check a data set.
 *
 * <p>Every generator draws only from the {@link Rng} it is given (one {@code split()} per
 * consumer), so the same seed gives bit-identical data.
 */
public final class SeparableDesigns {
    /**
     * Above this γ the rejection step samples the tail of N(0,1) with Marsaglia's (1964) method,
     * whose acceptance rate grows with γ; below it plain rejection accepts with probability
     * P(|Z| ≥ γ) ≥ P(|Z| ≥ 1) ≈ 0.32.
     */
    private static final double TAIL_METHOD_FROM = 1.0;

    private SeparableDesigns() {
    }

    /**
     * Data separable through the origin with ℓ2 margin at least γ along a planted direction.
     *
     * <p>w* is uniform on the unit sphere of ℝ^d, and each xᵢ is N(0, I_d) conditioned on
     * |⟨w*, xᵢ⟩| ≥ γ; yᵢ = sign⟨w*, xᵢ⟩. So yᵢ⟨w*, xᵢ⟩ ≥ γ for every i and the max ℓ2-margin is
     * ≥ γ (the max ℓ∞-margin, whose constraint set is ‖w‖∞ ≤ 1, is ≥ γ/‖w*‖∞ ≥ γ).
     *
     * <p>The conditioning is done exactly as rejection sampling of x would do it, but on the one
     * coordinate that matters: x = z·w* + (I − w*w*ᵀ)g with g ~ N(0, I_d) and z ~ N(0,1)
     * conditioned on |z| ≥ γ (and z ≠ 0), which is the same distribution and costs O(d) per
     * point for any γ.
     *
     * @param m number of examples, ≥ 1
     * @param d dimension, ≥ 1
     * @param gamma margin, finite and ≥ 0
     * @param rng random source; advanced
     * @return data with {@code planted} = w*
     */
    public static Classification plantedMargin(int m, int d, double gamma, Rng rng) {
        checkPositive(m, "m");
        checkPositive(d, "d");
        checkNonNegative(gamma, "gamma");
        double[] wStar = unitVector(d, rng.split());
        Rng noise = rng.split();
        Rng tail = rng.split();
        Mat x = new Mat(m, d);
        double[] y = new double[m];
        double[] xd = x.data();
        for (int i = 0; i < m; i++) {
            double[] g = noise.gaussianVector(d, 1.0);
            double z = conditionedGaussian(gamma, tail);
            double along = Vec.dot(g, wStar);
            for (int j = 0; j < d; j++) {
                xd[i * d + j] = g[j] + (z - along) * wStar[j];
            }
            y[i] = z > 0 ? 1.0 : -1.0;
        }
        return new Classification(x, y, wStar);
    }

    /**
     * The "two Gaussians" data: ⌈m/2⌉ points from N(+shift·u, I_d) labelled +1 and ⌊m/2⌋ from
     * N(−shift·u, I_d) labelled −1, for a uniformly random unit u, in random order.
     *
     * <p>NOT guaranteed separable through the origin: yᵢ⟨u, xᵢ⟩ = shift + N(0,1), so u separates
     * only when shift exceeds the largest of m standard normals (about √(2 ln m)); when d ≥ m the
     * points are in general position and separable anyway. With a small shift and m ≫ d they are
     * typically not separable. {@code planted} is null: u is the Bayes direction, not a certified
     * separator.
     *
     * @param m number of examples, ≥ 2
     * @param d dimension, ≥ 1
     * @param shift distance of each mean from the origin, finite and ≥ 0
     * @param rng random source; advanced
     */
    public static Classification shiftedGaussians(int m, int d, double shift, Rng rng) {
        if (m < 2) {
            throw new IllegalArgumentException("m must be >= 2 (one point per class), got " + m);
        }
        checkPositive(d, "d");
        checkNonNegative(shift, "shift");
        double[] u = unitVector(d, rng.split());
        Rng noise = rng.split();
        int[] order = rng.split().permutation(m);
        int positives = (m + 1) / 2;
        Mat x = new Mat(m, d);
        double[] y = new double[m];
        double[] xd = x.data();
        for (int k = 0; k < m; k++) {
            int i = order[k];
            double label = k < positives ? 1.0 : -1.0;
            y[i] = label;
            for (int j = 0; j < d; j++) {
                xd[i * d + j] = label * shift * u[j] + noise.gaussian();
            }
        }
        return new Classification(x, y);
    }

    /**
     * 2-D XOR: points at the corners (±1, ±1) plus N(0, noise²·I₂), labelled by the product of the
     * corner's signs (+1 on (1,1) and (−1,−1)). The corners are used in turn (corner i mod 4) and
     * the points then shuffled, so each corner holds ⌊m/4⌋ or ⌈m/4⌉ points.
     *
     * <p>Not linearly separable through the origin whenever the four clusters keep their signs:
     * w would need ⟨w, (1,1)⟩ &gt; 0 and ⟨w, (−1,−1)⟩ &gt; 0 at once.
     *
     * @param m number of examples, ≥ 4 (one per corner)
     * @param noise standard deviation of the jitter, finite and ≥ 0
     * @param rng random source; advanced
     */
    public static Classification xor(int m, double noise, Rng rng) {
        if (m < 4) {
            throw new IllegalArgumentException("m must be >= 4 (one point per corner), got " + m);
        }
        checkNonNegative(noise, "noise");
        Rng jitter = rng.split();
        int[] order = rng.split().permutation(m);
        Mat x = new Mat(m, 2);
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            int i = order[k];
            double c1 = (k & 1) == 0 ? 1.0 : -1.0;
            double c2 = (k & 2) == 0 ? 1.0 : -1.0;
            x.set(i, 0, c1 + noise * jitter.gaussian());
            x.set(i, 1, c2 + noise * jitter.gaussian());
            y[i] = c1 * c2;
        }
        return new Classification(x, y);
    }

    /**
     * A 2-D two-arm spiral. For t ~ U(0, 1), arm a ∈ {0, 1} gives the point
     * r(t)·(cos θ, sin θ) + N(0, noise²·I₂) with r = t and θ = 2π·turns·t + aπ; arm 0 is labelled
     * +1 and arm 1 −1; ⌈m/2⌉ points on arm 0, in random order.
     *
     * <p>The arms are point reflections of each other (θ + π), so a linear classifier through the
     * origin sees the same yᵢxᵢ from both. With turns ≥ 1 arm 0 alone winds all the way round the
     * origin, so with more than a handful of points (no open half-plane holds all of arm 0) the
     * data are not linearly separable through it; this is typical, not guaranteed for tiny m.
     *
     * @param m number of examples, ≥ 2
     * @param turns number of revolutions of each arm, finite and &gt; 0
     * @param noise standard deviation of the jitter, finite and ≥ 0
     * @param rng random source; advanced
     */
    public static Classification spiral(int m, double turns, double noise, Rng rng) {
        if (m < 2) {
            throw new IllegalArgumentException("m must be >= 2 (one point per arm), got " + m);
        }
        if (!(turns > 0) || Double.isInfinite(turns)) {
            throw new IllegalArgumentException("turns must be finite and > 0, got " + turns);
        }
        checkNonNegative(noise, "noise");
        Rng position = rng.split();
        Rng jitter = rng.split();
        int[] order = rng.split().permutation(m);
        int arm0 = (m + 1) / 2;
        Mat x = new Mat(m, 2);
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            int i = order[k];
            boolean first = k < arm0;
            double t = position.uniform();
            double theta = 2 * StrictMath.PI * turns * t + (first ? 0 : StrictMath.PI);
            x.set(i, 0, t * StrictMath.cos(theta) + noise * jitter.gaussian());
            x.set(i, 1, t * StrictMath.sin(theta) + noise * jitter.gaussian());
            y[i] = first ? 1.0 : -1.0;
        }
        return new Classification(x, y);
    }

    /**
     * High ambient, low intrinsic dimension: xᵢ = A zᵢ where (zᵢ, yᵢ) are
     * {@link #plantedMargin}(m, k, γ) data in ℝ^k and A is a random d×k matrix with orthonormal
     * columns (Gram–Schmidt, applied twice, on a Gaussian matrix). A is an isometry, so the data
     * keep their margins: yᵢ⟨A w*, xᵢ⟩ = yᵢ⟨w*, zᵢ⟩ ≥ γ with ‖A w*‖₂ = 1, and every xᵢ lies in the
     * k-dimensional column space of A.
     *
     * @param m number of examples, ≥ 1
     * @param d ambient dimension, ≥ k
     * @param k intrinsic dimension, ≥ 1
     * @param gamma margin, finite and ≥ 0
     * @param rng random source; advanced
     * @return data with {@code planted} = A w*
     */
    public static Classification lowIntrinsic(int m, int d, int k, double gamma, Rng rng) {
        checkPositive(k, "k");
        if (d < k) {
            throw new IllegalArgumentException("ambient dimension d = " + d + " must be >= intrinsic k = " + k);
        }
        Classification z = plantedMargin(m, k, gamma, rng.split());
        Mat a = orthonormalColumns(d, k, rng.split());
        Mat x = new Mat(m, d);
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += a.get(r, c) * z.x().get(i, c);
                }
                x.set(i, r, s);
            }
        }
        double[] planted = new double[d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < k; c++) {
                planted[r] += a.get(r, c) * z.planted()[c];
            }
        }
        return new Classification(x, z.y().clone(), planted);
    }

    /**
     * Random labels: xᵢ ~ N(0, I_d) and yᵢ = ±1 with probability ½ each, independently of xᵢ. With
     * m ≤ d the points are in general position and separable through the origin; with m &gt; d they
     * typically are not linearly separable, but a non-linear network can still fit them.
     *
     * @param m number of examples, ≥ 1
     * @param d dimension, ≥ 1
     * @param rng random source; advanced
     */
    public static Classification randomLabels(int m, int d, Rng rng) {
        checkPositive(m, "m");
        checkPositive(d, "d");
        Rng inputs = rng.split();
        Rng labels = rng.split();
        Mat x = new Mat(m, d);
        double[] y = new double[m];
        double[] xd = x.data();
        for (int i = 0; i < m; i++) {
            double[] g = inputs.gaussianVector(d, 1.0);
            System.arraycopy(g, 0, xd, i * d, d);
            y[i] = labels.uniform() < 0.5 ? 1.0 : -1.0;
        }
        return new Classification(x, y);
    }

    /**
     * A d×k matrix with orthonormal columns: modified Gram–Schmidt on a Gaussian matrix, each
     * column re-orthogonalized once more ("twice is enough", Giraud et al. 2005), k ≤ d.
     */
    public static Mat orthonormalColumns(int d, int k, Rng rng) {
        checkPositive(k, "k");
        if (d < k) {
            throw new IllegalArgumentException("need d >= k for orthonormal columns, got d = " + d + ", k = " + k);
        }
        Mat q = new Mat(d, k);
        for (int j = 0; j < k; j++) {
            double[] v = rng.gaussianVector(d, 1.0);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += q.get(i, p) * v[i];
                    }
                    for (int i = 0; i < d; i++) {
                        v[i] -= dot * q.get(i, p);
                    }
                }
            }
            double norm = Vec.norm2(v);
            for (int i = 0; i < d; i++) {
                q.set(i, j, v[i] / norm);
            }
        }
        return q;
    }

    /** A uniformly random unit vector in ℝ^d (a normalized Gaussian). */
    private static double[] unitVector(int d, Rng rng) {
        double[] v;
        double norm;
        do {
            v = rng.gaussianVector(d, 1.0);
            norm = Vec.norm2(v);
        } while (norm == 0);
        for (int j = 0; j < d; j++) {
            v[j] /= norm;
        }
        return v;
    }

    /** z ~ N(0,1) conditioned on |z| ≥ γ and z ≠ 0. */
    private static double conditionedGaussian(double gamma, Rng rng) {
        if (gamma < TAIL_METHOD_FROM) {
            double z;
            do {
                z = rng.gaussian();
            } while (Math.abs(z) < gamma || z == 0);
            return z;
        }
        // Marsaglia's tail method: x = √(γ² − 2 ln u₁), accepted when u₂·x < γ, is N(0,1) | z ≥ γ.
        double t;
        while (true) {
            double u1 = 1 - rng.uniform(); // in (0, 1], so the log is finite
            double u2 = rng.uniform();
            t = StrictMath.sqrt(gamma * gamma - 2 * StrictLog.log(u1));
            if (u2 * t < gamma) {
                break;
            }
        }
        return rng.uniform() < 0.5 ? t : -t;
    }

    private static void checkPositive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + n);
        }
    }

    private static void checkNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }
}
