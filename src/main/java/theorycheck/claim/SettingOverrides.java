package theorycheck.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setting values given on the command line ({@code --set m=200}): each key must be a key of the claim's
 * setting, and each value must have the type the claim file gives that key (an integer stays an
 * integer, a list stays a list of the same kind of entry). Anything else is one line naming the key,
 * what was given and what is allowed.
 */
public final class SettingOverrides {
    private SettingOverrides() {
    }

    /** The claim's spec with {@code assignments} ("key=value") applied to its setting, in both tiers. */
    public static ClaimSpec apply(ClaimSpec spec, List<String> assignments) {
        if (assignments.isEmpty()) {
            return spec;
        }
        Map<String, Object> current = spec.setting().asMap();
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes key=value, got '" + a + "'");
            }
            String key = a.substring(0, eq).strip();
            String text = a.substring(eq + 1).strip();
            if (!current.containsKey(key)) {
                throw new IllegalArgumentException("--set " + key + ": not a setting key of " + spec.id() + "; allowed: "
                        + String.join(", ", current.keySet()));
            }
            overrides.put(key, parseLike(current.get(key), text, spec.id() + "'s " + key));
        }
        Setting o = new Setting(spec.file(), overrides);
        return new ClaimSpec(spec.file(), spec.id(), spec.title(), spec.family(), spec.source(), spec.statement(),
                spec.reading(), spec.sourceSays(), spec.quantifier(), spec.setting().overriddenBy(o),
                spec.settingDeep().overriddenBy(o), spec.prediction(), spec.tolerance(), spec.control(), spec.trials(),
                spec.trialsDeep(), spec.alpha(), spec.expected(), spec.evidence(), spec.disagreement(),
                spec.disagreementNote(), spec.body());
    }

    /** {@code text} read as a value of the same kind as {@code like}. */
    static Object parseLike(Object like, String text, String what) {
        if (like instanceof List<?> list) {
            String t = text.strip();
            if (!t.startsWith("[") || !t.endsWith("]")) {
                throw new IllegalArgumentException("--set: " + what + " is a list like " + like + ", got '" + text + "'");
            }
            Object entryLike = list.isEmpty() ? "" : list.get(0);
            List<Object> out = new ArrayList<>();
            String inner = t.substring(1, t.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",", -1)) {
                    out.add(parseLike(entryLike, part.strip(), what + " entry"));
                }
            }
            return out;
        }
        try {
            if (like instanceof Integer || like instanceof Long) {
                return Long.parseLong(text);
            }
            if (like instanceof Number) {
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set: " + what + " is " + (like instanceof Double ? "a number" : "an integer")
                    + " (" + like + " in the claim file), got '" + text + "'");
        }
        if (like instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("--set: " + what + " is true or false, got '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
