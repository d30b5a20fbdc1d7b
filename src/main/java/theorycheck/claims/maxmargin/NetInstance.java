package theorycheck.claims.maxmargin;

import java.util.Locale;
import theorycheck.claim.Trial;
import theorycheck.data.Classification;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;
import theorycheck.model.Activation;
import theorycheck.model.Mlp;

/**
 * A bias-free net on random-label data (Gaussian inputs, m &gt; d, so a non-linear net is needed),
 * its depth, width and data drawn per trial.
 */
record NetInstance(int m, int d, int depth, int width, Activation activation, long dataSeed, long initSeed) {
    static NetInstance draw(Trial trial) {
        var s = trial.setting();
        Rng rng = trial.rng();
        int[] dr = s.intRange("depth");
        int[] wr = s.intRange("width");
        return new NetInstance(s.integer("m"), s.integer("d"), rng.intBetween(dr[0], dr[1]),
                rng.intBetween(wr[0], wr[1]), Activation.byName(s.text("activation")),
                rng.nextLong(), rng.nextLong());
    }

    Classification data() {
        return SeparableDesigns.randomLabels(m, d, new Rng(dataSeed));
    }

    Mlp net() {
        int[] widths = new int[depth - 1];
        java.util.Arrays.fill(widths, width);
        return new Mlp(d, widths, activation, false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "random labels m=%d d=%d, bias-free %s net depth %d width %d, dataSeed=%d "
                + "initSeed=%d", m, d, activation.name().toLowerCase(Locale.ROOT), depth, width, dataSeed, initSeed);
    }
}
