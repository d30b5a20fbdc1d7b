package theorycheck.claims.stability;

import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.reference.PacBayes;

/**
 * book.B.13-kl: KL(Q‖N(0, σ²I)) for posteriors Q = N(w, s²I) shrinking to the point mass at w,
 * against the book's "point-mass" value ‖w‖²/(2σ²).
 */
final class StabilityKl implements InstanceCheck<StabilityKl.Instance>, ClaimRunner.KeyNumber {
    record Instance(int d, double sigma, double[] w) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d=%d σ=%.3g ‖w‖=%.3g", d, sigma, Vec.norm2(w));
        }
    }

    @Override
    public Instance draw(Trial trial) {
        Rng rng = trial.rng();
        int d = trial.drawInt("d");
        return new Instance(d, trial.drawLogUniform("sigma"),
                StabilityData.direction(d, trial.drawLogUniform("w_norm"), rng.split()));
    }

    @Override
    public TrialResult check(Instance in, Trial trial) {
        var s = trial.setting();
        double[] ratios = s.reals("width_ratios");
        double tol = s.real("relative_tolerance");
        double book = Vec.dot(in.w(), in.w()) / (2 * in.sigma() * in.sigma());
        double worst = 0;
        double[] x = new double[ratios.length];
        double[] kl = new double[ratios.length];
        StringBuilder note = new StringBuilder();
        for (int k = 0; k < ratios.length; k++) {
            kl[k] = PacBayes.gaussianKl(in.w(), ratios[k] * in.sigma(), in.sigma());
            x[k] = ratios[k];
            double rel = Math.abs(kl[k] - book) / book;
            worst = Math.max(worst, rel);
            note.append(String.format(Locale.ROOT, "s/σ=%.0e: KL=%.6g; ", ratios[k], kl[k]));
        }
        note.append(String.format(Locale.ROOT, "book's ‖w‖²/(2σ²) = %.6g; largest relative difference %.4g (≤ %.2g agrees)",
                book, worst, tol));
        var b = TrialResult.of(trial).instance(in.toString()).metric("d", in.d()).metric("bookKl", book)
                .metric("worstRelative", worst).trace("kl", x, kl).trace("book", x, constant(book, x.length));
        return b.decide(worst, worst <= tol, note.toString());
    }

    private static double[] constant(double v, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new java.util.ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= ClaimCharts.MAX_CURVES) {
                break;
            }
            double[][] kl = t.traces().get("kl");
            double[][] book = t.traces().get("book");
            series.add(Chart.Series.line("KL, trial " + t.index(), kl[0], kl[1]));
            series.add(Chart.Series.points("‖w‖²/(2σ²), trial " + t.index(), book[0], book[1]));
        }
        return List.of(new Chart(e.arm() + "-kl-vs-width", "KL(N(w, s²I) ‖ N(0, σ²I)) as s → 0 (" + e.arm() + ")",
                "posterior width s/σ", "KL (nats)", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        double worst = e.min("worstRelative");
        return String.format(Locale.ROOT, "smallest worst-case relative difference from ‖w‖²/(2σ²): %.4g", worst);
    }
}
