package theorycheck.claims.sharpness;

import java.util.Locale;
import theorycheck.claim.Setting;
import theorycheck.data.Classification;
import theorycheck.data.FashionMnist;
import theorycheck.data.Rng;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.measure.HessianVectorProduct;
import theorycheck.measure.Lanczos;

/**
 * Two-class Fashion-MNIST subsets for the sharpness-dynamics claims, read from a claim's setting
 * ({@code classes: [positive, negative]}, {@code per_class}, {@code pool}), and the λ_max
 * measurement they share.
 */
final class SharpnessDynamicsData {
    private SharpnessDynamicsData() {
    }

    /** {@code perClass} training images of each of the setting's two classes, ±1 labels, pooled. */
    static Classification train(Setting s, int perClass, Rng rng) {
        int[] classes = s.integers("classes");
        return FashionMnist.binary(FashionMnist.load().train(), classes[0], classes[1], perClass, perClass,
                s.integer("pool"), rng);
    }

    /** The same from the test split. */
    static Classification test(Setting s, int perClass, Rng rng) {
        int[] classes = s.integers("classes");
        return FashionMnist.binary(FashionMnist.load().test(), classes[0], classes[1], perClass, perClass,
                s.integer("pool"), rng);
    }

    static String describe(Setting s, int perClass) {
        int[] classes = s.integers("classes");
        int side = FashionMnist.SIDE / s.integer("pool");
        return String.format(Locale.ROOT, "Fashion-MNIST %s vs %s, %d per class, %d×%d pooled",
                FashionMnist.CLASS_NAMES[classes[0]], FashionMnist.CLASS_NAMES[classes[1]], perClass, side, side);
    }

    /**
     * λ_max of the full-batch Hessian by Lanczos on exact Hessian-vector products, to a relative
     * residual {@code tol}; NaN when it did not converge within 100 steps.
     */
    static double lambdaMax(EmpiricalRisk risk, double[] theta, Rng rng, double tol) {
        Lanczos.Result r = Lanczos.top(HessianVectorProduct.of(risk, theta), theta.length, 1, rng, 100, tol);
        return r.converged() ? r.first() : Double.NaN;
    }
}
