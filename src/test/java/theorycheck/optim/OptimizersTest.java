package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersTest {
    @Test
    void rejectsAnUnknownNameListingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("adamw2", Map.of("lr", 0.1)));
        assertThat(e.getMessage(), allOf(containsString("adamw2"), containsString("allowed"), containsString("heavy-ball")));
    }

    @Test
    void rejectsANegativeStepSizeNamingIt() {
        for (String name : Optimizers.NAMES) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.byName(name, name.equals("heavy-ball") || name.equals("nesterov")
                            ? Map.of("lr", -0.1, "beta", 0.9) : Map.of("lr", -0.1)), name);
            assertThat(name, e.getMessage(), allOf(containsString("lr"), containsString("-0.1")));
        }
    }

    @Test
    void rejectsAMissingRequiredParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("heavy-ball", Map.of("lr", 0.1)));
        assertThat(e.getMessage(), allOf(containsString("heavy-ball"), containsString("beta")));
    }

    @Test
    void rejectsAnUnknownParameterInsteadOfIgnoringIt() {
        // A misspelt "beta_2" must not silently leave β₂ at its default.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("adam", Map.of("lr", 0.1, "beta_2", 0.99)));
        assertThat(e.getMessage(), allOf(containsString("adam"), containsString("beta_2"), containsString("beta2")));
    }

    @Test
    void buildsEachNamedOptimizer() {
        assertThat(Optimizers.byName("gd", Map.of("lr", 0.1)), instanceOf(GradientDescent.class));
        assertThat(Optimizers.byName("sgd", Map.of("lr", 0.1)), instanceOf(GradientDescent.class));
        assertThat(Optimizers.byName("heavy-ball", Map.of("lr", 0.1, "beta", 0.5)), instanceOf(HeavyBall.class));
        assertThat(Optimizers.byName("nesterov", Map.of("lr", 0.1, "beta", 0.5)), instanceOf(Nesterov.class));
        assertThat(Optimizers.byName("adam", Map.of("lr", 0.1)), instanceOf(Adam.class));
        assertThat(Optimizers.byName("adagrad", Map.of("lr", 0.1)), instanceOf(AdaGrad.class));
        assertThat(Optimizers.byName("rmsprop", Map.of("lr", 0.1)), instanceOf(RmsProp.class));
    }

    @Test
    void passesHyperParametersThrough() {
        Adam a = (Adam) Optimizers.byName("adam", Map.of("lr", 0.02, "beta1", 0.8, "beta2", 0.99, "eps", 0.0,
                "decay", 0.5));
        assertEquals(new Adam(0.02, 0.8, 0.99, 0.0, 0.5), a);
        assertEquals(new HeavyBall(0.3, 0.7), Optimizers.byName("heavy-ball", Map.of("lr", 0.3, "beta", 0.7)));
        assertEquals(new RmsProp(0.3, 0.5, 1e-6), Optimizers.byName("rmsprop", Map.of("lr", 0.3, "rho", 0.5,
                "eps", 1e-6)));
    }
}
