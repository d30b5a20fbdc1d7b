package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A claim file that cannot be used gets one error naming the file and the field. */
class ClaimSpecParserTest {
    /** A valid claim file of family "fixture" with id "fx.valid"; tests edit one line of it. */
    static final String VALID = """
            ---
            id: fx.valid
            title: A valid claim
            family: fixture
            source: notes.txt, Theorem 1
            statement: Every draw is below two.
            reading: draws of U(0, 1)
            source_says: true
            quantifier: universal
            setting:
              bound: 2.0
              d: [3, 5]
            setting_deep:
              d: [3, 50]
            prediction: x < bound
            tolerance: none; the comparison is exact
            control:
              variant: bound -1
              setting:
                bound: -1.0
              expected: REFUTED
              trials: 4
            trials: 10
            trials_deep: 50
            expected: HOLDS
            evidence: empirical
            ---
            The body.
            """;

    @TempDir
    Path dir;

    @Test
    void validFileParses() throws IOException {
        ClaimSpec s = ClaimSpecParser.parse(write("fx.valid", VALID));
        assertAll(
                () -> assertEquals("fx.valid", s.id()),
                () -> assertEquals("fixture", s.family()),
                () -> assertEquals("notes.txt", s.sourceDocument()),
                () -> assertEquals(SourceAnswer.TRUE, s.sourceSays()),
                () -> assertEquals(Quantifier.UNIVERSAL, s.quantifier()),
                () -> assertEquals(Optional.of("draws of U(0, 1)"), s.reading()),
                () -> assertEquals(Verdict.HOLDS, s.expected()),
                () -> assertEquals("bound -1", s.control().variant()),
                () -> assertEquals(Verdict.REFUTED, s.control().expected()),
                () -> assertEquals(4, s.control().trials()),
                () -> assertEquals(50, s.control().trialsDeep()),
                () -> assertEquals(0.5, s.control().flipShare()),
                () -> assertEquals(-1.0, s.controlSetting(Tier.QUICK).real("bound")),
                () -> assertEquals(5, s.controlSetting(Tier.QUICK).intRange("d")[1]),
                () -> assertEquals(50, s.controlSetting(Tier.DEEP).intRange("d")[1]),
                () -> assertEquals(-1.0, s.controlSetting(Tier.DEEP).real("bound")),
                () -> assertEquals(EvidenceKind.EMPIRICAL, s.evidence()),
                () -> assertEquals(Optional.empty(), s.disagreement()),
                () -> assertEquals(10, s.trials(Tier.QUICK)),
                () -> assertEquals(50, s.trials(Tier.DEEP)),
                () -> assertEquals(2.0, s.setting(Tier.QUICK).real("bound")),
                () -> assertEquals(50, s.setting(Tier.DEEP).intRange("d")[1]),
                () -> assertEquals(2.0, s.setting(Tier.DEEP).real("bound")),
                () -> assertEquals(Optional.empty(), s.alpha()),
                () -> assertEquals("The body.", s.body()));
    }

    @Test
    void missingFieldIsNamed() {
        assertRejected("fx.valid", VALID.replace("title: A valid claim\n", ""), "title", "missing");
    }

    @Test
    void mistypedFieldNameIsNamed() {
        assertRejected("fx.valid", VALID.replace("title: A valid claim", "titel: A valid claim"), "titel",
                "unknown field");
    }

    @Test
    void mistypedControlFieldIsNamed() {
        assertRejected("fx.valid", VALID.replace("  variant: bound -1", "  varaint: bound -1"), "control.varaint",
                "unknown field");
    }

    @Test
    void wrongTypeIsNamed() {
        assertRejected("fx.valid", VALID.replace("trials: 10", "trials: \"ten\""), "trials", "integer");
    }

    @Test
    void nonPositiveTrialsAreRejected() {
        assertRejected("fx.valid", VALID.replace("trials: 10", "trials: 0"), "trials", "integer ≥ 1");
    }

    @Test
    void unknownQuantifierIsNamed() {
        assertRejected("fx.valid", VALID.replace("quantifier: universal", "quantifier: usually"), "quantifier",
                "universal");
    }

    @Test
    void unknownVerdictIsNamed() {
        assertRejected("fx.valid", VALID.replace("expected: HOLDS", "expected: MAYBE"), "expected", "HOLDS");
    }

    @Test
    void unknownSourceAnswerIsNamed() {
        assertRejected("fx.valid", VALID.replace("source_says: true", "source_says: maybe"), "source_says",
                "unstated");
    }

    @Test
    void statisticalClaimWithoutAlphaIsRejected() {
        assertRejected("fx.valid", VALID.replace("quantifier: universal", "quantifier: statistical"), "alpha",
                "missing");
    }

    @Test
    void alphaOutsideItsRangeIsRejected() {
        assertRejected("fx.valid", VALID.replace("quantifier: universal", "quantifier: statistical\nalpha: 0.7"),
                "alpha", "(0, 0.5)");
    }

    @Test
    void alphaOnANonStatisticalClaimIsRejected() {
        assertRejected("fx.valid", VALID.replace("quantifier: universal", "quantifier: universal\nalpha: 0.05"),
                "alpha", "only statistical");
    }

    @Test
    void statisticalClaimWithAlphaParses() throws IOException {
        ClaimSpec s = ClaimSpecParser.parse(write("fx.valid",
                VALID.replace("quantifier: universal", "quantifier: statistical\nalpha: 0.05")));
        assertEquals(Optional.of(0.05), s.alpha());
    }

    @Test
    void controlExpectedEqualToExpectedIsRejected() {
        assertRejected("fx.valid", VALID.replace("  expected: REFUTED", "  expected: HOLDS"), "control.expected",
                "other way");
    }

    @Test
    void keyGivenTwiceIsRejected() {
        assertRejected("fx.valid", VALID.replace("trials: 10", "trials: 10\ntrials: 3"), "(front matter)", "duplicate key");
    }

    @Test
    void controlOverridingAKeyTheSettingLacksIsRejected() {
        assertRejected("fx.valid", VALID.replace("    bound: -1.0", "    bonud: -1.0"), "control.setting.bonud",
                "not a key of setting");
    }

    @Test
    void controlDeepOverridesApplyInTheDeepTierOnly() throws IOException {
        ClaimSpec s = ClaimSpecParser.parse(write("fx.valid", VALID.replace("  expected: REFUTED",
                "  setting_deep:\n    d: [7, 9]\n  expected: REFUTED")));
        assertAll(
                () -> assertEquals(5, s.controlSetting(Tier.QUICK).intRange("d")[1]),
                () -> assertEquals(9, s.controlSetting(Tier.DEEP).intRange("d")[1]),
                () -> assertEquals(50, s.setting(Tier.DEEP).intRange("d")[1]));
    }

    @Test
    void flipShareOutsideItsRangeIsRejected() {
        assertRejected("fx.valid", VALID.replace("  trials: 4", "  trials: 4\n  flip_share: 0"), "control.flip_share",
                "(0, 1]");
    }

    @Test
    void unknownEvidenceKindIsNamed() {
        assertRejected("fx.valid", VALID.replace("evidence: empirical", "evidence: anecdotal"), "evidence", "identity");
    }

    @Test
    void disagreementOnAnAgreeingClaimIsRejected() {
        assertRejected("fx.valid", VALID.replace("evidence: empirical",
                "evidence: empirical\ndisagreement: reading\ndisagreement_note: n"), "disagreement", "disagrees");
    }

    @Test
    void missingEvidenceIsNamed() {
        assertRejected("fx.valid", VALID.replace("evidence: empirical\n", ""), "evidence", "missing");
    }

    @Test
    void disagreeingClaimWithoutItsClassIsRejected() {
        assertRejected("fx.valid", VALID.replace("source_says: true", "source_says: false"), "disagreement",
                "substantive, reading or premise");
    }

    @Test
    void controlWithoutOverridesIsRejected() {
        assertRejected("fx.valid", VALID.replace("  setting:\n    bound: -1.0\n", ""), "control.setting", "missing");
        assertRejected("fx.valid", VALID.replace("  setting:\n    bound: -1.0\n", "  setting: {}\n"), "control.setting",
                "at least one key");
    }

    @Test
    void disagreementNeedsItsNote() {
        assertRejected("fx.valid", VALID.replace("source_says: true", "source_says: false")
                .replace("evidence: empirical", "evidence: empirical\ndisagreement: premise"), "disagreement_note", "missing");
    }

    @Test
    void disagreeingClaimParsesWithItsClass() throws IOException {
        ClaimSpec s = ClaimSpecParser.parse(write("fx.valid", VALID.replace("source_says: true", "source_says: false")
                .replace("evidence: empirical", "evidence: identity\ndisagreement: premise\ndisagreement_note: not separable")));
        assertAll(
                () -> assertEquals(Optional.of(Disagreement.PREMISE), s.disagreement()),
                () -> assertEquals(Optional.of("not separable"), s.disagreementNote()),
                () -> assertEquals(EvidenceKind.IDENTITY, s.evidence()));
    }

    @Test
    void idNotMatchingTheFileNameIsRejected() {
        assertRejected("fx.other", VALID, "id", "file name");
    }

    @Test
    void familyNotMatchingTheFolderIsRejected() {
        assertRejected("fx.valid", VALID.replace("family: fixture", "family: elsewhere"), "family", "folder");
    }

    @Test
    void fileWithoutFrontMatterIsRejected() {
        assertRejected("fx.valid", "id: fx.valid\n\nSome text.\n", "(front matter)", "---");
    }

    @Test
    void frontMatterWithoutClosingLineIsRejected() {
        assertRejected("fx.valid", VALID.replace("---\nThe body.", "The body."), "(front matter)", "closing");
    }

    @Test
    void invalidYamlIsRejected() {
        assertRejected("fx.valid", VALID.replace("title: A valid claim", "title: [unclosed"), "(front matter)", "YAML");
    }

    @Test
    void aSettingListMixingNumbersAndTextIsRejected() {
        // the typo 'validate' used to pass, and only running the claim caught
        assertRejected("fx.valid", VALID.replace("d: [3, 5]", "d: [3, five]"), "setting.d", "mixes a number and text");
    }

    @Test
    void anOverrideOfAnotherKindThanTheValueItReplacesIsRejected() {
        assertRejected("fx.valid", VALID.replace("bound: -1.0", "bound: minus one"), "control.setting.bound",
                "is text where setting.bound is a number");
        assertRejected("fx.valid", VALID.replace("d: [3, 50]", "d: 50"), "setting_deep.d", "is a number where setting.d is a list");
    }

    @Test
    void aYamlErrorNamesTheLineOfTheFileNotOfTheFrontMatter() {
        // source_says is on line 8 of the file ('---' is line 1): one line of message, with the file's line
        assertRejected("fx.valid", VALID.replace("source_says: true", "source_says: true: x"), "(front matter)",
                "at line 8, column");
    }

    @Test
    void settingAccessorsNameTheKey() throws IOException {
        Setting s = ClaimSpecParser.parse(write("fx.valid", VALID)).setting(Tier.QUICK);
        ClaimSpecException missing = assertThrows(ClaimSpecException.class, () -> s.real("eta"));
        ClaimSpecException wrong = assertThrows(ClaimSpecException.class, () -> s.integer("bound"));
        assertAll(
                () -> assertEquals("setting.eta", missing.field()),
                () -> assertEquals("setting.bound", wrong.field()),
                () -> assertTrue(wrong.getMessage().contains("fx.valid.md"), wrong.getMessage()));
    }

    @Test
    void duplicateIdAcrossFilesNamesBothFiles() throws IOException {
        Path theorems = dir.resolve("theorems");
        Path first = write(theorems.resolve("alpha"), "fx.dup", VALID.replace("fx.valid", "fx.dup")
                .replace("family: fixture", "family: alpha"));
        Path second = write(theorems.resolve("beta"), "fx.dup", VALID.replace("fx.valid", "fx.dup")
                .replace("family: fixture", "family: beta"));
        ClaimSpecException e = assertThrows(ClaimSpecException.class, () -> ClaimCatalog.load(theorems));
        assertAll(
                () -> assertEquals("id", e.field()),
                () -> assertTrue(e.getMessage().contains(first.toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(second.toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("duplicate"), e.getMessage()));
    }

    @Test
    void catalogLoadsEveryFileOneFolderDownAndSkipsTopLevelReadme() throws IOException {
        Path theorems = dir.resolve("theorems");
        write(theorems.resolve("fixture"), "fx.valid", VALID);
        write(theorems.resolve("fixture"), "fx.second", VALID.replace("fx.valid", "fx.second"));
        Files.writeString(theorems.resolve("README.md"), "# Claims\n");
        ClaimCatalog c = ClaimCatalog.load(theorems);
        assertEquals(List.of("fx.second", "fx.valid"), c.all().stream().map(ClaimSpec::id).toList());
        assertThrows(IllegalArgumentException.class, () -> c.get("fx.absent"));
    }

    private void assertRejected(String fileId, String text, String field, String hint) {
        Path file;
        try {
            file = write(fileId, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ClaimSpecException e = assertThrows(ClaimSpecException.class, () -> ClaimSpecParser.parse(file));
        assertAll(
                () -> assertEquals(field, e.field()),
                () -> assertEquals(file, e.file()),
                () -> assertTrue(e.getMessage().contains(file.toString()), () -> "file not named: " + e.getMessage()),
                () -> assertTrue(e.getMessage().contains("'" + field + "'"), () -> "field not named: " + e.getMessage()),
                () -> assertTrue(e.getMessage().contains(hint), () -> "no '" + hint + "' in: " + e.getMessage()),
                () -> assertEquals(1, e.getMessage().lines().count(), () -> "not one line: " + e.getMessage()));
    }

    private Path write(String id, String text) throws IOException {
        return write(dir.resolve("fixture"), id, text);
    }

    private static Path write(Path folder, String id, String text) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(id + ".md"), text, StandardCharsets.UTF_8);
    }
}
