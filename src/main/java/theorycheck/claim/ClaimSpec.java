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
 * @param evidence whether the outcome follows from algebra or depends on the run
 * @param disagreement why the recorded verdict disagrees with the source (only where it does)
 * @param disagreementNote one line saying what the disagreement is
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
        EvidenceKind evidence,
        Optional<Disagreement> disagreement,
        Optional<String> disagreementNote,
        String body) {

    /**
     * The control: the same check on the claim's setting with some keys overridden, and the verdict
     * it must produce (the other way from {@code expected}).
     *
     * @param setting the keys the control overrides (every one of them is a key of the claim's setting)
     * @param settingDeep further overrides in the deep tier
     * @param flipShare the share of the control's decided trials (PASS or FAIL) that must come out the
     *     other way from the claim for the control to count as flipped
     */
    public record Control(String variant, Setting setting, Setting settingDeep, Verdict expected, int trials,
            int trialsDeep, double flipShare) {
        /** At least half of the decided control trials go the other way, unless the claim file says otherwise. */
        public static final double DEFAULT_FLIP_SHARE = 0.5;
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

    /** The claim's setting for a tier: deep overrides quick key by key. */
    public Setting setting(Tier tier) {
        return tier == Tier.QUICK ? setting : setting.overriddenBy(settingDeep);
    }

    /** The control's setting for a tier: the claim's, then the control's overrides (deep ones last). */
    public Setting controlSetting(Tier tier) {
        Setting s = setting(tier).overriddenBy(control.setting());
        return tier == Tier.QUICK ? s : s.overriddenBy(control.settingDeep());
    }

    /** The setting of one arm ("claim" or "control") for a tier. */
    public Setting setting(Tier tier, String arm) {
        return switch (arm) {
            case "claim" -> setting(tier);
            case "control" -> controlSetting(tier);
            default -> throw new IllegalArgumentException("arm must be claim or control, got '" + arm + "'");
        };
    }

    public int trials(Tier tier) {
        return tier == Tier.QUICK ? trials : trialsDeep;
    }
}
