package theorycheck.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Gaussian initialization scheme for weight matrices: each entry of a layer with fan-in n is
 * drawn from N(0, (scale·σ_n)²), where σ_n² is 2/n (HE), 1/n (XAVIER) or 1 (STANDARD). Biases
 * start at 0. Immutable; {@link #scaled} multiplies the standard deviation, e.g. for small- versus
 * large-initialization regimes.
 *
 * <p>XAVIER here is the fan-in form 1/n (LeCun et al. 1998); Glorot &amp; Bengio's original uses
 * 2/(fan_in + fan_out).
 *
 * @see "K. He, X. Zhang, S. Ren, J. Sun, Delving deep into rectifiers, ICCV 2015"
 * @see "X. Glorot, Y. Bengio, Understanding the difficulty of training deep feedforward neural networks, AISTATS 2010"
 */
public record Init(Scheme scheme, double scale) {
    public static final Init HE = new Init(Scheme.HE, 1.0);
    public static final Init XAVIER = new Init(Scheme.XAVIER, 1.0);
    public static final Init STANDARD = new Init(Scheme.STANDARD, 1.0);

    public Init {
        Objects.requireNonNull(scheme, "scheme");
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("init scale must be finite and ≥ 0, got " + scale);
        }
    }

    /** The same scheme with standard deviation multiplied by c (c ≥ 0). */
    public Init scaled(double c) {
        return new Init(scheme, scale * c);
    }

    /** Standard deviation of a weight entry for a layer with this fan-in. */
    public double std(int fanIn) {
        return scale * Math.sqrt(scheme.variance(fanIn));
    }

    /**
     * The unscaled scheme with this lower-case name ("he", "xavier", "standard").
     *
     * @throws IllegalArgumentException for any other name, listing the allowed ones
     */
    public static Init byName(String name) {
        for (Scheme s : Scheme.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return new Init(s, 1.0);
            }
        }
        throw new IllegalArgumentException("unknown init '" + name + "'; allowed: " + Arrays.stream(Scheme.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ", "[", "]")));
    }

    @Override
    public String toString() {
        return scheme.name().toLowerCase(Locale.ROOT) + (scale == 1.0 ? "" : "×" + scale);
    }

    /** The base variance as a function of fan-in. */
    public enum Scheme {
        /** 2/fan_in. */
        HE {
            @Override
            double variance(int fanIn) {
                return 2.0 / fanIn;
            }
        },
        /** 1/fan_in. */
        XAVIER {
            @Override
            double variance(int fanIn) {
                return 1.0 / fanIn;
            }
        },
        /** 1. */
        STANDARD {
            @Override
            double variance(int fanIn) {
                return 1.0;
            }
        };

        abstract double variance(int fanIn);
    }
}
