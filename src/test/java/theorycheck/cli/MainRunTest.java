package theorycheck.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run} outside the test runner: it reproduces what the test run recorded in
 * reports/verdicts.json, and every bad command line gets one line naming what is wrong.
 */
class MainRunTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String oneErrorLine() {
        String e = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, e.lines().count(), () -> "expected one line, got:\n" + e);
        return e;
    }

    /** Three quick claims of three families, one of them REFUTED as recorded. */
    @ParameterizedTest
    @ValueSource(strings = {"book.T1.1", "book.C.6", "book.A.4"})
    void reproducesTheRecordedVerdictControlAndKeyNumber(String id) throws IOException {
        JsonNode record = Recorded.claim(id);
        assertEquals(0, run("run", id), err::toString);
        String s = stdout();
        assertThat(s, containsString("  verdict  " + record.get("verdict").asText() + "  ("));
        assertThat(s, containsString("as recorded"));
        assertThat(s, containsString("  control  " + record.get("control_verdict").asText() + "  ("));
        assertThat(s, containsString("  key      " + record.get("key_number").asText()));
        assertThat(s, containsString("[" + id + "] claim trial 1 of "));
    }

    @Test
    void aSettingOverrideRunsAndSaysThereIsNoRecordToCompare() {
        assertEquals(0, run("run", "book.T1.1", "--trial", "0", "--set", "m=[10, 12]"), err::toString);
        assertThat(stdout(), containsString("setting overridden"));
    }

    @Test
    void anUnknownClaimIdNamesTheClosestIds() {
        assertEquals(2, run("run", "book.T1.l"));
        assertThat(oneErrorLine(), startsWith("unknown claim id 'book.T1.l'; closest: book.T1."));
    }

    @Test
    void aTrialBeyondTheClaimsCountNamesTheCount() {
        assertEquals(2, run("run", "book.T1.1", "--trial", "999"));
        assertThat(oneErrorLine(), containsString("trial 999: book.T1.1 runs "));
    }

    @Test
    void anUnknownSettingKeyListsTheKeys() {
        assertEquals(2, run("run", "book.T1.1", "--set", "nosuchkey=3"));
        assertThat(oneErrorLine(), containsString("not a setting key of book.T1.1; allowed: "));
    }

    @Test
    void aValueOfTheWrongKindNamesKeyAndKind() {
        assertEquals(2, run("run", "book.T1.1", "--set", "m=[8, sixty]"));
        assertThat(oneErrorLine(), containsString("book.T1.1's m entry is an integer"));
    }

    @Test
    void anOverrideTheCheckCannotReadFailsBeforeAnyTrialRuns() {
        assertEquals(2, run("run", "book.T1.1", "--set", "start=sideways"));
        assertThat(oneErrorLine(), containsString("--set: "));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("field 'setting.start': 'sideways' is not one of "));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no trial ran");
    }

    @Test
    void aBadSeedTierOrTrialSaysWhichOption() {
        assertEquals(2, run("run", "book.T1.1", "--seed", "abc"));
        assertThat(oneErrorLine(), startsWith("--seed must be an integer, got 'abc'"));
        err.reset();
        assertEquals(2, run("run", "book.T1.1", "--tier", "medium"));
        assertThat(oneErrorLine(), containsString("medium"));
        err.reset();
        assertEquals(2, run("run", "book.T1.1", "--trial", "-1"));
        assertThat(oneErrorLine(), startsWith("--trial must be an integer ≥ 0"));
    }

    @Test
    void seedRejectsAnUnknownIdAndANegativeTrial() {
        assertEquals(2, run("seed", "no.such.claim", "1", "0"));
        assertThat(oneErrorLine(), startsWith("unknown claim id 'no.such.claim'"));
        err.reset();
        assertEquals(2, run("seed", "book.T1.1", "1", "-1"));
        assertThat(oneErrorLine(), startsWith("<trial> must be an integer ≥ 0, got '-1'"));
        err.reset();
        assertEquals(2, run("seed", "book.T1.1", "abc", "0"));
        assertThat(oneErrorLine(), startsWith("<base-seed> must be an integer, got 'abc'"));
    }
}
