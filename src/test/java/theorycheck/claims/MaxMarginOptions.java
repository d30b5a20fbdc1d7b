package theorycheck.claims;

import java.util.Arrays;
import java.util.Locale;
import theorycheck.claim.Setting;

/** Named choices in a max-margin claim's setting (the optimizer, the data design…), read strictly. */
final class MaxMarginOptions {
    private MaxMarginOptions() {
    }

    /**
     * The constant of {@code type} named by the text key {@code key}, written in lower case
     * (e.g. {@code sign_gd} for {@code SIGN_GD}); anything else is an error naming the allowed values,
     * never a silent default.
     */
    static <E extends Enum<E>> E option(Setting s, String key, Class<E> type) {
        return parse(key, s.text(key), type);
    }

    /** The constant of {@code type} named {@code value} (lower case), read from the setting key {@code key}. */
    static <E extends Enum<E>> E parse(String key, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("setting." + key + ": '" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
