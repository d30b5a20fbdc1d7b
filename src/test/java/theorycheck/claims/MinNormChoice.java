package theorycheck.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import theorycheck.claim.Setting;

/**
 * Text keys of the min-norm claim files that pick a variant (a start, a bound, an optimizer): the
 * value names an enum constant, written in lower case with '-' for '_'. An unknown value is an
 * error naming the key and the allowed values, never a silent default.
 */
final class MinNormChoice {
    private MinNormChoice() {
    }

    /**
     * Which eigenvalue λ of the Hessian places a step-size range end 2/λ: λmax (the theorems) or
     * the mean eigenvalue (the controls' misplaced end, below λmax whenever the spectrum is spread).
     */
    enum Bound {
        LAMBDA_MAX, LAMBDA_MEAN
    }

    /** The constant named by {@code setting.key}. */
    static <E extends Enum<E>> E of(Setting setting, String key, Class<E> type) {
        return parse(setting.text(key), key, type);
    }

    /** The constants named by the comma-separated list {@code setting.key}. */
    static <E extends Enum<E>> List<E> list(Setting setting, String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String part : setting.text(key).split(",")) {
            out.add(parse(part, key, type));
        }
        return out;
    }

    /** The name a constant is written with in a claim file. */
    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parse(String text, String key, Class<E> type) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("setting." + key + ": unknown value '" + text.strip() + "'; allowed: "
                + Arrays.stream(type.getEnumConstants()).map(MinNormChoice::label).collect(Collectors.joining(", ")));
    }
}
