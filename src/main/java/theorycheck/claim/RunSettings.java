package theorycheck.claim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * @param robustnessSeeds {@value #SEEDS_PROPERTY_NAME}: when not empty, every claim runs at each of these
 *     base seeds (a robustness sweep) instead of at {@code baseSeed}
 */
public record RunSettings(long baseSeed, Tier tier, Optional<String> onlyClaim, OptionalInt onlyTrial, Path root,
        List<Long> robustnessSeeds) {
    public static final String SEED_PROPERTY_NAME = "theorycheck.seed";
    public static final String TIER_PROPERTY_NAME = "theorycheck.tier";
    public static final String CLAIM_PROPERTY_NAME = "theorycheck.claim";
    public static final String TRIAL_PROPERTY_NAME = "theorycheck.trial";
    public static final String ROOT_PROPERTY_NAME = "theorycheck.root";
    public static final String SEEDS_PROPERTY_NAME = "theorycheck.seeds";
    /** A sweep larger than this is a typo more likely than a plan (and would run for days). */
    static final int MAX_ROBUSTNESS_SEEDS = 1000;
    /** The base seed when none is given; recorded in every report. */
    public static final long DEFAULT_SEED = 20261122L;

    /** Reads the system properties. */
    public static RunSettings fromSystemProperties() {
        String s = blankToNull(System.getProperty(SEED_PROPERTY_NAME));
        long seed = s == null ? DEFAULT_SEED : integer("-D" + SEED_PROPERTY_NAME, s);
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
            trial = OptionalInt.of(nonNegative("-D" + TRIAL_PROPERTY_NAME, k));
            if (claim.isEmpty()) {
                throw new IllegalArgumentException("-D" + TRIAL_PROPERTY_NAME + " needs -D" + CLAIM_PROPERTY_NAME);
            }
        }
        String r = blankToNull(System.getProperty(ROOT_PROPERTY_NAME));
        Path root = r == null ? Path.of("").toAbsolutePath() : Path.of(r).toAbsolutePath();
        if (!Files.isDirectory(root.resolve("theorems"))) {
            throw new IllegalArgumentException("no theorems/ folder under " + root + " (set -D" + ROOT_PROPERTY_NAME + ")");
        }
        String sweep = blankToNull(System.getProperty(SEEDS_PROPERTY_NAME));
        List<Long> seeds = sweep == null ? List.of() : parseSeeds("-D" + SEEDS_PROPERTY_NAME, sweep);
        if (!seeds.isEmpty() && trial.isPresent()) {
            throw new IllegalArgumentException("-D" + SEEDS_PROPERTY_NAME + " sweeps whole claims; it does not go with -D"
                    + TRIAL_PROPERTY_NAME);
        }
        return new RunSettings(seed, tier, claim, trial, root, seeds);
    }

    /** {@code text} as a seed; otherwise one line naming {@code what} (a property or an option) and the value. */
    public static long integer(String what, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got '" + text + "'");
        }
    }

    /** {@code text} as a trial index (≥ 0); otherwise one line naming {@code what} and the value. */
    public static int nonNegative(String what, String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException(what + " must be an integer ≥ 0, got '" + text + "'");
    }

    /**
     * The seeds of a robustness sweep: a comma-separated list of integers and ranges {@code a..b}
     * (both ends included), e.g. {@code 20261122..20261126} or {@code 7,11,13}; no seed twice. Otherwise one
     * line naming {@code where} (a property or an option) and the value.
     */
    public static List<Long> parseSeeds(String where, String text) {
        String what = where + " takes integers and ranges a..b separated by commas";
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            try {
                int dots = p.indexOf("..");
                if (dots < 0) {
                    out.add(Long.parseLong(p));
                } else {
                    long a = Long.parseLong(p.substring(0, dots).strip());
                    long b = Long.parseLong(p.substring(dots + 2).strip());
                    if (b < a || b - a >= MAX_ROBUSTNESS_SEEDS) {
                        throw new IllegalArgumentException(what + "; the range '" + p + "' must run upward over at most "
                                + MAX_ROBUSTNESS_SEEDS + " seeds");
                    }
                    for (long v = a; v <= b; v++) {
                        out.add(v);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + "; '" + p + "' in '" + text + "' is neither");
            }
        }
        if (out.size() > MAX_ROBUSTNESS_SEEDS) {
            throw new IllegalArgumentException(what + "; at most " + MAX_ROBUSTNESS_SEEDS + " seeds, got " + out.size());
        }
        if (new LinkedHashSet<>(out).size() != out.size()) {
            throw new IllegalArgumentException(what + "; a seed is listed twice in '" + text + "'");
        }
        return List.copyOf(out);
    }

    /** These settings at another base seed (one run of a robustness sweep). */
    public RunSettings withBaseSeed(long seed) {
        return new RunSettings(seed, tier, onlyClaim, onlyTrial, root, List.of());
    }

    /** True when this run is a robustness sweep over several base seeds. */
    public boolean isSweep() {
        return !robustnessSeeds.isEmpty();
    }

    /** True when every claim and every trial runs (the run may rewrite reports/verdicts.*). */
    public boolean isFullRun() {
        return onlyClaim.isEmpty() && onlyTrial.isEmpty();
    }

    /** Where a robustness sweep leaves one file per claim before they are gathered into reports/robustness.*. */
    public Path sweepDir() {
        return root.resolve("target").resolve("robustness");
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
