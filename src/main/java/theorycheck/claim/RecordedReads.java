package theorycheck.claim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each claim's check reads from its claim file's setting — every key and the kinds of value
 * asked for — as the test suite recorded it. It lets {@code validate} (and {@code run}, before it
 * starts) reject a key no check reads or a value of the wrong kind without running anything.
 *
 * <p>The record is {@value #RESOURCE} on the class path (source: {@link #SOURCE}). Every full
 * quick-tier run of a claim in the test suite compares what the check read with it and fails on any
 * difference, so it cannot drift from the Java; {@code -D}{@value #RECORD_PROPERTY_NAME}{@code =true}
 * rewrites the runs' entries instead.
 */
public final class RecordedReads {
    public static final String RESOURCE = "/theorycheck/claims/setting-reads.tsv";
    /** The record's source file, relative to the project folder. */
    public static final Path SOURCE = Path.of("src", "main", "resources", "theorycheck", "claims", "setting-reads.tsv");
    public static final String RECORD_PROPERTY_NAME = "theorycheck.recordSettingReads";
    private static final String HEADER = """
            # What each claim's check reads from the setting of its claim file: claim id, key, kinds of value asked
            # for ("optional": read only when the file gives it). Written by the test suite
            # (mvn test -Dtheorycheck.recordSettingReads=true); every full quick-tier run of a claim checks its entry.
            """;

    private final Map<String, SortedMap<String, Set<String>>> byClaim;

    private RecordedReads(Map<String, SortedMap<String, Set<String>>> byClaim) {
        this.byClaim = byClaim;
    }

    /** The record on the class path; its absence is an error (a build without resources). */
    public static RecordedReads load() {
        try (InputStream in = RecordedReads.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (a build without src/main/resources?)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The record in {@code file}, or an empty one when the file does not exist yet. */
    public static RecordedReads readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readString(file), file.toString()) : new RecordedReads(new TreeMap<>());
    }

    static RecordedReads parse(String text, String where) {
        Map<String, SortedMap<String, Set<String>>> byClaim = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank() || cells[2].isBlank()) {
                throw new IllegalStateException(where + " line " + (n + 1) + ": expected claim id, key and kinds separated "
                        + "by tabs, got '" + line + "'");
            }
            Set<String> kinds = new TreeSet<>(List.of(cells[2].split(", ")));
            if (byClaim.computeIfAbsent(cells[0], id -> new TreeMap<>()).put(cells[1], kinds) != null) {
                throw new IllegalStateException(where + " line " + (n + 1) + ": " + cells[0] + " " + cells[1] + " given twice");
            }
        }
        return new RecordedReads(byClaim);
    }

    /** The recorded reads of {@code claimId}: key → kinds, both sorted. */
    public Optional<SortedMap<String, Set<String>>> of(String claimId) {
        return Optional.ofNullable(byClaim.get(claimId));
    }

    /** This record with {@code claimId}'s entry replaced by {@code reads}. */
    public RecordedReads with(String claimId, SettingReads reads) {
        Map<String, SortedMap<String, Set<String>>> copy = new TreeMap<>(byClaim);
        copy.put(claimId, reads.byKey());
        return new RecordedReads(copy);
    }

    /** The record as its file holds it. */
    public String text() {
        StringBuilder out = new StringBuilder(HEADER);
        byClaim.forEach((id, keys) -> keys.forEach((key, kinds) ->
                out.append(id).append('\t').append(key).append('\t').append(String.join(", ", kinds)).append('\n')));
        return out.toString();
    }

    /**
     * Checks the claim file against what its check reads, in each setting a run uses (claim and control,
     * quick and deep tier): a key the check does not read, a key it reads that is missing, or a value of
     * a kind it does not ask for fails with one {@link ClaimSpecException} naming the file and key.
     */
    public void check(ClaimSpec spec) {
        SortedMap<String, Set<String>> reads = of(spec.id()).orElseThrow(() -> new ClaimSpecException(spec.file(), "id",
                "'" + spec.id() + "' has no entry in " + RESOURCE + ", the record of what each check reads"));
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("setting", spec.setting(Tier.QUICK));
        settings.put("setting_deep", spec.setting(Tier.DEEP));
        settings.put("control.setting", spec.controlSetting(Tier.QUICK));
        settings.put("control.setting_deep", spec.controlSetting(Tier.DEEP));
        settings.forEach((where, setting) -> {
            try {
                check(spec, reads, setting);
            } catch (ClaimSpecException e) {
                String key = e.field().substring("setting.".length());
                throw new ClaimSpecException(spec.file(), origin(spec, where, key) + "." + key, e.problem());
            }
        });
    }

    /** The block of the claim file that gives {@code key} its value in the merged setting {@code where}: the last override. */
    private static String origin(ClaimSpec spec, String where, String key) {
        boolean control = where.startsWith("control");
        boolean deep = where.endsWith("_deep");
        if (control && deep && spec.control().settingDeep().has(key)) {
            return "control.setting_deep";
        }
        if (control && spec.control().setting().has(key)) {
            return "control.setting";
        }
        if (deep && spec.settingDeep().has(key)) {
            return "setting_deep";
        }
        return "setting";
    }

    private static void check(ClaimSpec spec, SortedMap<String, Set<String>> reads, Setting setting) {
        setting.requireRead(reads.keySet());
        reads.forEach((key, kinds) -> {
            if (!setting.has(key)) {
                if (!kinds.contains(SettingReads.OPTIONAL)) {
                    throw new ClaimSpecException(spec.file(), "setting." + key, "missing (the claim's check reads it as "
                            + String.join(", ", kinds) + ")");
                }
                return;
            }
            for (String kind : kinds) {
                setting.readAs(key, kind);
            }
        });
    }
}
