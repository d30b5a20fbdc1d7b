package theorycheck.claims.maxmargin;

import java.util.Locale;
import theorycheck.claim.Trial;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;

/**
 * A separable instance with m &lt; d, drawn until its ℓ2 and ℓ∞ max-margin directions differ (in
 * low dimension or with many points they often share one active set and hence one direction,
 * and then nothing distinguishes the norms). The points are planted-margin data, or, when the
 * setting names a {@code shift}, the seed repository's two shifted unit Gaussians (separable
 * through the origin only because m &lt; d puts them in general position).
 */
record SeparableInstance(int m, int d, double gamma, double shift, double stepFraction, long dataSeed) {
    static SeparableInstance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] mr = s.intRange("m");
        int m = rng.intBetween(mr[0], mr[1]);
        double[] ar = s.range("aspect");
        int d = (int) Math.round(m * rng.uniform(ar[0], ar[1]));
        // claims that fix their step themselves (not relative to the smoothness) have no step_fraction
        double f = 1.0;
        if (s.has("step_fraction")) {
            double[] fr = s.range("step_fraction");
            f = rng.uniform(fr[0], fr[1]);
        }
        boolean gaussians = s.has("shift");
        return new SeparableInstance(m, d, gaussians ? Double.NaN : s.real("gamma"),
                gaussians ? s.real("shift") : Double.NaN, f, rng.nextLong());
    }

    Classification data() {
        return Double.isNaN(shift) ? SeparableDesigns.plantedMargin(m, d, gamma, new Rng(dataSeed))
                : SeparableDesigns.shiftedGaussians(m, d, shift, new Rng(dataSeed));
    }

    @Override
    public String toString() {
        return withoutStep() + String.format(Locale.ROOT, " step=%.2f/L", stepFraction);
    }

    String withoutStep() {
        String design = Double.isNaN(shift) ? String.format(Locale.ROOT, "γ_planted=%.2f", gamma)
                : String.format(Locale.ROOT, "Gaussians shifted ±%.2f", shift);
        return String.format(Locale.ROOT, "m=%d d=%d %s dataSeed=%d", m, d, design, dataSeed);
    }
}
