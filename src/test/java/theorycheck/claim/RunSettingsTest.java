package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import theorycheck.support.SavedProperties;

/** Run settings come from system properties; a bad value is an error naming the property, never a default. */
@Isolated // sets system properties that every claim test reads
class RunSettingsTest {
    private static final String[] PROPERTIES = {RunSettings.SEED_PROPERTY_NAME, RunSettings.TIER_PROPERTY_NAME,
            RunSettings.CLAIM_PROPERTY_NAME, RunSettings.TRIAL_PROPERTY_NAME, RunSettings.ROOT_PROPERTY_NAME,
            RunSettings.SEEDS_PROPERTY_NAME};
    private SavedProperties saved;

    @TempDir
    Path root;

    @BeforeEach
    void isolate() throws IOException {
        saved = new SavedProperties(PROPERTIES);
        for (String k : PROPERTIES) {
            System.clearProperty(k);
        }
        Files.createDirectories(root.resolve("theorems"));
        System.setProperty(RunSettings.ROOT_PROPERTY_NAME, root.toString());
    }

    @AfterEach
    void restore() {
        saved.restore();
    }

    @Test
    void defaults() {
        RunSettings s = RunSettings.fromSystemProperties();
        assertAll(
                () -> assertEquals(RunSettings.DEFAULT_SEED, s.baseSeed()),
                () -> assertEquals(Tier.QUICK, s.tier()),
                () -> assertEquals(Optional.empty(), s.onlyClaim()),
                () -> assertEquals(OptionalInt.empty(), s.onlyTrial()),
                () -> assertTrue(s.isFullRun()),
                () -> assertEquals(root.toAbsolutePath().resolve("theorems"), s.theorems()),
                () -> assertEquals(root.toAbsolutePath().resolve("reports"), s.reports()));
    }

    @Test
    void valuesAreRead() {
        System.setProperty(RunSettings.SEED_PROPERTY_NAME, " 42 ");
        System.setProperty(RunSettings.TIER_PROPERTY_NAME, "DEEP");
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "book.T1.1");
        System.setProperty(RunSettings.TRIAL_PROPERTY_NAME, "7");
        RunSettings s = RunSettings.fromSystemProperties();
        assertAll(
                () -> assertEquals(42L, s.baseSeed()),
                () -> assertEquals(Tier.DEEP, s.tier()),
                () -> assertEquals(Optional.of("book.T1.1"), s.onlyClaim()),
                () -> assertEquals(OptionalInt.of(7), s.onlyTrial()),
                () -> assertFalse(s.isFullRun()));
    }

    @Test
    void badSeedNamesTheProperty() {
        assertRejected(RunSettings.SEED_PROPERTY_NAME, "twelve", RunSettings.SEED_PROPERTY_NAME);
    }

    @Test
    void badTierNamesTheTierAndTheValue() {
        // Tier.parse words it as "tier must be 'quick' or 'deep'"; it does not spell the property out
        assertRejected(RunSettings.TIER_PROPERTY_NAME, "medium", "tier");
    }

    @Test
    void negativeTrialNamesTheProperty() {
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "book.T1.1");
        assertRejected(RunSettings.TRIAL_PROPERTY_NAME, "-1", RunSettings.TRIAL_PROPERTY_NAME);
    }

    @Test
    void nonNumericTrialNamesTheProperty() {
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "book.T1.1");
        assertRejected(RunSettings.TRIAL_PROPERTY_NAME, "first", RunSettings.TRIAL_PROPERTY_NAME);
    }

    @Test
    void trialWithoutClaimNamesBothProperties() {
        System.setProperty(RunSettings.TRIAL_PROPERTY_NAME, "3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RunSettings::fromSystemProperties);
        assertTrue(e.getMessage().contains(RunSettings.TRIAL_PROPERTY_NAME)
                && e.getMessage().contains(RunSettings.CLAIM_PROPERTY_NAME), e.getMessage());
    }

    @Test
    void rootWithoutTheoremsNamesTheProperty() {
        assertRejected(RunSettings.ROOT_PROPERTY_NAME, root.resolve("nowhere").toString(),
                RunSettings.ROOT_PROPERTY_NAME);
    }

    @Test
    void sweepSeedsTakeListsAndRanges() {
        System.setProperty(RunSettings.SEEDS_PROPERTY_NAME, "5..7, 11");
        RunSettings s = RunSettings.fromSystemProperties();
        assertAll(
                () -> assertEquals(java.util.List.of(5L, 6L, 7L, 11L), s.robustnessSeeds()),
                () -> assertTrue(s.isSweep()),
                () -> assertEquals(6L, s.withBaseSeed(6L).baseSeed()),
                () -> assertFalse(s.withBaseSeed(6L).isSweep()));
    }

    @Test
    void noSweepWithoutTheProperty() {
        assertFalse(RunSettings.fromSystemProperties().isSweep());
    }

    @Test
    void badSweepSeedsAreNamed() {
        assertRejected(RunSettings.SEEDS_PROPERTY_NAME, "5,x", RunSettings.SEEDS_PROPERTY_NAME);
        assertRejected(RunSettings.SEEDS_PROPERTY_NAME, "9..3", RunSettings.SEEDS_PROPERTY_NAME);
        assertRejected(RunSettings.SEEDS_PROPERTY_NAME, "4,4", RunSettings.SEEDS_PROPERTY_NAME);
        assertRejected(RunSettings.SEEDS_PROPERTY_NAME, "1..5000", RunSettings.SEEDS_PROPERTY_NAME);
    }

    @Test
    void sweepDoesNotGoWithOneTrial() {
        System.setProperty(RunSettings.CLAIM_PROPERTY_NAME, "book.T1.1");
        System.setProperty(RunSettings.TRIAL_PROPERTY_NAME, "3");
        System.setProperty(RunSettings.SEEDS_PROPERTY_NAME, "1,2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RunSettings::fromSystemProperties);
        assertTrue(e.getMessage().contains(RunSettings.SEEDS_PROPERTY_NAME), e.getMessage());
    }

    private static void assertRejected(String property, String value, String named) {
        System.setProperty(property, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RunSettings::fromSystemProperties);
        assertAll(
                () -> assertTrue(e.getMessage().contains(named), () -> "'" + named + "' not in: " + e.getMessage()),
                () -> assertTrue(property.equals(RunSettings.ROOT_PROPERTY_NAME) || e.getMessage().contains(value),
                        () -> "value not in: " + e.getMessage()));
    }
}
