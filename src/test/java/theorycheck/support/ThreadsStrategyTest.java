package theorycheck.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The thread count is every core unless set, and a bad value names the property. */
class ThreadsStrategyTest {
    @Test
    void defaultIsEveryCore() {
        assertEquals(6, ThreadsStrategy.threads(null, 6));
        assertEquals(6, ThreadsStrategy.threads(" ", 6));
    }

    @Test
    void aValueIsTaken() {
        assertEquals(1, ThreadsStrategy.threads("1", 6));
    }

    @Test
    void badValuesNameTheProperty() {
        for (String bad : new String[] {"0", "-2", "two"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreadsStrategy.threads(bad, 6));
            assertTrue(e.getMessage().contains(ThreadsStrategy.THREADS_PROPERTY_NAME) && e.getMessage().contains(bad),
                    e.getMessage());
        }
    }
}
