package theorycheck.optim;

import theorycheck.linalg.Norm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import theorycheck.linalg.Norm;

/** {@link Optimizers#byName} for the steepest-descent family and Lion. */
class OptimizersImplicitBiasTest {
    private static final List<String> STEEPEST = List.of("normalized-gd", "sign-gd", "coordinate-descent",
            "steepest-descent-l2", "steepest-descent-linf", "steepest-descent-l1");

    @Test
    void namesIncludeTheNewOptimizers() {
        assertTrue(Optimizers.NAMES.containsAll(STEEPEST));
        assertTrue(Optimizers.NAMES.contains("lion"));
    }

    @Test
    void buildsEachSteepestDescentVariantFromItsFixedName() {
        assertEquals(SteepestDescent.normalizedGd(0.1), Optimizers.byName("normalized-gd", Map.of("lr", 0.1)));
        assertEquals(SteepestDescent.signGd(0.1), Optimizers.byName("sign-gd", Map.of("lr", 0.1)));
        assertEquals(SteepestDescent.coordinateDescent(0.1), Optimizers.byName("coordinate-descent", Map.of("lr", 0.1)));
        assertEquals(new SteepestDescent(Norm.L2, 0.1, false), Optimizers.byName("steepest-descent-l2", Map.of("lr", 0.1)));
        assertEquals(new SteepestDescent(Norm.LINF, 0.1, false, 0.5),
                Optimizers.byName("steepest-descent-linf", Map.of("lr", 0.1, "decay", 0.5)));
        assertEquals(new SteepestDescent(Norm.L1, 0.1, false), Optimizers.byName("steepest-descent-l1", Map.of("lr", 0.1)));
    }

    @Test
    void everyConfigurationRoundTripsThroughItsName() {
        int checked = 0;
        for (Norm norm : Norm.values()) {
            for (boolean normalized : new boolean[] {true, false}) {
                SteepestDescent sd = new SteepestDescent(norm, 0.2, normalized, 0.25);
                assertEquals(sd, Optimizers.byName(sd.name(), Map.of("lr", 0.2, "decay", 0.25)));
                checked++;
            }
        }
        assertEquals(STEEPEST.size(), checked);
    }

    @Test
    void buildsLionWithDefaultsAndPassesParametersThrough() {
        assertEquals(Lion.withDefaults(0.01), Optimizers.byName("lion", Map.of("lr", 0.01)));
        assertEquals(new Lion(0.01, 0.8, 0.95, 0.1), Optimizers.byName("lion",
                Map.of("lr", 0.01, "beta1", 0.8, "beta2", 0.95, "weight_decay", 0.1)));
    }

    @Test
    void rejectsANormParameterBecauseTheNormIsInTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("sign-gd", Map.of("lr", 0.1, "norm", 1.0)));
        assertThat(e.getMessage(), allOf(containsString("sign-gd"), containsString("norm"), containsString("decay")));
    }

    @Test
    void rejectsAMisspeltLionParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("lion", Map.of("lr", 0.1, "weightDecay", 0.1)));
        assertThat(e.getMessage(), allOf(containsString("weightDecay"), containsString("weight_decay")));
    }

    @Test
    void rejectsBadValuesAndMissingStepSizes() {
        for (String name : STEEPEST) {
            assertThat(name, assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.byName(name, Map.of("lr", -0.1))).getMessage(), containsString("lr"));
            assertThat(name, assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.byName(name, Map.of("lr", 0.1, "decay", -1.0))).getMessage(), containsString("decay"));
            assertThat(name, assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.byName(name, Map.of())).getMessage(), allOf(containsString(name), containsString("lr")));
        }
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("lion", Map.of("lr", 0.1, "beta2", 1.0))).getMessage(), containsString("beta2"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("lion", Map.of("beta1", 0.9))).getMessage(), containsString("lr"));
    }
}
