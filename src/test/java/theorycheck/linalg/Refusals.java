package theorycheck.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared by the core tests: a bad argument is refused with an IllegalArgumentException and this one line. */
public final class Refusals {
    private Refusals() {
    }

    public static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
