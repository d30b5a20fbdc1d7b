package theorycheck.claim;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A claim as written in {@code theorems/<family>/<id>.md}. See {@link ClaimSpecParser} for the
 * format and its validation.
 *
 * @param source the seed document and the place in it
 * @param statement the claim as the source states it
 * @param reading the operational reading tested, where the source is vague
 * @param prediction the measured quantity and the threshold that decides a trial
 * @param tolerance the tolerance used and why
 * @param alpha significance level (statistical claims only)
 * @param body the Markdown after the front matter
 */
public record ClaimSpec(
        Path file,
        String id,
        String title,
        String family,
        String source,
        String statement,
        Optional<String> reading,
        SourceAnswer sourceSays,
        Quantifier quantifier,
        Setting setting,
        Setting settingDeep,
        String prediction,
        String tolerance,
        Control control,
        int trials,
        int trialsDeep,
        Optional<Double> alpha,
        Verdict expected,
        String body) {

    /** The control variant and the verdict it must produce (the other way from {@code expected}). */
    public record Control(String variant, Verdict expected, int trials, int trialsDeep) {
    }

    /** The seed document's file name: the part of {@code source} before the first space or comma. */
    public String sourceDocument() {
        String s = source.strip();
        int cut = s.length();
        for (char c : new char[] {' ', ',', ';'}) {
            int i = s.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }

    /** The setting for a tier: deep overrides quick key by key. */
    public Setting setting(Tier tier) {
        if (tier == Tier.QUICK || settingDeep.asMap().isEmpty()) {
            return setting;
        }
        java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>(setting.asMap());
        merged.putAll(settingDeep.asMap());
        return new Setting(file, merged);
    }

    public int trials(Tier tier) {
        return tier == Tier.QUICK ? trials : trialsDeep;
    }
}
