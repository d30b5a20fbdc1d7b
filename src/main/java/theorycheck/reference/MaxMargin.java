package theorycheck.reference;

import theorycheck.linalg.Norm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import theorycheck.data.Classification;
import theorycheck.data.SeparabilityCertificate;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;

/**
 * Maximum-margin linear separators through the origin for the ℓ2, ℓ∞ and ℓ1 norms:
 *
 * <pre>
 *   γ_‖·‖ = max_{‖w‖ ≤ 1} minᵢ yᵢ⟨w, xᵢ⟩ .
 * </pre>
 *
 * These are the limits of the implicit-bias theory: on separable data without bias, GD on the
 * logistic loss converges in direction to the ℓ2 solution, the hard-margin SVM (Soudry et al.,
 * JMLR 2018), and normalized steepest descent with respect to a norm to that norm's solution
 * (Gunasekar et al., ICML 2018): ℓ∞ for sign GD, ℓ1 for greedy coordinate descent.
 *
 * <p>Duality: γ_‖·‖ = min{‖z‖_* : z ∈ conv{yᵢxᵢ}} with the dual norm ‖·‖_* ({@link Norm#dual()}).
 * Any convex combination of the yᵢxᵢ therefore bounds γ from above, any unit w from below; the
 * tests use that sandwich as an optimality certificate.
 *
 * <p>Uniqueness: the ℓ2 direction is unique (strictly convex norm). The ℓ∞ and ℓ1 directions need
 * not be: for the single point x₁ = (1, 0, 0), every w with w₁ = 1, ‖w‖∞ ≤ 1 attains the max
 * ℓ∞-margin 1. The solver's vertex is then returned; compare margins, not directions, unless
 * uniqueness is known.
 *
 * <p>Solvers (ojAlgo 55.0.1, {@link ExpressionsBasedModel}):
 * <ul>
 *   <li>ℓ2 primal and dual: the convex (active-set) QP solver, then a KKT refinement in plain
 *   linear algebra (see {@link #l2}); {@code converged} means the KKT conditions were verified.
 *   The refinement is there because the raw QP answers are not reliable enough for a reference:
 *   the dual's Hessian is singular when m &gt; d and ojAlgo regularizes it (its
 *   {@code smallDiagonal}, ≈1.5e-8), leaving errors ~1e-6 in γ; and the primal, started cold,
 *   has been seen to report OPTIMAL for an infeasible w, so it is started at the feasible point
 *   from {@link SeparabilityCertificate}.</li>
 *   <li>ℓ∞: the LP of {@link SeparabilityCertificate} (box-bounded w).</li>
 *   <li>ℓ1: the LP min ‖w‖₁ s.t. yᵢ⟨w, xᵢ⟩ ≥ 1, whose optimum is 1/γ₁. (The textbook form
 *   max γ s.t. yᵢ⟨w, xᵢ⟩ ≥ γ, ‖w‖₁ ≤ 1 starts at the fully degenerate vertex w = 0, γ = 0, where
 *   ojAlgo's simplex cycled on 3 of 64 random instances.)</li>
 * </ul>
 * Every answer is re-checked in double precision: {@code margin} is recomputed as
 * minᵢ yᵢ⟨ŵ, xᵢ⟩ from the returned direction.
 *
 * <p>Separability is decided once, by {@link SeparabilityCertificate}, before any solve: data that
 * are not strictly separable through the origin throw {@link IllegalArgumentException} from every
 * method here.
 */
public final class MaxMargin {
    /**
     * A constraint is active (i is a support index) when yᵢ⟨ŵ, xᵢ⟩ − γ ≤ this·S, with
     * S = maxᵢ‖xᵢ‖_* the scale of unit-direction margins. LP answers are accurate to ~1e-14·S and
     * refined ℓ2 answers to ~1e-12·S, so true support points fall well inside; a non-support
     * point whose slack is below 1e-6·S would also be listed.
     */
    public static final double ACTIVE_RELATIVE_TOL = 1e-6;
    /**
     * For the LPs: largest allowed disagreement, relative to S, between the LP objective and the
     * margin recomputed from its direction, above which {@code converged} is false. Ten times
     * ojAlgo's default feasibility tolerance of 1e-8.
     */
    public static final double CONSISTENCY_RELATIVE_TOL = 1e-7;
    /**
     * For ℓ2: the KKT conditions of min ½‖w‖² s.t. yᵢ⟨w, xᵢ⟩ ≥ 1 are accepted when constraint
     * violations, equality residuals on the active set and negative multipliers (relative to the
     * largest) are all below this. The constraints are normalized to 1, so it is dimensionless;
     * the refinement's SVD solves are accurate to κ·ε, far below it for κ up to ~1e5.
     */
    public static final double KKT_TOL = 1e-9;
    /**
     * For ℓ2: a constraint starts the refinement as active when the raw QP answer has
     * yᵢ⟨w, xᵢ⟩ ≤ 1 + this. Generous on purpose (the raw dual is off by ~1e-6): a wrongly included
     * constraint gets a negative multiplier and is dropped by the refinement.
     */
    public static final double ACTIVE_START_TOL = 1e-4;
    /** Simplex/active-set iterations allowed per unit of problem size (see SeparabilityCertificate). */
    public static final int ITERATIONS_PER_UNIT = SeparabilityCertificate.ITERATIONS_PER_UNIT;

    private MaxMargin() {
    }

    /**
     * A max-margin solution.
     *
     * @param norm the norm in which {@code direction} has unit length
     * @param direction ŵ with ‖ŵ‖ = 1
     * @param margin γ = minᵢ yᵢ⟨ŵ, xᵢ⟩, recomputed from ŵ
     * @param supportIndices the active constraints (see {@link #ACTIVE_RELATIVE_TOL}), ascending
     * @param solverState ojAlgo's final {@code Optimisation.State}
     * @param converged ℓ2: the KKT conditions hold to {@link #KKT_TOL}; LPs: the solver reported an
     *     optimum and its objective agrees with {@code margin}
     */
    public record Result(Norm norm, double[] direction, double margin, int[] supportIndices, String solverState,
            boolean converged) {
    }

    /**
     * Hard-margin SVM without bias, primal QP: min ½‖w‖₂² s.t. yᵢ⟨w, xᵢ⟩ ≥ 1 (d variables, m
     * constraints). The solution has ‖w‖₂ = 1/γ₂; ŵ = w/‖w‖₂. Prefer {@link #l2Dual} when d &gt; m.
     *
     * <p>KKT refinement: from the constraints A that the QP answer has (nearly) active, w = Z_A⁺1
     * (Z has rows yᵢxᵢ; {@link MinNorm}) is the least-norm point with equality on A, and
     * β = (Z_Aᵀ)⁺w its multipliers. A is corrected one index at a time — the most negative
     * multiplier leaves, the most violated constraint joins — until w = Z_Aᵀβ, β ≥ 0, Z_A w = 1,
     * Zw ≥ 1 all hold, which proves optimality (the problem is convex).
     *
     * @param data strictly separable through the origin, not modified
     * @throws IllegalArgumentException if the data are not separable
     */
    public static Result l2(Classification data) {
        SeparabilityCertificate.Result cert = requireSeparable(data, "l2");
        int m = data.examples();
        int d = data.dim();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.iterations_abort = ITERATIONS_PER_UNIT * (m + d + 1);
        Variable[] w = new Variable[d];
        for (int j = 0; j < d; j++) {
            // feasible start: the certificate's w scaled to margin 1
            w[j] = model.addVariable("w" + j).value(java.math.BigDecimal.valueOf(cert.w()[j] / cert.achievedMargin()));
        }
        Expression objective = model.addExpression("half_norm_sq").weight(1);
        for (int j = 0; j < d; j++) {
            objective.set(w[j], w[j], 0.5);
        }
        addMarginConstraints(model, data, (c, j, v) -> c.set(w[j], v));
        Optimisation.Result result = model.minimise();
        double[] wv = new double[d];
        for (int j = 0; j < d; j++) {
            wv[j] = result.doubleValue(j);
        }
        return finishL2(data, wv, result.getState());
    }

    /**
     * Hard-margin SVM without bias, dual QP: max Σαᵢ − ½‖Σαᵢyᵢxᵢ‖₂² s.t. α ≥ 0 (m variables, the
     * m×m Gram matrix K_ij = yᵢyⱼ⟨xᵢ, xⱼ⟩), then w = Σαᵢyᵢxᵢ — the same w as {@link #l2}; at the
     * optimum Σαᵢ = ‖w‖₂² and αᵢ &gt; 0 only on support vectors. K is positive definite when the xᵢ
     * are independent (typically d ≥ m) and singular otherwise; then ojAlgo's raw answer is only
     * accurate to ~1e-6 and the KKT refinement of {@link #l2} does the rest. The model holds m²
     * quadratic terms, so it gets slow for large m (about 7 s at m = 300, d = 50, against 0.2 s for
     * the primal): use {@link #l2} when m &gt; d.
     *
     * @param data strictly separable through the origin, not modified
     * @throws IllegalArgumentException if the data are not separable (the dual is then unbounded)
     */
    public static Result l2Dual(Classification data) {
        requireSeparable(data, "l2Dual");
        Mat x = data.x();
        int m = data.examples();
        Mat k = Ops.multTransB(x, x, null);
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.iterations_abort = ITERATIONS_PER_UNIT * (2 * m + 1);
        Variable[] alpha = new Variable[m];
        for (int i = 0; i < m; i++) {
            alpha[i] = model.addVariable("alpha" + i).lower(0);
        }
        // minimize ½αᵀ(YKY)α − Σα
        Expression objective = model.addExpression("dual").weight(1);
        for (int i = 0; i < m; i++) {
            objective.set(alpha[i], -1);
            for (int j = 0; j < m; j++) {
                double q = 0.5 * data.label(i) * data.label(j) * k.get(i, j);
                if (q != 0) {
                    objective.set(alpha[i], alpha[j], q);
                }
            }
        }
        Optimisation.Result result = model.minimise();
        double[] a = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = data.label(i) * Math.max(0, result.doubleValue(i));
        }
        return finishL2(data, Ops.gemvT(x, a, null), result.getState());
    }

    /**
     * Max ℓ∞-margin: max γ s.t. yᵢ⟨w, xᵢ⟩ ≥ γ, ‖w‖∞ ≤ 1 — exactly the LP of
     * {@link SeparabilityCertificate}, whose answer is reused. Direction normalized to ‖ŵ‖∞ = 1 (at
     * the optimum the LP's w already has it). Not unique in general; the simplex vertex is returned.
     *
     * @param data strictly separable through the origin, not modified
     * @throws IllegalArgumentException if the data are not separable
     */
    public static Result lInf(Classification data) {
        SeparabilityCertificate.Result cert = requireSeparable(data, "lInf");
        return finishLp(data, Norm.LINF, cert.w(), cert.margin(), Optimisation.State.valueOf(cert.solverState()));
    }

    /**
     * Max ℓ1-margin: max γ s.t. yᵢ⟨w, xᵢ⟩ ≥ γ, ‖w‖₁ ≤ 1, solved as the equivalent LP
     * min Σpⱼ + Σqⱼ s.t. yᵢ⟨p − q, xᵢ⟩ ≥ 1, p, q ≥ 0, whose optimum w = p − q has ‖w‖₁ = 1/γ₁.
     * Direction normalized to ‖ŵ‖₁ = 1. Not unique in general; the simplex vertex is returned (it
     * has at most m non-zeros, so ŵ tends to be sparse).
     *
     * @param data strictly separable through the origin, not modified
     * @throws IllegalArgumentException if the data are not separable
     */
    public static Result l1(Classification data) {
        requireSeparable(data, "l1");
        int m = data.examples();
        int d = data.dim();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.iterations_abort = ITERATIONS_PER_UNIT * (m + 2 * d);
        Variable[] p = new Variable[d];
        Variable[] q = new Variable[d];
        for (int j = 0; j < d; j++) {
            p[j] = model.addVariable("p" + j).lower(0).weight(1);
            q[j] = model.addVariable("q" + j).lower(0).weight(1);
        }
        addMarginConstraints(model, data, (c, j, v) -> {
            c.set(p[j], v);
            c.set(q[j], -v);
        });
        Optimisation.Result result = model.minimise();
        double[] wv = new double[d];
        for (int j = 0; j < d; j++) {
            // variables are numbered in the order added: p0, q0, p1, q1, ...
            wv[j] = result.doubleValue(2 * j) - result.doubleValue(2 * j + 1);
        }
        double norm1 = Norm.L1.of(wv);
        return finishLp(data, Norm.L1, wv, norm1 > 0 ? 1 / norm1 : Double.NaN, result.getState());
    }

    private static Result finishL2(Classification data, double[] raw, Optimisation.State state) {
        Mat z = signedInputs(data);
        double[] refined = refineKkt(z, raw);
        double[] w = refined != null ? refined : raw;
        double norm = Norm.L2.of(w);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return new Result(Norm.L2, w, Double.NaN, new int[0], state.name(), false);
        }
        double[] direction = Norm.L2.normalize(w);
        double margin = MarginMeasures.margin(direction, data);
        return new Result(Norm.L2, direction, margin, support(data, direction, margin, scale(data, Norm.L2)),
                state.name(), refined != null);
    }

    /**
     * The KKT refinement described at {@link #l2}: returns the verified optimum of
     * min ½‖w‖² s.t. Zw ≥ 1, or null if it could not be verified within the iteration budget.
     */
    static double[] refineKkt(Mat z, double[] start) {
        int m = z.rows();
        double[] values = Ops.gemv(z, start, null);
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (values[i] <= 1 + ACTIVE_START_TOL) {
                active.add(i);
            }
        }
        for (int round = 0; round <= 2 * m + 2; round++) {
            if (active.isEmpty()) {
                return null; // only possible for m = 0, excluded by requireSeparable
            }
            int[] idx = active.stream().mapToInt(Integer::intValue).toArray();
            Mat za = Ops.selectRows(z, idx);
            double[] ones = new double[idx.length];
            java.util.Arrays.fill(ones, 1.0);
            double[] w = MinNorm.solve(za, ones);
            double[] onA = Ops.gemv(za, w, null);
            for (double v : onA) {
                if (Math.abs(v - 1) > KKT_TOL) {
                    return null; // the active equalities are inconsistent
                }
            }
            double[] beta = MinNorm.solve(Ops.transpose(za), w);
            double betaMax = 0;
            for (double b : beta) {
                betaMax = Math.max(betaMax, b);
            }
            int worstBeta = -1;
            for (int a = 0; a < beta.length; a++) {
                if (beta[a] < -KKT_TOL * betaMax && (worstBeta < 0 || beta[a] < beta[worstBeta])) {
                    worstBeta = a;
                }
            }
            if (worstBeta >= 0) {
                active.remove(worstBeta);
                continue;
            }
            double[] all = Ops.gemv(z, w, null);
            int worstViolation = -1;
            for (int i = 0; i < m; i++) {
                if (1 - all[i] > KKT_TOL && (worstViolation < 0 || all[i] < all[worstViolation])) {
                    worstViolation = i;
                }
            }
            if (worstViolation >= 0) {
                active.add(worstViolation);
                continue;
            }
            double[] recon = Ops.gemvT(za, beta, null);
            double residual = 0;
            for (int j = 0; j < w.length; j++) {
                residual = Math.max(residual, Math.abs(recon[j] - w[j]));
            }
            return residual <= KKT_TOL * Math.max(1, Norm.LINF.of(w)) ? w : null;
        }
        return null;
    }

    private static Result finishLp(Classification data, Norm norm, double[] w, double lpGamma,
            Optimisation.State state) {
        double n = norm.of(w);
        if (!(n > 0) || !Double.isFinite(n)) {
            return new Result(norm, w, Double.NaN, new int[0], state.name(), false);
        }
        double[] direction = norm.normalize(w);
        double margin = MarginMeasures.margin(direction, data);
        double scale = scale(data, norm);
        boolean consistent = Math.abs(margin - lpGamma) <= CONSISTENCY_RELATIVE_TOL * scale;
        return new Result(norm, direction, margin, support(data, direction, margin, scale), state.name(),
                state.isOptimal() && consistent);
    }

    private static SeparabilityCertificate.Result requireSeparable(Classification data, String method) {
        if (data.examples() == 0) {
            throw new IllegalArgumentException("MaxMargin." + method + ": no examples");
        }
        SeparabilityCertificate.Result cert = SeparabilityCertificate.certify(data);
        if (!cert.separable()) {
            throw new IllegalArgumentException("MaxMargin." + method + ": the " + data.examples() + "x" + data.dim()
                    + " data are not strictly separable through the origin (max ℓ∞-margin " + cert.margin()
                    + " <= tolerance " + cert.tolerance() + ")");
        }
        return cert;
    }

    /** Z with rows yᵢxᵢ. */
    private static Mat signedInputs(Classification data) {
        Mat z = data.x().copy();
        int d = z.cols();
        double[] zd = z.data();
        for (int i = 0; i < z.rows(); i++) {
            if (data.label(i) < 0) {
                for (int j = 0; j < d; j++) {
                    zd[i * d + j] = -zd[i * d + j];
                }
            }
        }
        return z;
    }

    /** S = maxᵢ‖xᵢ‖_*, the largest margin a unit-norm direction can have on one example. */
    private static double scale(Classification data, Norm norm) {
        double s = 0;
        for (int i = 0; i < data.examples(); i++) {
            s = Math.max(s, norm.dual().of(data.input(i)));
        }
        return s;
    }

    private static int[] support(Classification data, double[] direction, double margin, double scale) {
        double[] values = MarginMeasures.margins(direction, data, null);
        double cut = margin + ACTIVE_RELATIVE_TOL * scale;
        return IntStream.range(0, values.length).filter(i -> values[i] <= cut).toArray();
    }

    /** Adds y_i·x_ij·w_j, for the variables that stand for w_j, to the margin constraint c. */
    private interface MarginTerm {
        void add(Expression c, int j, double v);
    }

    /** One constraint y_i⟨x_i, w⟩ ≥ 1 per example; {@code term} writes its non-zero coefficients. */
    private static void addMarginConstraints(ExpressionsBasedModel model, Classification data, MarginTerm term) {
        Mat x = data.x();
        for (int i = 0; i < data.examples(); i++) {
            Expression c = model.addExpression("margin" + i).lower(1);
            double yi = data.label(i);
            for (int j = 0; j < data.dim(); j++) {
                double v = yi * x.get(i, j);
                if (v != 0) {
                    term.add(c, j, v);
                }
            }
        }
    }
}
