package theorycheck.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every claim file under {@code theorems/}, parsed and validated, keyed by id. */
public final class ClaimCatalog {
    private final Map<String, ClaimSpec> byId;
    /** Files that did not parse, by the id their file name gives, with the one-line error (loadEach only). */
    private final Map<String, ClaimSpecException> broken;

    private ClaimCatalog(Map<String, ClaimSpec> byId, Map<String, ClaimSpecException> broken) {
        this.byId = byId;
        this.broken = broken;
    }

    /** Parses every {@code *.md} file one folder below {@code theoremsDir}; a duplicate id is an error. */
    public static ClaimCatalog load(Path theoremsDir) {
        return read(theoremsDir, true);
    }

    /**
     * As {@link #load}, but a malformed file does not stop the others: it is kept as its error, which
     * {@link #get} throws for that file's id (its file name), so a test run reports one error for that
     * file and runs every other claim.
     */
    public static ClaimCatalog loadEach(Path theoremsDir) {
        return read(theoremsDir, false);
    }

    private static ClaimCatalog read(Path theoremsDir, boolean strict) {
        if (!Files.isDirectory(theoremsDir)) {
            throw new IllegalStateException("claim folder not found: " + theoremsDir.toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(theoremsDir, 2)) {
            s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !p.getParent().equals(theoremsDir)) // README.md at the top is not a claim
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ClaimSpec> byId = new LinkedHashMap<>();
        Map<String, ClaimSpecException> broken = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                ClaimSpec spec = ClaimSpecParser.parse(f);
                ClaimSpec previous = byId.putIfAbsent(spec.id(), spec);
                if (previous != null) {
                    throw new ClaimSpecException(f, "id", "duplicate id '" + spec.id() + "', also in " + previous.file());
                }
            } catch (ClaimSpecException e) {
                if (strict) {
                    throw e;
                }
                broken.put(f.getFileName().toString().replaceFirst("\\.md$", ""), e);
            }
        }
        return new ClaimCatalog(byId, broken);
    }

    public ClaimSpec get(String id) {
        ClaimSpecException e = broken.get(id);
        if (e != null) {
            throw new ClaimSpecException(e.file(), e.field(), e.problem()); // a fresh one per test that asks
        }
        ClaimSpec s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no claim file with id '" + id + "' under theorems/");
        }
        return s;
    }

    public List<ClaimSpec> all() {
        return List.copyOf(byId.values());
    }

    /** True when a claim file has this id (a malformed file counts, by its file name). */
    public boolean contains(String id) {
        return byId.containsKey(id) || broken.containsKey(id);
    }

    /** Every id, malformed files' included, in file order. */
    public java.util.Set<String> ids() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(byId.keySet());
        ids.addAll(broken.keySet());
        return ids;
    }
}
