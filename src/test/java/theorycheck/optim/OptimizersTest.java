package theorycheck.optim;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static theorycheck.linalg.Refusals.assertMessage;

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

    @Test
    void parsesTheFormDescribePrintsForEveryOptimizer() {
        for (String name : Optimizers.NAMES) {
            Map<String, Double> p = name.equals("heavy-ball") || name.equals("nesterov")
                    ? Map.of("lr", 0.1, "beta", 0.9) : Map.of("lr", 0.1);
            Optimizer o = Optimizers.byName(name, p);
            assertEquals(o, Optimizers.parse(o.describe()), o.describe());
        }
        assertEquals(new Adam(0.01, 0.9, 0.999, 1e-8, 0.5),
                Optimizers.parse(" adam( lr=0.01, beta1 = 0.9, beta2=0.999, eps=1e-8, decay=0.5 ) ", Adam.class));
    }

    @Test
    void aBadSpecIsOneLineNamingItAndWhatIsWrong() {
        assertMessage("optimizer 'adam': expected name(key=value, …), e.g. adam(lr=0.01, beta1=0.9)",
                () -> Optimizers.parse("adam"));
        assertMessage("optimizer 'adam(lr=0.01, beta1)': 'beta1' is not key=value",
                () -> Optimizers.parse("adam(lr=0.01, beta1)"));
        assertMessage("optimizer 'adam(lr=fast)': lr = 'fast' is not a number", () -> Optimizers.parse("adam(lr=fast)"));
        assertMessage("optimizer 'adam(lr=1, lr=2)': lr is given twice", () -> Optimizers.parse("adam(lr=1, lr=2)"));
        assertMessage("optimizer 'adam(lr=0.1, beta3=0.5)': optimizer 'adam' has no parameter 'beta3'; allowed: "
                + "[beta1, beta2, decay, eps, lr]", () -> Optimizers.parse("adam(lr=0.1, beta3=0.5)"));
        assertMessage("optimizer 'adam(beta1=0.9)': optimizer 'adam' needs parameter 'lr'",
                () -> Optimizers.parse("adam(beta1=0.9)"));
        assertMessage("optimizer 'lion(lr=0.1)' is a Lion; here it must be a Adam",
                () -> Optimizers.parse("lion(lr=0.1)", Adam.class));
    }
}
