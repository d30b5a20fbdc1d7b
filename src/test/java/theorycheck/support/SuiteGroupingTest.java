package theorycheck.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import theorycheck.support.fixtures.FixtureClaimsTestCase;

class SuiteGroupingTest {
    @Test
    void testsWithoutAVerdictGoUnderOneSuite() {
        TestResult core = result("theorycheck.linalg.SvdTest", "reconstructs", null);
        new SuiteGrouping().beforeTestWrite(core);
        assertEquals(Map.of("parentSuite", SuiteGrouping.OTHER_TESTS, "suite", "theorycheck.linalg.SvdTest"),
                labels(core));
    }

    @Test
    void brokenClaimTestGoesUnderNoVerdictByClaimId() {
        TestResult broken = result(FixtureClaimsTestCase.class.getName(), "fixture_sound", null);
        new SuiteGrouping().beforeTestWrite(broken);
        assertEquals(Map.of("parentSuite", SuiteGrouping.NO_VERDICT, "suite", "fixture.sound"), labels(broken));
    }

    @Test
    void claimWithAVerdictIsLeftAlone() {
        TestResult decided = result(FixtureClaimsTestCase.class.getName(), "fixture_sound", "HOLDS");
        new SuiteGrouping().beforeTestWrite(decided);
        assertEquals("theorycheck.Whatever", labels(decided).get("suite"));
        assertEquals(Optional.empty(), SuiteGrouping.claimId(Optional.of("no.such.Class"), Optional.of("m")));
    }

    private static TestResult result(String cls, String method, String verdict) {
        List<Label> labels = new java.util.ArrayList<>(List.of(
                new Label().setName("testClass").setValue(cls),
                new Label().setName("testMethod").setValue(method),
                new Label().setName("suite").setValue(verdict == null ? cls : "theorycheck.Whatever")));
        if (verdict != null) {
            labels.add(new Label().setName("verdict").setValue(verdict));
        }
        return new TestResult().setLabels(labels);
    }

    private static Map<String, String> labels(TestResult r) {
        return r.getLabels().stream().filter(l -> l.getName().endsWith("uite"))
                .collect(Collectors.toMap(Label::getName, Label::getValue));
    }
}
