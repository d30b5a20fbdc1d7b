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

    private ClaimCatalog(Map<String, ClaimSpec> byId) {
        this.byId = byId;
    }

    /** Parses every {@code *.md} file one folder below {@code theoremsDir}; a duplicate id is an error. */
    public static ClaimCatalog load(Path theoremsDir) {
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
        for (Path f : files) {
            ClaimSpec spec = ClaimSpecParser.parse(f);
            ClaimSpec previous = byId.putIfAbsent(spec.id(), spec);
            if (previous != null) {
                throw new ClaimSpecException(f, "id", "duplicate id '" + spec.id() + "', also in " + previous.file());
            }
        }
        return new ClaimCatalog(byId);
    }

    public ClaimSpec get(String id) {
        ClaimSpec s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no claim file with id '" + id + "' under theorems/");
        }
        return s;
    }

    public List<ClaimSpec> all() {
        return List.copyOf(byId.values());
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
