package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import theorycheck.claim.ClaimResult;
import theorycheck.claim.TrialResult;

class TrialTableTest {
    private final ClaimResult result = ReportFixtures.run(ReportFixtures.spec("fam", "fam.a"));

    @Test
    void columnsAreFixedThenMetricsInFirstRecordedOrderThenNote() {
        String header = TrialTable.csv(result.claim()).lines().findFirst().orElseThrow();
        assertEquals("index,seed,instance,outcome,keyValue,x,odd only,note", header);
        assertEquals(List.of("x", "odd only"), TrialTable.metricColumns(result.claim()));
    }

    @Test
    void oneRowPerTrialWithItsSeedAndValues() {
        List<String> lines = TrialTable.csv(result.claim()).lines().toList();
        TrialResult t0 = result.claim().trials().get(0);
        TrialResult t1 = result.claim().trials().get(1);
        assertAll(
                () -> assertEquals(result.claim().trials().size() + 1, lines.size()),
                () -> assertEquals("0," + t0.seed() + ",\"" + t0.instance() + "\",PASS," + t0.keyValue() + ","
                        + t0.metrics().get("x") + ",,\"x vs bound, \"\"quoted\"\"\"", lines.get(1)),
                () -> assertTrue(lines.get(2).startsWith("1," + t1.seed() + ","), lines.get(2)),
                () -> assertTrue(lines.get(2).contains(",1.0,"), lines.get(2)));
    }

    @Test
    void cellsAreQuotedOnlyWhenNeeded() {
        assertAll(
                () -> assertEquals("plain", TrialTable.escape("plain")),
                () -> assertEquals("\"a,b\"", TrialTable.escape("a,b")),
                () -> assertEquals("\"say \"\"hi\"\"\"", TrialTable.escape("say \"hi\"")),
                () -> assertEquals("\"two\nlines\"", TrialTable.escape("two\nlines")),
                () -> assertEquals("", TrialTable.escape(null)));
    }
}
