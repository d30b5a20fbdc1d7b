package theorycheck.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A claim's result goes onto the Allure test that ran it, and onto no other. */
class ClaimPublisherTest {
    @Test
    void findsTheRunningTestMethod() {
        Method m = ClaimPublisher.runningTestMethod().orElseThrow();
        assertEquals("findsTheRunningTestMethod", m.getName());
        assertEquals(ClaimPublisherTest.class, m.getDeclaringClass());
    }

    @Test
    void matchesTheAllureTestByClassAndMethod() throws NoSuchMethodException {
        Method m = ClaimPublisherTest.class.getDeclaredMethod("matchesTheAllureTestByClassAndMethod");
        assertTrue(ClaimPublisher.isRunning(result(ClaimPublisherTest.class.getName(), m.getName()), Optional.of(m)));
        assertFalse(ClaimPublisher.isRunning(result(ClaimPublisherTest.class.getName(), "other"), Optional.of(m)));
        assertFalse(ClaimPublisher.isRunning(result("some.Other", m.getName()), Optional.of(m)));
        assertTrue(ClaimPublisher.isRunning(new TestResult(), Optional.of(m)), "no labels: cannot tell, publish");
        assertTrue(ClaimPublisher.isRunning(result("a.B", "c"), Optional.empty()), "no test on the stack: publish");
    }

    private static TestResult result(String cls, String method) {
        return new TestResult().setLabels(List.of(new Label().setName("testClass").setValue(cls),
                new Label().setName("testMethod").setValue(method)));
    }
}
