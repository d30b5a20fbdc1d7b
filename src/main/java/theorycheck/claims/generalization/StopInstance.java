package theorycheck.claims.generalization;

import java.util.Locale;
import theorycheck.data.FashionMnist;

/**
 * With {@code tasks: alternate}, even trials a Fashion-MNIST class pair and odd trials Gaussian
 * linear regression; with {@code tasks: regression}, regression only.
 */
record StopInstance(boolean images, int positiveClass, int negativeClass, long dataSeed) {
    @Override
    public String toString() {
        return images
                ? String.format(Locale.ROOT, "Fashion-MNIST %s vs %s, dataSeed=%d", FashionMnist.CLASS_NAMES[positiveClass],
                        FashionMnist.CLASS_NAMES[negativeClass], dataSeed)
                : String.format(Locale.ROOT, "Gaussian linear regression, dataSeed=%d", dataSeed);
    }
}
