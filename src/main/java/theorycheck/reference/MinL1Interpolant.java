package theorycheck.reference;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

/**
 * The minimum-ℓ1 interpolant (basis pursuit), min ‖β‖₁ s.t. Xβ = y — the α → 0 limit of gradient
 * flow on diagonal linear networks.
 *
 * <p>Two LPs are solved with ojAlgo's simplex ({@link ExpressionsBasedModel}): the primal
 * min Σ(pⱼ + nⱼ) s.t. X(p − n) = y, p, n ≥ 0, and its dual max yᵀν s.t. ‖Xᵀν‖∞ ≤ 1. ojAlgo's LP has
 * cycled and misreported before (see {@link MaxMargin}), so neither answer is trusted on its own:
 * {@code certified} holds only when, recomputed in double precision, β is feasible, ν is dual
 * feasible and the duality gap ‖β‖₁ − yᵀν is zero to {@link #CERTIFICATE_TOL} — which proves both
 * optimal (weak duality: yᵀν = ⟨Xβ, ν⟩ ≤ ‖β‖₁‖Xᵀν‖∞ ≤ ‖β‖₁ for every feasible pair).
 */
public final class MinL1Interpolant {
    /** Relative tolerance of the certificate (100× ojAlgo's default feasibility tolerance 1e-8 is 1e-6; we ask 1e-7). */
    public static final double CERTIFICATE_TOL = 1e-7;
    private static final int ITERATIONS_PER_UNIT = 50;

    private MinL1Interpolant() {
    }

    /**
     * @param beta the primal answer
     * @param dual ν from the dual LP
     * @param l1 ‖β‖₁
     * @param relativeResidual ‖Xβ − y‖/‖y‖
     * @param dualInfeasibility max(0, ‖Xᵀν‖∞ − 1)
     * @param relativeGap (‖β‖₁ − yᵀν)/‖β‖₁
     * @param certified all three below {@link #CERTIFICATE_TOL}
     * @param states ojAlgo's final states of the primal and dual LPs
     */
    public record Result(double[] beta, double[] dual, double l1, double relativeResidual, double dualInfeasibility,
            double relativeGap, boolean certified, String states) {
    }

    /** @param x m×d, not modified; @param y length m, not modified */
    public static Result solve(Mat x, double[] y) {
        int m = x.rows(), d = x.cols();
        if (y.length != m) {
            throw new IllegalArgumentException("y has length " + y.length + ", X has " + m + " rows");
        }
        ExpressionsBasedModel primal = new ExpressionsBasedModel();
        primal.options.iterations_abort = ITERATIONS_PER_UNIT * (m + 2 * d);
        Variable[] p = new Variable[d], n = new Variable[d];
        for (int j = 0; j < d; j++) {
            p[j] = primal.addVariable("p" + j).lower(0).weight(1);
        }
        for (int j = 0; j < d; j++) {
            n[j] = primal.addVariable("n" + j).lower(0).weight(1);
        }
        for (int i = 0; i < m; i++) {
            Expression row = primal.addExpression("fit" + i).level(y[i]);
            for (int j = 0; j < d; j++) {
                double v = x.get(i, j);
                if (v != 0) {
                    row.set(p[j], v);
                    row.set(n[j], -v);
                }
            }
        }
        Optimisation.Result pr = primal.minimise();
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = pr.doubleValue(j) - pr.doubleValue(d + j);
        }

        ExpressionsBasedModel dualModel = new ExpressionsBasedModel();
        dualModel.options.iterations_abort = ITERATIONS_PER_UNIT * (m + 2 * d);
        Variable[] nu = new Variable[m];
        for (int i = 0; i < m; i++) {
            nu[i] = dualModel.addVariable("nu" + i).weight(y[i]);
        }
        for (int j = 0; j < d; j++) {
            Expression col = dualModel.addExpression("col" + j).lower(-1).upper(1);
            for (int i = 0; i < m; i++) {
                double v = x.get(i, j);
                if (v != 0) {
                    col.set(nu[i], v);
                }
            }
        }
        Optimisation.Result dr = dualModel.maximise();
        double[] nuv = new double[m];
        for (int i = 0; i < m; i++) {
            nuv[i] = dr.doubleValue(i);
        }
        return certify(x, y, beta, nuv, pr.getState() + "/" + dr.getState());
    }

    /** Recomputes feasibility of both answers and the duality gap in double precision. */
    static Result certify(Mat x, double[] y, double[] beta, double[] nu, String states) {
        double[] fit = Ops.gemv(x, beta, null);
        double res = Vec.distance(fit, y) / Math.max(Vec.norm2(y), Double.MIN_NORMAL);
        double dualInf = Math.max(0, Vec.normInf(Ops.gemvT(x, nu, null)) - 1);
        double l1 = Vec.norm1(beta);
        double gap = (l1 - Vec.dot(y, nu)) / Math.max(l1, Double.MIN_NORMAL);
        boolean ok = Vec.isFinite(beta) && Vec.isFinite(nu) && res <= CERTIFICATE_TOL && dualInf <= CERTIFICATE_TOL
                && Math.abs(gap) <= CERTIFICATE_TOL;
        return new Result(beta, nu, l1, res, dualInf, gap, ok, states);
    }

    /**
     * The margin of the best dual certificate of an ℓ1-optimal interpolant β: the largest s such that some ν
     * has X_Sᵀν = sign(β_S) on the support S and |X_jᵀν| ≤ 1 − s off it. s &gt; 0 (with X_S injective)
     * certifies that β is the unique minimizer (Fuchs 2004), and s measures how unique: every interpolant
     * β + δ has ‖β + δ‖₁ ≥ ‖β‖₁ + s‖δ_{Sᶜ}‖₁. It also sets how fast implicit-bias limits approach β
     * (for a depth-2 diagonal net from α·1, off-support coordinates shrink only like α^{2s}).
     *
     * <p>Solved as an LP (maximise t subject to those constraints with 1 − t in place of 1 − s); the
     * answer is recomputed in double precision from the ν found, so it is a valid margin whatever the
     * solver did: NaN when the equalities on S are off by more than {@link #CERTIFICATE_TOL}.
     *
     * @param beta an ℓ1-optimal interpolant (e.g. {@link Result#beta()}); its support is the set of
     *     entries larger than 1e-9·‖β‖∞
     * @return the margin s (≤ 1; 1 when β has no zero entry), or NaN
     */
    public static double certificateMargin(Mat x, double[] beta) {
        int m = x.rows(), d = x.cols();
        double cut = 1e-9 * Vec.normInf(beta);
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        lp.options.iterations_abort = ITERATIONS_PER_UNIT * (m + 2 * d);
        Variable[] nu = new Variable[m];
        for (int i = 0; i < m; i++) {
            nu[i] = lp.addVariable("nu" + i);
        }
        Variable t = lp.addVariable("t").upper(1).weight(1);
        boolean anyOff = false;
        for (int j = 0; j < d; j++) {
            if (Math.abs(beta[j]) > cut) {
                Expression eq = lp.addExpression("on" + j).level(Math.signum(beta[j]));
                for (int i = 0; i < m; i++) {
                    eq.set(nu[i], x.get(i, j));
                }
            } else {
                anyOff = true;
                // X_jᵀν + t ≤ 1 and −X_jᵀν + t ≤ 1
                Expression up = lp.addExpression("up" + j).upper(1);
                Expression lo = lp.addExpression("lo" + j).upper(1);
                for (int i = 0; i < m; i++) {
                    up.set(nu[i], x.get(i, j));
                    lo.set(nu[i], -x.get(i, j));
                }
                up.set(t, 1);
                lo.set(t, 1);
            }
        }
        if (!anyOff) {
            return 1;
        }
        Optimisation.Result r = lp.maximise();
        double[] nuv = new double[m];
        for (int i = 0; i < m; i++) {
            nuv[i] = r.doubleValue(i);
        }
        double[] xtnu = Ops.gemvT(x, nuv, null);
        double worstOff = 0, eqErr = 0;
        for (int j = 0; j < d; j++) {
            if (Math.abs(beta[j]) > cut) {
                eqErr = Math.max(eqErr, Math.abs(xtnu[j] - Math.signum(beta[j])));
            } else {
                worstOff = Math.max(worstOff, Math.abs(xtnu[j]));
            }
        }
        return Vec.isFinite(nuv) && eqErr <= CERTIFICATE_TOL ? 1 - worstOff : Double.NaN;
    }
}
