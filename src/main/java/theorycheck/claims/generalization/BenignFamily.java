package theorycheck.claims.generalization;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import theorycheck.data.Spectrum;

/**
 * A sequence of covariance spectra indexed by the sample size m, written in a claim file as
 * {@code "s=5 tail_dim=1*m^1.5 tail_mass=1*m^0.5"}: s spikes of variance 1, then a flat tail of
 * ⌈c_d·m^e_d⌉ directions carrying total variance c_T·m^e_T. s = 0 with tail_mass = tail_dim gives
 * the isotropic Σ = I_p. Bartlett et al.'s conditions for this family with s fixed: r₀/m → 0 iff
 * e_T &lt; 1; m/R_{k*} = m/tail_dim → 0 iff e_d &gt; 1.
 */
record BenignFamily(int spikes, double dimCoef, double dimExp, double massCoef, double massExp) {
    private static final Pattern FORMAT = Pattern.compile(
            "s=(\\d+)\\s+tail_dim=([0-9.eE+-]+)\\*m\\^([0-9.eE+-]+)\\s+tail_mass=([0-9.eE+-]+)\\*m\\^([0-9.eE+-]+)");

    static BenignFamily parse(String text) {
        Matcher mt = FORMAT.matcher(text.trim());
        if (!mt.matches()) {
            throw new IllegalArgumentException("spectrum family '" + text
                    + "' is not of the form 's=<int> tail_dim=<c>*m^<e> tail_mass=<c>*m^<e>'");
        }
        return new BenignFamily(Integer.parseInt(mt.group(1)), Double.parseDouble(mt.group(2)),
                Double.parseDouble(mt.group(3)), Double.parseDouble(mt.group(4)), Double.parseDouble(mt.group(5)));
    }

    int tailDim(int m) {
        return (int) Math.ceil(dimCoef * StrictMath.pow(m, dimExp) - 1e-9);
    }

    double tailMass(int m) {
        return massCoef * StrictMath.pow(m, massExp);
    }

    Spectrum at(int m) {
        return Spectrum.spiked(spikes, 1.0, tailDim(m), tailMass(m));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "s=%d tail_dim=%.3g·m^%.3g tail_mass=%.3g·m^%.3g", spikes, dimCoef, dimExp,
                massCoef, massExp);
    }
}
