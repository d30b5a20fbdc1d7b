package theorycheck.data;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Vec;

/**
 * Test helper: upper bounds on max-margins from the dual side. For any norm,
 *
 * <pre>
 *   max_{‖w‖ ≤ 1} minᵢ yᵢ⟨w, xᵢ⟩ = min{‖z‖_* : z = Σαᵢyᵢxᵢ, α ≥ 0, Σαᵢ = 1},
 * </pre>
 *
 * and weak duality (⟨w, z⟩ ≤ ‖w‖‖z‖_*) makes ‖Σαᵢyᵢxᵢ‖_* an upper bound for every α in the simplex,
 * however α was found. The LPs below find a good α with ojAlgo; {@link #upperBound} then
 * recomputes the bound from α alone, so a wrong solver can loosen the bound but never make it
 * invalid. A zero bound is Gordan's certificate that the data are not separable through the origin.
 */
public final class DualCertificates {
    private DualCertificates() {
    }

    /** z = Σαᵢyᵢxᵢ / Σαᵢ after clipping α at 0 (so it is a convex combination of the yᵢxᵢ). */
    public static double[] convexCombination(Classification data, double[] alpha) {
        Mat x = data.x();
        double sum = 0;
        for (double a : alpha) {
            sum += Math.max(0, a);
        }
        double[] z = new double[data.dim()];
        for (int i = 0; i < data.examples(); i++) {
            double a = Math.max(0, alpha[i]) / sum;
            for (int j = 0; j < z.length; j++) {
                z[j] += a * data.label(i) * x.get(i, j);
            }
        }
        return z;
    }

    /** ‖z‖₁ of the convex combination: an upper bound on the max ℓ∞-margin. */
    public static double upperBoundLInf(Classification data, double[] alpha) {
        return Vec.norm1(convexCombination(data, alpha));
    }

    /** ‖z‖∞ of the convex combination: an upper bound on the max ℓ1-margin. */
    public static double upperBoundL1(Classification data, double[] alpha) {
        return Vec.normInf(convexCombination(data, alpha));
    }

    /** ‖z‖₂ of the convex combination: an upper bound on the max ℓ2-margin. */
    public static double upperBoundL2(Classification data, double[] alpha) {
        return Vec.norm2(convexCombination(data, alpha));
    }

    /** α minimizing ‖Σαᵢyᵢxᵢ‖₁ over the simplex (the dual of the max ℓ∞-margin LP). */
    public static double[] alphaForLInf(Classification data) {
        return solveDual(data, true);
    }

    /** α minimizing ‖Σαᵢyᵢxᵢ‖∞ over the simplex (the dual of the max ℓ1-margin LP). */
    public static double[] alphaForL1(Classification data) {
        return solveDual(data, false);
    }

    private static double[] solveDual(Classification data, boolean l1Objective) {
        int m = data.examples();
        int d = data.dim();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] alpha = new Variable[m];
        Expression simplex = model.addExpression("simplex").level(1);
        for (int i = 0; i < m; i++) {
            alpha[i] = model.addVariable("a" + i).lower(0);
            simplex.set(alpha[i], 1);
        }
        Variable[] u = new Variable[d];
        Variable s = l1Objective ? null : model.addVariable("s").lower(0).weight(1);
        for (int j = 0; j < d; j++) {
            Variable bound = s;
            if (l1Objective) {
                u[j] = model.addVariable("u" + j).lower(0).weight(1);
                bound = u[j];
            }
            Expression upper = model.addExpression("up" + j).lower(0).set(bound, 1);
            Expression lower = model.addExpression("lo" + j).lower(0).set(bound, 1);
            for (int i = 0; i < m; i++) {
                double v = data.label(i) * data.x().get(i, j);
                upper.set(alpha[i], -v); // bound − zⱼ ≥ 0
                lower.set(alpha[i], v); // bound + zⱼ ≥ 0
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("dual LP ended in state " + result.getState());
        }
        double[] a = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = result.doubleValue(model.indexOf(alpha[i]));
        }
        return a;
    }
}
