package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import theorycheck.claim.Chart;
import theorycheck.claim.Evidence;
import theorycheck.claim.Outcome;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.Regression;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;
import theorycheck.reference.MinL1Interpolant;
import theorycheck.reference.MinNorm;
import theorycheck.reference.QAlphaInterpolant;

/**
 * slides.alpha-limits: argmin Q_α (the flow limit, see slides.q-alpha) tends to min-ℓ1 as α → 0 and
 * to min-ℓ2 as α → ∞, and the slides' thresholds give (1+ε)-approximations:
 * <pre>
 *   α ≥ √(2(1+ε)(1+2/ε)‖β_ℓ2‖₂)                          ⟹ ‖β_α‖₂² ≤ (1+ε)‖β_ℓ2‖₂²
 *   α ≤ min{(2(1+ε)‖β_ℓ1‖₁)^{−(2+ε)/(2ε)}, exp(−d/(ε‖β_ℓ1‖₁))} ⟹ ‖β_α‖₁ ≤ (1+ε)‖β_ℓ1‖₁
 * </pre>
 * The setting key {@code ends} is {@code stated} in the claim; the control's {@code swapped} exchanges
 * the two init scales (the ℓ1 statements evaluated at large α and the ℓ2 ones at small α), where they
 * are false.
 */
final class DiagonalNetAlphaLimits extends DiagonalNetCheck {
    /** Smallest α the Q_α solver is verified at (QAlphaInterpolantTest); thresholds below it are skipped. */
    static final double ALPHA_FLOOR = 1e-20;
    static final double ALPHA_CEIL = 1e3;
    /** Excess ℓ1 norm at α = 1e-20: the approach is ~1/log(1/α²) ≈ 1e-2 (d/(ε‖β‖₁) ≤ 92 in the threshold). */
    static final double L1_LIMIT_TOL = 1e-2;
    /** Q_α = ‖β‖²/(4α²)(1 + O(‖β‖²/α⁴)): at α = 1e3 the excess squared ℓ2 norm is ~1e-12. */
    static final double L2_LIMIT_TOL = 1e-6;

    @Override
    public TrialResult check(DiagonalNetInstance inst, Trial trial) {
        boolean swapped = trial.setting().choice("ends", "stated", "swapped").equals("swapped");
        Regression data = inst.data();
        Mat x = data.x();
        double[] y = data.y();
        var b = TrialResult.of(trial).instance(inst.toString().replaceAll(" α=[^ ]+", "") + (swapped ? " (ends swapped)" : ""));
        MinL1Interpolant.Result l1 = minL1(data);
        double[] l2 = MinNorm.solve(x, y);
        if (!l1.certified()) {
            return uncertified(b, l1);
        }
        double l1Norm = l1.l1(), l2Sq = Vec.dot(l2, l2);
        // the curve for the chart
        List<Double> as = new ArrayList<>(), toL1 = new ArrayList<>(), toL2 = new ArrayList<>();
        for (double e = -8; e <= 3.001; e += 0.5) {
            double a = Math.pow(10, e);
            QAlphaInterpolant.Result q = QAlphaInterpolant.solve(x, y, a);
            if (q.converged()) {
                as.add(a);
                toL1.add(Vec.relativeError(q.beta(), l1.beta(), 0.0));
                toL2.add(Vec.relativeError(q.beta(), l2, 0.0));
            }
        }
        b.trace("toL1", ClaimCharts.toArray(as), ClaimCharts.toArray(toL1));
        b.trace("toL2", ClaimCharts.toArray(as), ClaimCharts.toArray(toL2));
        double small = swapped ? ALPHA_CEIL : ALPHA_FLOOR, large = swapped ? ALPHA_FLOOR : ALPHA_CEIL;
        QAlphaInterpolant.Result qs = QAlphaInterpolant.solve(x, y, small), ql = QAlphaInterpolant.solve(x, y, large);
        if (!qs.converged() || !ql.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "Q_α reference not converged at the ends");
        }
        // judged by the norms, as the theorem is; distances are recorded (a nearly flat LP optimum
        // lets a near-minimal ℓ1 norm sit far from the minimizer)
        double l1Limit = Vec.norm1(qs.beta()) / l1Norm - 1;
        double l2Limit = Vec.dot(ql.beta(), ql.beta()) / l2Sq - 1;
        b.metric("l1Norm", l1Norm).metric("l1ExcessAtSmall", l1Limit).metric("l2ExcessAtLarge", l2Limit)
                .metric("distL1AtSmall", Vec.relativeError(qs.beta(), l1.beta(), 0.0))
                .metric("distL2AtLarge", Vec.relativeError(ql.beta(), l2, 0.0));
        boolean pass = Math.abs(l1Limit) <= L1_LIMIT_TOL && Math.abs(l2Limit) <= L2_LIMIT_TOL;
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "‖β‖₁/‖β_ℓ1‖₁ − 1 at α=%.0e: %.2e (distance %.2e); ‖β‖₂²/‖β_ℓ2‖₂² − 1 at α=%.0e: %.2e", small,
                l1Limit, b.peek("distL1AtSmall"), large, l2Limit));
        int evaluated = 0;
        for (double eps : trial.setting().reals("epsilons")) {
            double thrL2 = Math.sqrt(2 * (1 + eps) * (1 + 2 / eps) * Math.sqrt(l2Sq));
            double thrL1 = Math.min(Math.pow(2 * (1 + eps) * l1Norm, -(2 + eps) / (2 * eps)),
                    Math.exp(-inst.d() / (eps * l1Norm)));
            double atL2 = swapped ? thrL1 : thrL2, atL1 = swapped ? thrL2 : thrL1;
            String tag = String.format(Locale.ROOT, "eps%.2f", eps);
            b.metric(tag + "_thrL1", thrL1).metric(tag + "_thrL2", thrL2);
            QAlphaInterpolant.Result q2 = QAlphaInterpolant.solve(x, y, Math.max(atL2, ALPHA_FLOOR));
            if (atL2 >= ALPHA_FLOOR && q2.converged()) {
                double ratio = Vec.dot(q2.beta(), q2.beta()) / l2Sq;
                b.metric(tag + "_l2SqRatio", ratio);
                pass &= ratio <= 1 + eps;
                evaluated++;
                note.append(String.format(Locale.ROOT, "; ε=%.2f: α=%.3g gives ‖β‖₂²/‖β_ℓ2‖₂² = %.4f", eps, atL2, ratio));
                b.metric(tag + "_l2Slack", thrL2 / tightL2(x, y, l2Sq, eps, thrL2));
            }
            if (atL1 >= ALPHA_FLOOR) {
                QAlphaInterpolant.Result q1 = QAlphaInterpolant.solve(x, y, atL1);
                if (q1.converged()) {
                    double ratio = Vec.norm1(q1.beta()) / l1Norm;
                    b.metric(tag + "_l1Ratio", ratio);
                    pass &= ratio <= 1 + eps;
                    evaluated++;
                    note.append(String.format(Locale.ROOT, "; ε=%.2f: α=%.3g gives ‖β‖₁/‖β_ℓ1‖₁ = %.4f", eps, atL1,
                            ratio));
                    if (!swapped) {
                        b.metric(tag + "_l1Slack", tightL1(x, y, l1Norm, eps, thrL1) / thrL1);
                    }
                }
            } else {
                note.append(String.format(Locale.ROOT, "; ε=%.2f: ℓ1 threshold %.2e below the solver's range", eps, atL1));
            }
        }
        b.metric("implicationsEvaluated", evaluated);
        if (evaluated == 0) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, note.append(" — no threshold evaluated").toString());
        }
        return b.decide(l1Limit, pass, note.toString());
    }

    /** The smallest α (bisection in log α above 1e-3·thr) at which ‖β_α‖₂² ≤ (1+ε)‖β_ℓ2‖₂². */
    private static double tightL2(Mat x, double[] y, double l2Sq, double eps, double thr) {
        double lo = Math.log(thr * 1e-3), hi = Math.log(thr);
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            double[] beta = QAlphaInterpolant.solve(x, y, Math.exp(mid)).beta();
            if (Vec.dot(beta, beta) <= (1 + eps) * l2Sq) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.exp(hi);
    }

    /** The largest α (bisection in log α, from thr up to 1e3·‖β_ℓ1‖) with ‖β_α‖₁ ≤ (1+ε)‖β_ℓ1‖₁. */
    private static double tightL1(Mat x, double[] y, double l1Norm, double eps, double thr) {
        double lo = Math.log(thr), hi = Math.log(1e3 * Math.max(1, l1Norm));
        for (int i = 0; i < 40; i++) {
            double mid = 0.5 * (lo + hi);
            double[] beta = QAlphaInterpolant.solve(x, y, Math.exp(mid)).beta();
            if (Vec.norm1(beta) <= (1 + eps) * l1Norm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(lo);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> series = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            if (series.size() >= 6 || !t.traces().containsKey("toL1")) {
                continue;
            }
            double[][] a = t.traces().get("toL1"), c = t.traces().get("toL2");
            series.add(Chart.Series.line("trial " + t.index() + " to min-ℓ1", a[0], a[1]));
            series.add(Chart.Series.line("trial " + t.index() + " to min-ℓ2", c[0], c[1]));
        }
        return List.of(new Chart(e.arm() + "-distance-vs-alpha",
                "argmin Q_α: relative distance to min-ℓ1 and min-ℓ2 vs α (" + e.arm() + ")", "α",
                "relative distance", true, true, series));
    }

    @Override
    public String keyNumber(Evidence e) {
        return DiagonalNetChecks.range(e, "l1ExcessAtSmall", "excess ℓ1 norm at the small end") + "; "
                + DiagonalNetChecks.range(e, "distL1AtSmall", "distance to min-ℓ1 there") + "; "
                + DiagonalNetChecks.range(e, "eps0.25_l1Slack", "ℓ1 threshold slack (ε=0.25)") + "; "
                + DiagonalNetChecks.range(e, "eps0.25_l2Slack", "ℓ2 threshold slack (ε=0.25)");
    }
}
