package theorycheck.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a claim file: YAML front matter between two {@code ---} lines, then a Markdown body.
 *
 * <p>Fields (all required unless marked optional):
 * <pre>
 * id, title, family, source, statement      text; id = file name without .md, family = folder name
 * reading                                   text, optional: the operational reading tested
 * source_says                               true | false | unstated
 * quantifier                                universal | existential | statistical
 * alpha                                     number in (0, 0.5); required for statistical claims only
 * setting                                   mapping: the values and ranges instances are drawn from
 * setting_deep                              mapping, optional: keys overridden in the deep tier
 * prediction, tolerance                     text: the decision rule and the tolerance with its reason
 * control                                   mapping: variant (text: what the control breaks and why
 *                                           that must flip the check), setting (mapping: keys of the
 *                                           claim's setting with the control's values), setting_deep
 *                                           (optional, further deep-tier overrides), expected (verdict),
 *                                           trials and trials_deep (optional integers, default: the
 *                                           claim's), flip_share (optional number in (0, 1], default 0.5:
 *                                           the share of decided control trials that must go the other way)
 * trials, trials_deep                       integers ≥ 1
 * expected                                  HOLDS | REFUTED | INCONCLUSIVE
 * evidence                                  identity | empirical
 * disagreement                              substantive | reading | premise; only where expected
 *                                           disagrees with source_says
 * disagreement_note                         text, one line; with disagreement
 * </pre>
 * An unknown field, a key given twice, a missing field, or a value of the wrong kind is an error
 * naming the file and field.
 */
public final class ClaimSpecParser {
    static final Set<String> FIELDS = Set.of("id", "title", "family", "source", "statement", "reading", "source_says",
            "quantifier", "alpha", "setting", "setting_deep", "prediction", "tolerance", "control", "trials",
            "trials_deep", "expected", "evidence", "disagreement", "disagreement_note");
    private static final Set<String> CONTROL_FIELDS = Set.of("variant", "setting", "setting_deep", "expected", "trials",
            "trials_deep", "flip_share");

    private ClaimSpecParser() {
    }

    public static ClaimSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClaimSpecException(file, "(file)", "cannot be read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static ClaimSpec parse(Path file, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new ClaimSpecException(file, "(front matter)", "the file must start with a line '---'");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0 && normalized.endsWith("\n---")) {
            end = normalized.length() - 4;
        }
        if (end < 0) {
            throw new ClaimSpecException(file, "(front matter)", "no closing '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        String body = end + 5 <= normalized.length() ? normalized.substring(Math.min(end + 5, normalized.length())) : "";
        Object loaded;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // the last of two 'trials:' lines must not win silently
            loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            // the mark counts lines of the front matter from 0; the file has the opening '---' line above it
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 2) + ", column " + (mark.getColumn() + 1)
                    + " of the file";
            String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
            throw new ClaimSpecException(file, "(front matter)", "is not valid YAML" + where + ": " + problem);
        } catch (YAMLException e) {
            throw new ClaimSpecException(file, "(front matter)", "is not valid YAML: " + e.getMessage().lines()
                    .findFirst().orElse(""));
        }
        if (!(loaded instanceof Map<?, ?> raw)) {
            throw new ClaimSpecException(file, "(front matter)", "must be a YAML mapping of fields");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!FIELDS.contains(key)) {
                throw new ClaimSpecException(file, key, "unknown field; allowed: " + new TreeSet<>(FIELDS));
            }
            m.put(key, e.getValue());
        }
        Fields f = new Fields(file, m);

        String id = f.text("id");
        String expectedName = id + ".md";
        if (!file.getFileName().toString().equals(expectedName)) {
            throw new ClaimSpecException(file, "id", "'" + id + "' does not match the file name (expected " + expectedName + ")");
        }
        String family = f.text("family");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !parent.getFileName().toString().equals(family)) {
            throw new ClaimSpecException(file, "family", "'" + family + "' does not match the folder '" + parent.getFileName() + "'");
        }
        Quantifier quantifier = f.enumValue("quantifier", Quantifier.class, true);
        Optional<Double> alpha = Optional.ofNullable(m.get("alpha")).map(a -> f.number("alpha"));
        if (quantifier == Quantifier.STATISTICAL) {
            double a = alpha.orElseThrow(() -> new ClaimSpecException(file, "alpha",
                    "missing; a statistical claim states its significance level"));
            if (!(a > 0 && a < 0.5)) {
                throw new ClaimSpecException(file, "alpha", "must be in (0, 0.5), got " + a);
            }
        } else if (alpha.isPresent()) {
            throw new ClaimSpecException(file, "alpha", "only statistical claims take a significance level");
        }
        int trials = f.positiveInt("trials", m.get("trials"));
        int trialsDeep = f.positiveInt("trials_deep", m.get("trials_deep"));
        Verdict expected = f.enumValue("expected", Verdict.class, false);

        Map<String, Object> control = f.mapping("control", true);
        for (String key : control.keySet()) {
            if (!CONTROL_FIELDS.contains(key)) {
                throw new ClaimSpecException(file, "control." + key, "unknown field; allowed: " + new TreeSet<>(CONTROL_FIELDS));
            }
        }
        Fields cf = new Fields(file, control, "control.");
        Verdict controlExpected = cf.enumValue("expected", Verdict.class, false);
        if (controlExpected == expected) {
            throw new ClaimSpecException(file, "control.expected",
                    "is " + expected + " like the claim; the control must come out the other way");
        }
        Map<String, Object> setting = f.mapping("setting", true);
        Map<String, Object> settingDeep = m.containsKey("setting_deep") ? f.mapping("setting_deep", true) : Map.of();
        Set<String> settingKeys = new TreeSet<>(setting.keySet());
        settingKeys.addAll(settingDeep.keySet());
        Map<String, Object> controlSetting = cf.mapping("setting", true);
        if (controlSetting.isEmpty()) {
            throw new ClaimSpecException(file, "control.setting", "is empty; a control overrides at least one key of "
                    + "setting (what it breaks, or the premise it restores)");
        }
        Map<String, Object> controlSettingDeep = control.containsKey("setting_deep") ? cf.mapping("setting_deep", true) : Map.of();
        overridesOnly(file, "control.setting", controlSetting, settingKeys);
        overridesOnly(file, "control.setting_deep", controlSettingDeep, settingKeys);
        for (Map.Entry<String, Map<String, Object>> block : List.of(Map.entry("setting", setting),
                Map.entry("setting_deep", settingDeep), Map.entry("control.setting", controlSetting),
                Map.entry("control.setting_deep", controlSettingDeep))) {
            for (Map.Entry<String, Object> e : block.getValue().entrySet()) {
                String field = block.getKey() + "." + e.getKey();
                oneKindPerList(file, field, e.getValue());
                Object claimValue = setting.get(e.getKey());
                if (claimValue != null && !block.getKey().equals("setting") && !kind(claimValue).equals(kind(e.getValue()))) {
                    throw new ClaimSpecException(file, field, "is " + kind(e.getValue()) + " where setting." + e.getKey()
                            + " is " + kind(claimValue) + "; an override keeps the kind of the value it replaces");
                }
            }
        }
        double flipShare = ClaimSpec.Control.DEFAULT_FLIP_SHARE;
        if (control.containsKey("flip_share")) {
            flipShare = cf.number("flip_share");
            if (!(flipShare > 0 && flipShare <= 1)) {
                throw new ClaimSpecException(file, "control.flip_share", "must be in (0, 1], got " + flipShare);
            }
        }
        ClaimSpec.Control ctl = new ClaimSpec.Control(cf.text("variant"), new Setting(file, controlSetting),
                new Setting(file, controlSettingDeep), controlExpected,
                control.containsKey("trials") ? cf.positiveInt("trials", control.get("trials")) : trials,
                control.containsKey("trials_deep") ? cf.positiveInt("trials_deep", control.get("trials_deep")) : trialsDeep,
                flipShare);

        SourceAnswer sourceSays = f.sourceAnswer("source_says");
        EvidenceKind evidence = f.enumValue("evidence", EvidenceKind.class, true);
        Optional<Disagreement> disagreement = m.containsKey("disagreement")
                ? Optional.of(f.enumValue("disagreement", Disagreement.class, true)) : Optional.empty();
        Optional<String> disagreementNote = m.containsKey("disagreement_note")
                ? Optional.of(f.text("disagreement_note")) : Optional.empty();
        boolean disagrees = sourceSays.agreesWith(expected).map(a -> !a).orElse(false);
        if (disagrees && disagreement.isEmpty()) {
            throw new ClaimSpecException(file, "disagreement", "missing; the expected verdict (" + expected
                    + ") disagrees with source_says (" + sourceSays.name().toLowerCase(Locale.ROOT)
                    + "): say whether it is substantive, reading or premise, with a one-line disagreement_note");
        }
        if (disagreement.isPresent() && !disagrees) {
            throw new ClaimSpecException(file, "disagreement", "only a claim whose expected verdict (" + expected
                    + ") disagrees with source_says (" + sourceSays.name().toLowerCase(Locale.ROOT) + ") takes one");
        }
        if (disagreement.isPresent() != disagreementNote.isPresent()) {
            throw new ClaimSpecException(file, disagreement.isPresent() ? "disagreement_note" : "disagreement",
                    "missing; disagreement and disagreement_note go together");
        }
        if (disagreementNote.isPresent() && disagreementNote.get().contains("\n")) {
            throw new ClaimSpecException(file, "disagreement_note", "must be one line");
        }

        return new ClaimSpec(file, id, f.text("title"), family, f.text("source"), f.text("statement"),
                m.containsKey("reading") ? Optional.of(f.text("reading")) : Optional.empty(),
                sourceSays, quantifier, new Setting(file, setting), new Setting(file, settingDeep),
                f.text("prediction"), f.text("tolerance"), ctl, trials, trialsDeep, alpha, expected, evidence,
                disagreement, disagreementNote, body.strip());
    }

    /** A list in a setting holds one kind of entry: [8, sixty] is a typo, not a setting. */
    private static void oneKindPerList(Path file, String field, Object value) {
        if (value instanceof List<?> list && list.stream().map(ClaimSpecParser::kind).distinct().count() > 1) {
            throw new ClaimSpecException(file, field, value + " mixes " + list.stream().map(ClaimSpecParser::kind).distinct()
                    .collect(java.util.stream.Collectors.joining(" and ")) + "; a list holds one kind of entry");
        }
    }

    /** "a number", "text", "a list", "true or false", "a mapping": what a setting value is, for messages. */
    static String kind(Object v) {
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Boolean) {
            return "true or false";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        return v == null ? "empty" : "text";
    }

    /** A control overrides keys the claim's setting has; a key of its own would be read by the control alone. */
    private static void overridesOnly(Path file, String field, Map<String, Object> overrides, Set<String> settingKeys) {
        for (String key : overrides.keySet()) {
            if (!settingKeys.contains(key)) {
                throw new ClaimSpecException(file, field + "." + key, "is not a key of setting; a control overrides "
                        + "the claim's setting (keys: " + settingKeys + ")");
            }
        }
    }

    /** Typed access to one mapping, with errors naming the file and field. */
    private record Fields(Path file, Map<String, Object> m, String prefix) {
        Fields(Path file, Map<String, Object> m) {
            this(file, m, "");
        }

        Object required(String key) {
            if (!m.containsKey(key) || m.get(key) == null) {
                throw new ClaimSpecException(file, prefix + key, "missing");
            }
            return m.get(key);
        }

        String text(String key) {
            Object v = required(key);
            if (!(v instanceof String s) || s.isBlank()) {
                throw new ClaimSpecException(file, prefix + key, "expected non-empty text, got " + v);
            }
            return s.strip();
        }

        double number(String key) {
            Object v = required(key);
            if (!(v instanceof Number n)) {
                throw new ClaimSpecException(file, prefix + key, "expected a number, got " + v);
            }
            return n.doubleValue();
        }

        int positiveInt(String key, Object v) {
            if (v == null) {
                throw new ClaimSpecException(file, prefix + key, "missing");
            }
            if (!(v instanceof Integer i) || i < 1) {
                throw new ClaimSpecException(file, prefix + key, "expected an integer ≥ 1, got " + v);
            }
            return i;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> mapping(String key, boolean required) {
            Object v = required ? required(key) : m.get(key);
            if (!(v instanceof Map<?, ?> map)) {
                throw new ClaimSpecException(file, prefix + key, "expected a mapping of keys to values, got " + v);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
            return out;
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean lowerCase) {
            Object v = required(key);
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> lowerCase ? c.name().toLowerCase(Locale.ROOT) : c.name()).toList();
            if (v instanceof String s && allowed.contains(s)) {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
            }
            throw new ClaimSpecException(file, prefix + key, "expected one of " + allowed + ", got '" + v + "'");
        }

        SourceAnswer sourceAnswer(String key) {
            Object v = required(key);
            if (v instanceof Boolean b) {
                return b ? SourceAnswer.TRUE : SourceAnswer.FALSE;
            }
            if ("unstated".equals(v)) {
                return SourceAnswer.UNSTATED;
            }
            throw new ClaimSpecException(file, prefix + key, "expected true, false or unstated, got '" + v + "'");
        }
    }
}
