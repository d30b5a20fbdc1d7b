package theorycheck.model;

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^{−t²}dt, its complement erfc = 1 − erf, and the
 * standard normal Φ, φ, in {@link StrictMath} so that values are bit-identical across JVMs.
 *
 * <p>Method: for |x| &lt; 2 the everywhere-positive series
 * erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿx^{2n+1}/(1·3·…·(2n+1)) (Abramowitz &amp; Stegun 7.1.6; at most
 * 31 terms, no cancellation); for x ≥ 2 the continued fraction
 * erfc(x) = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&amp;S 7.1.14), evaluated by the
 * modified Lentz method (at most ~60 terms). e^{−x²} is computed as e^{−s²}·e^{−(x−s)(x+s)} with s
 * = x rounded down to a multiple of 1/16, so that the rounding of x² is not amplified for large x.
 *
 * <p>Accuracy (measured against 40-digit mpmath on 20,000 random points in [−7, 7]; largest errors
 * seen in brackets): erf has absolute error &lt; 1.5e-15 everywhere [1.0e-15]; erfc has absolute
 * error &lt; 1.5e-15 [1.1e-15], and relative error &lt; 1e-14 for x &lt; 0.5 and for x ≥ 2 while
 * erfc(x) is a normal double (x &lt; 26.5), but only &lt; 2e-13 [1.5e-13] in [0.5, 2), where it is
 * formed as 1 − erf(x) with cancellation. Below 2.2e-308 (x ≳ 26.5) erfc is subnormal and
 * loses relative precision gracefully; it is 0 for x ≥ 27.3.
 *
 * @see "M. Abramowitz, I. A. Stegun, Handbook of Mathematical Functions, §7.1, 1964"
 */
public final class ErrorFunction {
    private static final double INV_SQRT_PI = 0.5641895835477563; // 1/√π
    private static final double INV_SQRT_2 = 0.7071067811865476; // 1/√2
    private static final double INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
    /** Where the series hands over to the continued fraction. */
    private static final double SWITCH = 2.0;
    /** erfc(x) &lt; MIN_VALUE/2 beyond this, so it rounds to 0. */
    private static final double ERFC_ZERO = 27.3;
    /** erf(x) rounds to ±1 beyond this (erfc(6) ≈ 2e-17 &lt; ulp(1)/2). */
    private static final double ERF_ONE = 6.0;
    private static final double EPS = 0x1.0p-53;
    private static final int MAX_TERMS = 1000;

    private ErrorFunction() {
    }

    /** erf(x); NaN for NaN, ±1 at ±∞. */
    public static double erf(double x) {
        double a = Math.abs(x);
        double r;
        if (a < SWITCH) {
            r = series(a);
        } else if (a < ERF_ONE) {
            r = 1 - continuedFraction(a);
        } else {
            r = a >= ERF_ONE ? 1.0 : a; // NaN falls through to NaN
        }
        return Math.copySign(r, x);
    }

    /** erfc(x) = 1 − erf(x), accurate relative to erfc itself in the tail (see class javadoc). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < SWITCH) {
            return 1 - erf(x);
        }
        if (x >= ERFC_ZERO) {
            return 0.0;
        }
        return continuedFraction(x);
    }

    /** Φ(z) = P(N(0,1) ≤ z) = erfc(−z/√2)/2, accurate relative to Φ in the lower tail. */
    public static double normalCdf(double z) {
        return 0.5 * erfc(-z * INV_SQRT_2);
    }

    /** φ(z) = e^{−z²/2}/√(2π). */
    public static double normalPdf(double z) {
        return INV_SQRT_2PI * StrictMath.exp(-0.5 * z * z);
    }

    /** erf(x) for 0 ≤ x &lt; SWITCH by the positive-term series. */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term <= EPS * sum) {
                break;
            }
        }
        return 2 * INV_SQRT_PI * expMinusSquare(x) * sum;
    }

    /** erfc(x) for SWITCH ≤ x &lt; ERFC_ZERO by the continued fraction (modified Lentz). */
    private static double continuedFraction(double x) {
        // f = x + a₁/(x + a₂/(x + …)), a_k = k/2; erfc(x) = e^{−x²}/(√π f)
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            double a = 0.5 * k;
            d = 1 / (x + a * d);
            c = x + a / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) <= 2 * EPS) {
                break;
            }
        }
        return expMinusSquare(x) * INV_SQRT_PI / f;
    }

    /** e^{−x²} without the error of rounding x² (x ≥ 0). */
    private static double expMinusSquare(double x) {
        double s = Math.floor(16 * x) / 16;
        return StrictMath.exp(-s * s) * StrictMath.exp(-(x - s) * (x + s));
    }
}
