package theorycheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.RecordedReads;
import theorycheck.claim.RunSettings;
import theorycheck.claim.Tier;
import theorycheck.claims.ClaimChecks;

/**
 * After a full quick-tier run of a project claim: what its check read from the setting must be what
 * {@link RecordedReads} holds, so {@code validate} judges claim files by what the Java really reads.
 * With {@code -Dtheorycheck.recordSettingReads=true} the run's reads are written into the record's
 * source file instead.
 */
final class SettingReadsCheck {
    private SettingReadsCheck() {
    }

    static void afterRun(RunSettings settings, ClaimResult result) {
        String id = result.spec().id();
        boolean projectClaim = ClaimChecks.ids().contains(id)
                && settings.theorems().equals(Path.of("theorems").toAbsolutePath());
        if (settings.tier() != Tier.QUICK || settings.onlyTrial().isPresent() || !projectClaim) {
            return;
        }
        if (Boolean.getBoolean(RecordedReads.RECORD_PROPERTY_NAME)) {
            record(settings.root().resolve(RecordedReads.SOURCE), id, result);
            return;
        }
        SortedMap<String, Set<String>> now = result.settingReads().byKey();
        Optional<SortedMap<String, Set<String>>> recorded = Record.LOADED.of(id);
        if (!recorded.equals(Optional.of(now))) {
            throw new AssertionFailedError(id + ": its check read the setting as " + now + ", but " + RecordedReads.SOURCE
                    + " records " + recorded.map(Object::toString).orElse("nothing") + differences(now, recorded)
                    + "; if the check changed on purpose, re-record: mvn test -Dtheorycheck.claim=" + id + " -D"
                    + RecordedReads.RECORD_PROPERTY_NAME + "=true");
        }
    }

    /** The record, loaded at the first comparison (a recording run may start without one). */
    private static final class Record {
        static final RecordedReads LOADED = RecordedReads.load();
    }

    private static String differences(SortedMap<String, Set<String>> now, Optional<SortedMap<String, Set<String>>> recorded) {
        SortedMap<String, Set<String>> old = recorded.orElse(new java.util.TreeMap<>());
        Set<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(old.keySet());
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            if (!java.util.Objects.equals(now.get(key), old.get(key))) {
                out.append(out.length() == 0 ? " (differs at " : ", ").append(key).append(": ")
                        .append(old.getOrDefault(key, Set.of())).append(" → ").append(now.getOrDefault(key, Set.of()));
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    /** Rewrites the claim's entry in the record's source file; claims running side by side take turns. */
    private static synchronized void record(Path file, String id, ClaimResult result) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, RecordedReads.readOrEmpty(file).with(id, result.settingReads()).text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
