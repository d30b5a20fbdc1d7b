package theorycheck.report;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import theorycheck.claim.ClaimResult;

/**
 * The claim results of one test session (one JVM), for the verdict table written when the session
 * ends. Thread-safe. Results are kept per project root, so a claim run against another
 * {@code theorems/} folder (the harness's own fixtures) never enters the project's record; a claim run
 * twice keeps its last result.
 */
public final class VerdictRegistry {
    private static final ConcurrentMap<Key, ClaimResult> RESULTS = new ConcurrentHashMap<>();

    private record Key(Path root, String id) {
    }

    private VerdictRegistry() {
    }

    public static void record(ClaimResult r) {
        RESULTS.put(new Key(r.settings().root().toAbsolutePath().normalize(), r.spec().id()), r);
    }

    /** The results recorded for claims under {@code root}, sorted by family, then id. */
    public static List<ClaimResult> results(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return RESULTS.entrySet().stream().filter(e -> e.getKey().root().equals(r)).map(java.util.Map.Entry::getValue)
                .sorted(VerdictTable.ORDER).toList();
    }
}
