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
    /** The value of a list of choices that chooses none. */
    public static final String NONE = "none";
    private final Path file;
    private final Map<String, Object> values;
    /** What a check has read, when a run keeps count ({@link #recordingReadsInto}); else null. */
    private final SettingReads reads;

    Setting(Path file, Map<String, Object> values) {
        this(file, values, null);
    }

    private Setting(Path file, Map<String, Object> values, SettingReads reads) {
        this.file = file;
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.reads = reads;
    }

    /**
     * This setting, recording into {@code reads} every key a check reads and the kind of value it asks
     * for: a run uses it to find keys no check reads, and the test run records it ({@link RecordedReads}).
     */
    public Setting recordingReadsInto(SettingReads reads) {
        return new Setting(file, values, reads);
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
        return new Setting(file, merged, reads);
    }

    /** Whether the optional key is given (recorded as a read of kind {@value SettingReads#OPTIONAL}). */
    public boolean has(String key) {
        if (reads != null) {
            reads.record(key, SettingReads.OPTIONAL);
        }
        return values.containsKey(key);
    }

    public double real(String key) {
        Object v = raw(key, "real");
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw bad(key, "expected a number, got " + describe(v));
    }

    public int integer(String key) {
        Object v = raw(key, "integer");
        if (v instanceof Integer || v instanceof Long) {
            return Math.toIntExact(((Number) v).longValue());
        }
        throw bad(key, "expected an integer, got " + describe(v));
    }

    public String text(String key) {
        return text(key, "text");
    }

    private String text(String key, String kind) {
        Object v = raw(key, kind);
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
        return oneOf(key, text(key, "choice(" + String.join("|", allowed) + ")"), allowed);
    }

    /** {@code value} (stripped) when it is one of {@code allowed}; otherwise an error naming the key and the choices. */
    private String oneOf(String key, String value, String... allowed) {
        String v = value.strip();
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw bad(key, "'" + v + "' is not one of " + String.join(", ", allowed));
    }

    /** The entries of a comma-separated list of choices; none for {@value #NONE}. */
    private static String[] listEntries(String text) {
        return text.strip().equals(NONE) ? new String[0] : text.split(",");
    }

    /**
     * A text key naming a constant of {@code type}, written in lower case with '-' for '_' (e.g.
     * {@code lambda-max} for {@code LAMBDA_MAX}); anything else is an error naming the key and the choices.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return parseChoice(key, text(key, "choice(" + labels(type, "|") + ")"), type);
    }

    /** As {@link #choice(String, Class)} for a comma-separated list of constants, or {@value #NONE} for none. */
    public <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
        List<E> out = new java.util.ArrayList<>();
        for (String part : listEntries(text(key, "choices(" + labels(type, "|") + ")"))) {
            out.add(parseChoice(key, part, type));
        }
        return out;
    }

    /** The name a constant is written with in a claim file: lower case, '-' for '_'. */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private <E extends Enum<E>> E parseChoice(String key, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(text.strip())) {
                return e;
            }
        }
        throw bad(key, "'" + text.strip() + "' is not one of " + labels(type, ", "));
    }

    private static String labels(Class<? extends Enum<?>> type, String separator) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Setting::label)
                .collect(java.util.stream.Collectors.joining(separator));
    }

    /** A two-element list [lo, hi] of numbers with lo ≤ hi. */
    public double[] range(String key) {
        double[] r = reals(key, "range");
        if (r.length != 2 || !(r[0] <= r[1])) {
            throw bad(key, "expected a range [lo, hi] with lo ≤ hi, got " + values.get(key));
        }
        return r;
    }

    /** A two-element list [lo, hi] of integers with lo ≤ hi. */
    public int[] intRange(String key) {
        int[] r = integers(key, "intRange");
        if (r.length != 2 || r[0] > r[1]) {
            throw bad(key, "expected an integer range [lo, hi] with lo ≤ hi, got " + values.get(key));
        }
        return r;
    }

    public double[] reals(String key) {
        return reals(key, "reals");
    }

    private double[] reals(String key, String kind) {
        Object v = raw(key, kind);
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
        return integers(key, "integers");
    }

    private int[] integers(String key, String kind) {
        Object v = raw(key, kind);
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

    private Object raw(String key, String kind) {
        if (!values.containsKey(key)) {
            throw bad(key, "missing (the claim's check reads it)");
        }
        if (reads != null) {
            reads.record(key, kind);
        }
        return values.get(key);
    }

    /**
     * Reads {@code key} as a check asking for {@code kind} would (a kind {@link SettingReads} recorded:
     * real, integer, text, range, intRange, reals, integers, choice(a|b), choices(a|b), optional), so a
     * value of the wrong kind fails here as it would in the run.
     */
    void readAs(String key, String kind) {
        int open = kind.indexOf('(');
        String name = open < 0 ? kind : kind.substring(0, open);
        String[] allowed = open < 0 ? new String[0] : kind.substring(open + 1, kind.length() - 1).split("\\|");
        switch (name) {
            case SettingReads.OPTIONAL -> has(key);
            case "real" -> real(key);
            case "integer" -> integer(key);
            case "text" -> text(key);
            case "range" -> range(key);
            case "intRange" -> intRange(key);
            case "reals" -> reals(key);
            case "integers" -> integers(key);
            case "choice" -> choice(key, allowed);
            case "choices" -> {
                for (String part : listEntries(text(key))) {
                    oneOf(key, part, allowed);
                }
            }
            default -> throw new IllegalArgumentException("unknown kind of setting value '" + kind + "'");
        }
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
