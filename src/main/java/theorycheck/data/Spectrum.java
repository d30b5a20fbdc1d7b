package theorycheck.data;

import java.util.Arrays;
import theorycheck.linalg.StrictLog;

/**
 * The eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λ_p &gt; 0 of a covariance Σ, in the families that Bartlett, Long,
 * Lugosi &amp; Tsigler (2020, "Benign overfitting in linear regression", PNAS) use to separate
 * benign from harmful interpolation. Since min-norm interpolation and the Gaussian design are
 * rotation-equivariant, a diagonal Σ = diag(λ) loses no generality; {@link SpikedCovariance}
 * draws designs from it.
 */
public record Spectrum(double[] eigenvalues) {
    public Spectrum {
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("a spectrum needs at least one eigenvalue");
        }
        eigenvalues = eigenvalues.clone();
        for (int i = 0; i < eigenvalues.length; i++) {
            double v = eigenvalues[i];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("eigenvalue " + i + " must be finite and > 0, got " + v);
            }
            if (i > 0 && v > eigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be non-increasing; λ" + (i + 1) + " = " + v
                        + " > λ" + i + " = " + eigenvalues[i - 1]);
            }
        }
    }

    /**
     * s spikes of value {@code spikeValue} followed by a flat tail: {@code tailDim} eigenvalues
     * equal to {@code tailMass / tailDim} (so the tail carries total variance {@code tailMass}).
     *
     * @param spikes s ≥ 0
     * @param spikeValue &gt; tail value when s &gt; 0
     * @param tailDim ≥ 1
     * @param tailMass &gt; 0, the trace of the tail block
     */
    public static Spectrum spiked(int spikes, double spikeValue, int tailDim, double tailMass) {
        if (spikes < 0 || tailDim < 1) {
            throw new IllegalArgumentException("need spikes ≥ 0 and tailDim ≥ 1, got " + spikes + ", " + tailDim);
        }
        double[] l = new double[spikes + tailDim];
        Arrays.fill(l, 0, spikes, spikeValue);
        Arrays.fill(l, spikes, l.length, tailMass / tailDim);
        return new Spectrum(l);
    }

    /** p equal eigenvalues: Σ = value·I_p. */
    public static Spectrum isotropic(int p, double value) {
        double[] l = new double[p];
        Arrays.fill(l, value);
        return new Spectrum(l);
    }

    /**
     * λ_k = k^{−α} ln^{−β}(k + 1), k = 1..p: Bartlett et al.'s Theorem 6 family (benign in the
     * infinite-dimensional limit iff α = 1 and β &gt; 1).
     */
    public static Spectrum powerLog(int p, double alpha, double beta) {
        double[] l = new double[p];
        for (int k = 1; k <= p; k++) {
            l[k - 1] = StrictMath.pow(k, -alpha) * StrictMath.pow(StrictLog.log(k + 1.0), -beta);
        }
        return new Spectrum(l);
    }

    public int dim() {
        return eigenvalues.length;
    }

    /** λ_{i+1} (0-based index i); the array itself is never handed out. */
    public double get(int i) {
        return eigenvalues[i];
    }

    /** A copy of the eigenvalues. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** tr Σ = Σ_i λ_i. */
    public double trace() {
        double s = 0;
        for (double v : eigenvalues) {
            s += v;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && Arrays.equals(eigenvalues, s.eigenvalues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return "Spectrum(p=" + eigenvalues.length + ", λ₁=" + eigenvalues[0] + ", λ_p=" + eigenvalues[eigenvalues.length - 1]
                + ", tr=" + trace() + ")";
    }
}
