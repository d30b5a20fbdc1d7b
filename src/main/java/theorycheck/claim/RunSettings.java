package theorycheck.claim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of a run, from system properties. A bad value is an error, never a silent default.
 *
 * @param baseSeed {@value #SEED_PROPERTY_NAME}; every trial's seed derives from it
 * @param tier {@value #TIER_PROPERTY_NAME}: quick (default) or deep
 * @param onlyClaim {@value #CLAIM_PROPERTY_NAME}: run this claim id only
 * @param onlyTrial {@value #TRIAL_PROPERTY_NAME}: run this trial index only (with a claim)
 * @param root {@value #ROOT_PROPERTY_NAME}: the project folder holding {@code theorems/} and {@code reports/}
 */
public record RunSettings(long baseSeed, Tier tier, Optional<String> onlyClaim, OptionalInt onlyTrial, Path root) {
    public static final String SEED_PROPERTY_NAME = "theorycheck.seed";
    public static final String TIER_PROPERTY_NAME = "theorycheck.tier";
    public static final String CLAIM_PROPERTY_NAME = "theorycheck.claim";
    public static final String TRIAL_PROPERTY_NAME = "theorycheck.trial";
    public static final String ROOT_PROPERTY_NAME = "theorycheck.root";
    /** The base seed when none is given; recorded in every report. */
    public static final long DEFAULT_SEED = 20261122L;

    /** Reads the system properties. */
    public static RunSettings fromSystemProperties() {
        long seed = DEFAULT_SEED;
        String s = blankToNull(System.getProperty(SEED_PROPERTY_NAME));
        if (s != null) {
            try {
                seed = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY_NAME + " must be an integer, got '" + s + "'");
            }
        }
        String t = blankToNull(System.getProperty(TIER_PROPERTY_NAME));
        Tier tier = Tier.QUICK;
        if (t != null) {
            try {
                tier = Tier.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + TIER_PROPERTY_NAME + ": " + e.getMessage());
            }
        }
        Optional<String> claim = Optional.ofNullable(blankToNull(System.getProperty(CLAIM_PROPERTY_NAME))).map(String::strip);
        OptionalInt trial = OptionalInt.empty();
        String k = blankToNull(System.getProperty(TRIAL_PROPERTY_NAME));
        if (k != null) {
            try {
                int v = Integer.parseInt(k.strip());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                trial = OptionalInt.of(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + TRIAL_PROPERTY_NAME + " must be an integer ≥ 0, got '" + k + "'");
            }
            if (claim.isEmpty()) {
                throw new IllegalArgumentException("-D" + TRIAL_PROPERTY_NAME + " needs -D" + CLAIM_PROPERTY_NAME);
            }
        }
        String r = blankToNull(System.getProperty(ROOT_PROPERTY_NAME));
        Path root = r == null ? Path.of("").toAbsolutePath() : Path.of(r).toAbsolutePath();
        if (!Files.isDirectory(root.resolve("theorems"))) {
            throw new IllegalArgumentException("no theorems/ folder under " + root + " (set -D" + ROOT_PROPERTY_NAME + ")");
        }
        return new RunSettings(seed, tier, claim, trial, root);
    }

    /** True when every claim and every trial runs (the run may rewrite reports/verdicts.*). */
    public boolean isFullRun() {
        return onlyClaim.isEmpty() && onlyTrial.isEmpty();
    }

    public Path theorems() {
        return root.resolve("theorems");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
