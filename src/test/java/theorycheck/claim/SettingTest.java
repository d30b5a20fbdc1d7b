package theorycheck.claim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variant keys of a setting: a value outside the choices is an error naming the file, the key and the choices. */
class SettingTest {
    private static final Path FILE = Path.of("theorems", "fixture", "fx.choice.md");

    enum Bound {
        LAMBDA_MAX, LAMBDA_MEAN
    }

    private static Setting setting(Map<String, Object> values) {
        return new Setting(FILE, values);
    }

    @Test
    void aTextChoiceReturnsItsValue() {
        assertEquals("tiled", setting(Map.of("wide", "tiled")).choice("wide", "independent", "tiled"));
    }

    @Test
    void anEnumChoiceReadsLowerCaseWithDashesOnly() {
        Setting s = setting(Map.of("bound", "lambda-mean", "also", "LAMBDA_MAX", "under", "lambda_max", "list",
                "lambda-max, lambda-mean", "empty", "none"));
        assertAll(
                () -> assertEquals(Bound.LAMBDA_MEAN, s.choice("bound", Bound.class)),
                () -> assertEquals(List.of(Bound.LAMBDA_MAX, Bound.LAMBDA_MEAN), s.choices("list", Bound.class)),
                () -> assertEquals(List.of(), s.choices("empty", Bound.class)),
                () -> assertEquals("lambda-mean", Setting.label(Bound.LAMBDA_MEAN)),
                // one spelling per constant, the one validate and the report show
                () -> assertThrows(ClaimSpecException.class, () -> s.choice("also", Bound.class)),
                () -> assertThrows(ClaimSpecException.class, () -> s.choice("under", Bound.class)));
    }

    @Test
    void aValueOutsideTheChoicesIsNamed() {
        Setting s = setting(Map.of("bound", "lambda-min", "wide", "tilde"));
        ClaimSpecException e1 = assertThrows(ClaimSpecException.class, () -> s.choice("bound", Bound.class));
        ClaimSpecException e2 = assertThrows(ClaimSpecException.class, () -> s.choice("wide", "independent", "tiled"));
        assertAll(
                () -> assertEquals("setting.bound", e1.field()),
                () -> assertTrue(e1.getMessage().contains("'lambda-min' is not one of lambda-max, lambda-mean"), e1.getMessage()),
                () -> assertTrue(e1.getMessage().contains("fx.choice.md"), e1.getMessage()),
                () -> assertEquals("setting.wide", e2.field()),
                () -> assertTrue(e2.getMessage().contains("'tilde' is not one of independent, tiled"), e2.getMessage()));
    }

    @Test
    void overridesReplaceKeysAndKeepTheRest() {
        Setting base = setting(Map.of("a", 1, "b", 2));
        Setting over = base.overriddenBy(setting(Map.of("b", 3)));
        assertAll(() -> assertEquals(1, over.integer("a")), () -> assertEquals(3, over.integer("b")),
                () -> assertEquals(base, base.overriddenBy(setting(Map.of()))));
    }
}
