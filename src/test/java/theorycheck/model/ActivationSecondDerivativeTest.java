package theorycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** σ'' against central differences of the exact σ'. */
class ActivationSecondDerivativeTest {
    @ParameterizedTest
    @EnumSource(Activation.class)
    void secondDerivativeMatchesDifferencesOfTheFirst(Activation a) {
        double h = 1e-6;
        int compared = 0;
        for (double z = -4.05; z <= 4; z += 0.37) { // avoids the ReLU kink at 0
            double fd = (a.derivative(z + h) - a.derivative(z - h)) / (2 * h);
            assertEquals(fd, a.secondDerivative(z), 1e-8, a + " at " + z);
            compared++;
        }
        assertEquals(22, compared);
    }
}
