package theorycheck.claim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code setting} block of a claim file: the ranges and values instances are drawn from.
 * Typed accessors fail with a {@link ClaimSpecException} naming the file and key.
 */
public final class Setting {
    private final Path file;
    private final Map<String, Object> values;
    /** Keys a check has read a value of, when a run keeps count ({@link #countingReadsInto}); else null. */
    private final Set<String> read;

    Setting(Path file, Map<String, Object> values) {
        this(file, values, null);
    }

    private Setting(Path file, Map<String, Object> values, Set<String> read) {
        this.file = file;
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.read = read;
    }

    /**
     * This setting, adding every key whose value is read to {@code read} (which must be safe for trials
     * running side by side): a run uses it to find keys no check reads.
     */
    public Setting countingReadsInto(Set<String> read) {
        return new Setting(file, values, read);
    }

    /**
     * Fails when a key of this setting is not in {@code read}: a value no check reads is a number a
     * reader believes matters and does not, so it is an error like an unknown field.
     */
    public void requireRead(Set<String> read) {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw bad(key, "is read by no check of this claim; remove it or read it (keys read: "
                        + String.join(", ", new java.util.TreeSet<>(read)) + ")");
            }
        }
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** This setting with {@code overrides}' keys replaced by their values (this one when there are none). */
    public Setting overriddenBy(Setting overrides) {
        if (overrides.values.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides.values);
        return new Setting(file, merged, read);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public double real(String key) {
        Object v = raw(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw bad(key, "expected a number, got " + describe(v));
    }

    public int integer(String key) {
        Object v = raw(key);
        if (v instanceof Integer || v instanceof Long) {
            return Math.toIntExact(((Number) v).longValue());
        }
        throw bad(key, "expected an integer, got " + describe(v));
    }

    public String text(String key) {
        Object v = raw(key);
        if (v instanceof String s) {
            return s;
        }
        throw bad(key, "expected text, got " + describe(v));
    }

    /**
     * A text key that picks one of a few variants (a start, a loss, a parametrization): its value,
     * which must be one of {@code allowed}; anything else is an error naming the key and the choices.
     */
    public String choice(String key, String... allowed) {
        String v = text(key).strip();
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw bad(key, "'" + v + "' is not one of " + String.join(", ", allowed));
    }

    /**
     * A text key naming a constant of {@code type}, written in lower case with '-' for '_' (e.g.
     * {@code lambda-max} for {@code LAMBDA_MAX}); anything else is an error naming the key and the choices.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return parseChoice(key, text(key), type);
    }

    /** As {@link #choice(String, Class)} for a comma-separated list of constants. */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        List<E> out = new java.util.ArrayList<>();
        for (String part : text(key).split(",")) {
            out.add(parseChoice(key, part, type));
        }
        return out;
    }

    /** The name a constant is written with in a claim file: lower case, '-' for '_'. */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private <E extends Enum<E>> E parseChoice(String key, String text, Class<E> type) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw bad(key, "'" + text.strip() + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(Setting::label).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** A two-element list [lo, hi] of numbers with lo ≤ hi. */
    public double[] range(String key) {
        double[] r = reals(key);
        if (r.length != 2 || !(r[0] <= r[1])) {
            throw bad(key, "expected a range [lo, hi] with lo ≤ hi, got " + values.get(key));
        }
        return r;
    }

    /** A two-element list [lo, hi] of integers with lo ≤ hi. */
    public int[] intRange(String key) {
        int[] r = integers(key);
        if (r.length != 2 || r[0] > r[1]) {
            throw bad(key, "expected an integer range [lo, hi] with lo ≤ hi, got " + values.get(key));
        }
        return r;
    }

    public double[] reals(String key) {
        Object v = raw(key);
        if (!(v instanceof List<?> list)) {
            throw bad(key, "expected a list of numbers, got " + describe(v));
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw bad(key, "entry " + i + " is not a number: " + describe(list.get(i)));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    public int[] integers(String key) {
        Object v = raw(key);
        if (!(v instanceof List<?> list)) {
            throw bad(key, "expected a list of integers, got " + describe(v));
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            if (!(e instanceof Integer || e instanceof Long)) {
                throw bad(key, "entry " + i + " is not an integer: " + describe(e));
            }
            out[i] = Math.toIntExact(((Number) e).longValue());
        }
        return out;
    }

    private Object raw(String key) {
        if (!values.containsKey(key)) {
            throw bad(key, "missing (the claim's test reads it)");
        }
        if (read != null) {
            read.add(key);
        }
        return values.get(key);
    }

    private ClaimSpecException bad(String key, String problem) {
        return new ClaimSpecException(file, "setting." + key, problem);
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v.getClass().getSimpleName() + " " + v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
