package theorycheck.support;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import theorycheck.report.AllureClaimReport;

/**
 * Puts every Allure result without a verdict under one top-level suite, so the Suites view reads
 * Holds / Refuted / Inconclusive, then the rest: claim tests that broke before deciding ("No
 * verdict", by claim id) and the tests of the core and the harness (by class). Registered through
 * {@code META-INF/services/io.qameta.allure.listener.TestLifecycleListener}.
 */
public final class SuiteGrouping implements TestLifecycleListener {
    static final String NO_VERDICT = AllureClaimReport.NO_VERDICT_SUITE;
    static final String OTHER_TESTS = "Core and harness tests";

    @Override
    public void beforeTestWrite(TestResult result) {
        List<Label> labels = result.getLabels() == null ? new ArrayList<>() : new ArrayList<>(result.getLabels());
        if (labels.stream().anyMatch(l -> AllureClaimReport.VERDICT_LABEL.equals(l.getName()))) {
            return;
        }
        Optional<String> claimId = claimId(label(labels, "testClass"), label(labels, "testMethod"));
        labels.removeIf(l -> "parentSuite".equals(l.getName()) || (claimId.isPresent() && "suite".equals(l.getName())));
        labels.add(new Label().setName("parentSuite").setValue(claimId.isPresent() ? NO_VERDICT : OTHER_TESTS));
        claimId.ifPresent(id -> labels.add(new Label().setName("suite").setValue(id)));
        result.setLabels(labels);
    }

    /** The {@link ClaimId} of the test method, when it is a claim's test. */
    static Optional<String> claimId(Optional<String> testClass, Optional<String> testMethod) {
        if (testClass.isEmpty() || testMethod.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(testClass.get(), false, SuiteGrouping.class.getClassLoader());
            for (var m : c.getDeclaredMethods()) {
                ClaimId id = m.getAnnotation(ClaimId.class);
                if (id != null && m.getName().equals(testMethod.get())) {
                    return Optional.of(id.value());
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> label(List<Label> labels, String name) {
        return labels.stream().filter(l -> name.equals(l.getName())).map(Label::getValue).findFirst();
    }
}
