package theorycheck.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import org.junit.platform.commons.annotation.Testable;
import theorycheck.claim.ClaimResult;
import theorycheck.report.AllureClaimReport;
import theorycheck.report.VerdictRegistry;

/**
 * Hands a claim's result to the report: the session's verdict registry (for {@code reports/verdicts.*})
 * and the running Allure test.
 */
final class ClaimPublisher {
    private ClaimPublisher() {
    }

    static void publish(ClaimResult result) {
        VerdictRegistry.record(result);
        Optional<Method> test = runningTestMethod();
        Optional<String> selector = test.map(m -> m.getDeclaringClass().getSimpleName() + "#" + m.getName());
        AllureClaimReport.publish(Allure.getLifecycle(), result, tr -> isRunning(tr, test), selector);
    }

    /**
     * Whether the Allure test {@code tr} is the test method nearest on the stack. A claim run through
     * {@code EngineTestKit} inside another test (the harness's own tests) runs on that test's thread,
     * where Allure's current test is the outer one; its result must not be written onto it.
     */
    static boolean isRunning(TestResult tr, Optional<Method> test) {
        if (test.isEmpty()) {
            return true;
        }
        Optional<String> cls = label(tr, "testClass");
        Optional<String> method = label(tr, "testMethod");
        if (cls.isEmpty() || method.isEmpty()) {
            return true;
        }
        return cls.get().equals(test.get().getDeclaringClass().getName()) && method.get().equals(test.get().getName());
    }

    /** The nearest method on the stack annotated as a test (@Test or any annotation meta-annotated @Testable). */
    static Optional<Method> runningTestMethod() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(f -> {
                    try {
                        return f.getDeclaringClass().getDeclaredMethod(f.getMethodName(),
                                f.getMethodType().parameterArray());
                    } catch (NoSuchMethodException | RuntimeException e) {
                        return null;
                    }
                })
                .filter(m -> m != null && isTest(m))
                .findFirst());
    }

    private static boolean isTest(Method m) {
        return Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(Testable.class)
                || a.annotationType() == Testable.class);
    }

    private static Optional<String> label(TestResult tr, String name) {
        return tr.getLabels() == null ? Optional.empty()
                : tr.getLabels().stream().filter(l -> name.equals(l.getName())).map(Label::getValue).findFirst();
    }
}
