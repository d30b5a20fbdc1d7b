package theorycheck.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Disagreement;

class AllureResultsFilesTest {
    @Test
    void categoriesMatchMessagesByTheirPrefix() throws IOException {
        JsonNode cats = new ObjectMapper().readTree(AllureResultsFiles.categories("reproduction changed", "harness broken"));
        String reproduction = cats.get(0).get("messageRegex").asText();
        String harness = cats.get(1).get("messageRegex").asText();
        assertAll(
                () -> assertEquals(6, cats.size()),
                () -> assertEquals("reproduction changed", cats.get(0).get("name").asText()),
                () -> assertEquals("harness broken", cats.get(1).get("name").asText()),
                () -> assertEquals("harness broken", cats.get(2).get("name").asText()),
                () -> assertEquals("broken", cats.get(2).get("matchedStatuses").get(0).asText()),
                () -> assertFalse(cats.get(2).has("messageRegex")),
                () -> assertTrue("reproduction changed: book.T1.1 ==> verdict REFUTED\nbut recorded HOLDS"
                        .matches(reproduction)),
                () -> assertFalse("harness broken: book.T1.1".matches(reproduction)),
                () -> assertTrue("harness broken: book.T1.1 ==> control 'x' gave HOLDS".matches(harness)),
                () -> assertFalse("expected: <1> but was: <2>".matches(harness)));
    }

    @Test
    void passingClaimsAreSortedByTheirDisagreementClass() throws IOException {
        JsonNode cats = new ObjectMapper().readTree(AllureResultsFiles.categories("reproduction changed", "harness broken"));
        for (int i = 3; i < 6; i++) {
            Disagreement d = Disagreement.values()[i - 3];
            JsonNode c = cats.get(i);
            String message = AllureClaimReport.disagreementMessage(d, "the bound is off by 2×");
            assertAll(
                    () -> assertEquals("disagrees with the source: " + d.label(), c.get("name").asText()),
                    () -> assertEquals("passed", c.get("matchedStatuses").get(0).asText()),
                    () -> assertTrue(message.matches(c.get("messageRegex").asText()), message),
                    // each message matches its own class only: Allure files a result under every category it matches
                    () -> assertFalse(AllureClaimReport.disagreementMessage(Disagreement.values()[(d.ordinal() + 1) % 3], "x")
                            .matches(c.get("messageRegex").asText())));
        }
    }

    @Test
    void regexEscapesPunctuation() {
        assertTrue("a.b(c) tail".matches(AllureResultsFiles.startsWith("a.b(c)")));
        assertFalse("axb(c) tail".matches(AllureResultsFiles.startsWith("a.b(c)")));
    }

    @Test
    void environmentReadsBackAsProperties() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java.version", "17.0.15");
        env.put("odd key", "a=b: c\\d ü");
        env.put("nd4j.backend", " leading space");
        Properties p = new Properties();
        p.load(new StringReader(AllureResultsFiles.environment(env)));
        assertEquals(env, new LinkedHashMap<>(Map.of("java.version", p.getProperty("java.version"), "odd key",
                p.getProperty("odd key"), "nd4j.backend", p.getProperty("nd4j.backend"))));
    }
}
