package theorycheck.claims.generalization;

import java.util.Locale;
import theorycheck.data.FashionMnist;

/** Even trials: a Fashion-MNIST class pair; odd trials: exercise C.13's 2-D task. */
record LabelInstance(boolean images, int positiveClass, int negativeClass, double positiveFraction,
        double shuffleFraction, long dataSeed) {
    @Override
    public String toString() {
        return images
                ? String.format(Locale.ROOT, "Fashion-MNIST %s (+) vs %s (−), positive fraction %.2f, shuffled %.0f%%, dataSeed=%d",
                        FashionMnist.CLASS_NAMES[positiveClass], FashionMnist.CLASS_NAMES[negativeClass], positiveFraction,
                        100 * shuffleFraction, dataSeed)
                : String.format(Locale.ROOT, "C.13: x ~ U[−1,1]², y = sign(x₁), shuffled %.0f%%, dataSeed=%d",
                        100 * shuffleFraction, dataSeed);
    }
}
