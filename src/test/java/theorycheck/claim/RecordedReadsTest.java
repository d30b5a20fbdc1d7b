package theorycheck.claim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import theorycheck.claims.ClaimChecks;

/** The record of what each check reads: its file format, its round trip, and its coverage of every claim. */
class RecordedReadsTest {
    @Test
    void aMalformedLineIsNamedWithItsNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordedReads.parse("# header\nbook.T1.1\tm\n", "reads.tsv"));
        assertThat(e.getMessage(), containsString("reads.tsv line 2: expected claim id, key and kinds separated by tabs"));
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordedReads.parse("a\tm\tinteger\na\tm\treal\n", "reads.tsv"));
        assertThat(e.getMessage(), containsString("line 2: a m given twice"));
    }

    @Test
    void writtenTextReadsBackTheSame() {
        SettingReads reads = new SettingReads();
        reads.record("m", "intRange");
        reads.record("start", "choice(zero|gaussian)");
        reads.record("eps", SettingReads.OPTIONAL);
        reads.record("eps", "real");
        RecordedReads record = RecordedReads.parse("", "empty").with("x.claim", reads);
        RecordedReads again = RecordedReads.parse(record.text(), "text");
        Map<String, Set<String>> expected = new TreeMap<>(Map.of("m", Set.of("intRange"), "start",
                Set.of("choice(zero|gaussian)"), "eps", Set.of("optional", "real")));
        assertEquals(expected, again.of("x.claim").orElseThrow());
        assertEquals(record.text(), again.text());
    }

    @Test
    void everyClaimWithACheckHasAnEntry() {
        RecordedReads record = RecordedReads.load();
        List<String> missing = ClaimChecks.ids().stream().filter(id -> record.of(id).isEmpty()).toList();
        assertEquals(List.of(), missing, "claims with no entry in " + RecordedReads.RESOURCE);
    }
}
