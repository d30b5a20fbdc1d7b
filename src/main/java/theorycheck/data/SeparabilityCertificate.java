package theorycheck.data;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import theorycheck.linalg.Mat;

/**
 * Decides whether a {@link Classification} is strictly separable by a hyperplane through the
 * origin, by solving the linear program
 *
 * <pre>
 *   maximize t   subject to   yᵢ⟨w, xᵢ⟩ ≥ t  (i = 1..m),   −1 ≤ w_j ≤ 1  (j = 1..d)
 * </pre>
 *
 * with ojAlgo's {@link ExpressionsBasedModel} (its simplex solver). The optimum t* is the max
 * ℓ∞-margin; it is &gt; 0 exactly when the data are separable and = 0 otherwise (w = 0, t = 0 is
 * always feasible, so t is given the lower bound 0 without changing the optimum; it is bounded
 * above by min‖xᵢ‖₁ through the box on w).
 *
 * <p>The answer is checked, not trusted: {@code achievedMargin} = minᵢ yᵢ⟨w, xᵢ⟩ is recomputed in
 * double precision from the returned w (clipped to the box), and "separable" means that this
 * w itself separates with room to spare — a certificate anyone can verify. "Not separable" is the
 * solver's word (its dual, a convex combination of the yᵢxᵢ at 0, is not returned).
 *
 * <p>Scale: under ‖w‖∞ ≤ 1, |⟨w, xᵢ⟩| ≤ ‖xᵢ‖₁, so S = maxᵢ‖xᵢ‖₁ is the scale of t and every
 * tolerance here is relative to it.
 */
public final class SeparabilityCertificate {
    /**
     * A margin at most this·S counts as zero. ojAlgo's simplex works to about 12 significant
     * digits with a feasibility tolerance of 1e-8 (its default {@code options.feasibility},
     * NumberContext 12:8); margins below 1e-9·S are within that noise and the LP cannot tell them
     * from 0. Such data are reported as not separable (GD would anyway need ~1/γ² steps).
     */
    public static final double SEPARABLE_RELATIVE_TOL = 1e-9;
    /**
     * Largest allowed gap |t − achievedMargin| / S between the LP's objective and the margin its
     * w really has: the LP's constraints may be violated by its feasibility tolerance (1e-8), with
     * a factor 10 of slack. A larger gap means the solver's answer is wrong, and is an error.
     */
    public static final double CONSISTENCY_RELATIVE_TOL = 1e-7;
    /**
     * Simplex iterations allowed per unit of problem size (m + d + 1); the simplex method usually
     * needs 2–3 per unit. ojAlgo 55.0.1's simplex can cycle on degenerate LPs (observed, on other
     * formulations of these problems), so the limit turns a hang into a reported failure.
     */
    public static final int ITERATIONS_PER_UNIT = 50;

    private SeparabilityCertificate() {
    }

    /**
     * @param separable whether {@code w} separates the data: achievedMargin &gt; tolerance
     * @param margin t from the LP, the max ℓ∞-margin (≥ 0)
     * @param achievedMargin minᵢ yᵢ⟨w, xᵢ⟩ recomputed from {@code w}
     * @param w the LP's w, in [−1, 1]^d
     * @param tolerance the absolute cut SEPARABLE_RELATIVE_TOL·maxᵢ‖xᵢ‖₁ used for {@code separable}
     * @param solverState ojAlgo's {@code Optimisation.State} name
     */
    public record Result(boolean separable, double margin, double achievedMargin, double[] w, double tolerance,
            String solverState) {
    }

    /**
     * Solves the LP above and verifies its answer.
     *
     * @param data not modified
     * @throws IllegalStateException if the LP's objective is inconsistent with its w, or the solver
     *     stopped short of an optimum without having found a separating w
     */
    public static Result certify(Classification data) {
        Mat x = data.x();
        int m = data.examples();
        int d = data.dim();
        double scale = maxNorm1(x);
        if (scale == 0) {
            // every xᵢ = 0: yᵢ⟨w, xᵢ⟩ = 0 for all w
            return new Result(false, 0, 0, new double[d], 0, "TRIVIAL");
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.iterations_abort = iterationLimit(m, d);
        Variable[] w = new Variable[d];
        for (int j = 0; j < d; j++) {
            w[j] = model.addVariable("w" + j).lower(-1).upper(1);
        }
        Variable t = model.addVariable("t").lower(0).weight(1);
        for (int i = 0; i < m; i++) {
            Expression c = model.addExpression("margin" + i).lower(0);
            double yi = data.label(i);
            for (int j = 0; j < d; j++) {
                double v = yi * x.get(i, j);
                if (v != 0) {
                    c.set(w[j], v);
                }
            }
            c.set(t, -1);
        }
        Optimisation.Result result = model.maximise();
        Optimisation.State state = result.getState();
        double[] wv = new double[d];
        for (int j = 0; j < d; j++) {
            wv[j] = Math.max(-1, Math.min(1, result.doubleValue(j)));
        }
        double tv = result.doubleValue(d);
        double achieved = minSignedMargin(data, wv);
        if (Math.abs(tv - achieved) > CONSISTENCY_RELATIVE_TOL * scale) {
            throw new IllegalStateException("SeparabilityCertificate: LP objective t = " + tv
                    + " but its w achieves min yᵢ⟨w,xᵢ⟩ = " + achieved + " (scale max‖xᵢ‖₁ = " + scale
                    + ", state " + state + ")");
        }
        double tol = SEPARABLE_RELATIVE_TOL * scale;
        boolean separable = achieved > tol;
        if (!separable && !state.isOptimal()) {
            // a w that separates proves separability whatever the state; "not separable" needs an optimum
            throw new IllegalStateException("SeparabilityCertificate: ojAlgo LP ended in state " + state
                    + " (not optimal) on a " + m + "x" + d + " problem; separability undecided");
        }
        return new Result(separable, tv, achieved, wv, tol, state.name());
    }

    /** The simplex iteration cap for an LP with m constraints and d + 1 variables. */
    static int iterationLimit(int m, int d) {
        return ITERATIONS_PER_UNIT * (m + d + 1);
    }

    /** minᵢ yᵢ⟨w, xᵢ⟩; arguments not modified. */
    static double minSignedMargin(Classification data, double[] w) {
        Mat x = data.x();
        int d = x.cols();
        double[] xd = x.data();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += xd[i * d + j] * w[j];
            }
            min = Math.min(min, data.label(i) * s);
        }
        return min;
    }

    private static double maxNorm1(Mat x) {
        double best = 0;
        int d = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += Math.abs(x.get(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }
}
