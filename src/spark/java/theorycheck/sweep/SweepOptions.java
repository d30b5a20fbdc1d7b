package theorycheck.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.claims.ClaimChecks;

/**
 * The sweep's command line. A bad value is one line (an {@link IllegalArgumentException}), never a default.
 *
 * @param master the Spark master; empty: the one {@code spark-submit} set, else {@code local[*]}
 * @param seeds the base seeds, in the order given
 * @param claims the claim ids to run; empty: every claim
 * @param out where robustness.json and .md go; empty: {@link #outDir()}'s default
 * @param root the project folder holding {@code theorems/}
 */
public record SweepOptions(Optional<String> master, List<Long> seeds, Tier tier, List<String> claims, Optional<Path> out,
        Path root) {
    static final String USAGE = "usage: --seeds a..b|a,b,c [--tier quick|deep] [--claims id,id...] [--master URL] "
            + "[--out DIR] [--root DIR]";

    public static SweepOptions parse(String[] args) {
        Optional<String> master = Optional.empty();
        List<Long> seeds = List.of();
        Tier tier = Tier.QUICK;
        List<String> claims = List.of();
        Optional<Path> out = Optional.empty();
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (option) {
                case "--master" -> master = Optional.of(value.strip()).filter(m -> !m.isEmpty());
                case "--seeds" -> seeds = RunSettings.parseSeeds("--seeds", value);
                case "--tier" -> tier = tier(value);
                case "--claims" -> claims = ids(value);
                case "--out" -> out = Optional.of(Path.of(value).toAbsolutePath());
                case "--root" -> root = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds is required; " + USAGE);
        }
        if (!Files.isDirectory(root.resolve("theorems"))) {
            throw new IllegalArgumentException("no theorems/ folder under " + root
                    + " (run from the project folder or give --root)");
        }
        return new SweepOptions(master, seeds, tier, claims, out, root);
    }

    private static Tier tier(String value) {
        try {
            return Tier.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tier: " + e.getMessage());
        }
    }

    private static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            ids.add(part.strip());
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("--claims: a claim id is listed twice in '" + value + "'");
        }
        return List.copyOf(ids);
    }

    /** The claims to run, in catalogue order; an unknown id is one line naming the closest ids. */
    public List<ClaimSpec> select(ClaimCatalog catalog) {
        for (String id : claims) {
            if (!catalog.contains(id)) {
                throw new IllegalArgumentException("--claims: " + ClaimChecks.unknownId(id, catalog.ids()));
            }
        }
        return catalog.all().stream().filter(s -> claims.isEmpty() || claims.contains(s.id())).toList();
    }

    public Path theorems() {
        return root.resolve("theorems");
    }

    /**
     * Where the tables go: {@code --out}, else {@code reports/} for the quick tier (the robustness record the
     * Maven sweep writes too) and {@code reports/deep/} for the deep tier (apart from the quick tier's record).
     */
    public Path outDir() {
        Path reports = root.resolve("reports");
        return out.orElse(tier == Tier.QUICK ? reports : reports.resolve("deep"));
    }
}
