package theorycheck.claim;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The setting keys a claim's check read during a run, each with the kinds of value it asked for
 * ({@code integer}, {@code range}, {@code choice(gd|ridge)}, …; {@value #OPTIONAL} for a key it only
 * asked whether the file gives). Safe for trials running side by side.
 */
public final class SettingReads {
    /** The kind recorded for {@link Setting#has}: the check reads the key only when the file gives it. */
    public static final String OPTIONAL = "optional";

    private final Map<String, Set<String>> kinds = new ConcurrentHashMap<>();

    void record(String key, String kind) {
        kinds.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(kind);
    }

    /** The keys whose value was read (not only asked for with {@link Setting#has}). */
    public Set<String> readKeys() {
        Set<String> out = new TreeSet<>();
        kinds.forEach((key, k) -> {
            if (k.stream().anyMatch(kind -> !kind.equals(OPTIONAL))) {
                out.add(key);
            }
        });
        return out;
    }

    /** Key → kinds, both sorted: the form {@link RecordedReads} keeps. */
    public SortedMap<String, Set<String>> byKey() {
        SortedMap<String, Set<String>> out = new TreeMap<>();
        kinds.forEach((key, k) -> out.put(key, new TreeSet<>(k)));
        return out;
    }
}
