package theorycheck.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecParser;
import theorycheck.claim.Tier;

/** The variant keys of the min-norm claim files: each arm reads its own value, a bad value is named. */
class MinNormChoiceTest {
    private static final Path A1 = Path.of("theorems", "min-norm", "book.A.1.md");

    @Test
    void claimAndControlArmsReadTheirOwnVariant() {
        ClaimSpec spec = ClaimSpecParser.parse(A1);
        assertEquals(MinNormChoice.Bound.LAMBDA_MAX,
                MinNormChoice.of(spec.setting(Tier.QUICK, "claim"), "bound", MinNormChoice.Bound.class));
        assertEquals(MinNormChoice.Bound.LAMBDA_MEAN,
                MinNormChoice.of(spec.setting(Tier.QUICK, "control"), "bound", MinNormChoice.Bound.class));
    }

    @Test
    void aListKeepsItsOrder() {
        ClaimSpec spec = ClaimSpecParser.parse(Path.of("theorems", "min-norm", "lit.adaptive-not-min-norm.md"));
        assertEquals(List.of(MinNormClaims.LeavesRowSpace.Method.ADAM, MinNormClaims.LeavesRowSpace.Method.ADAGRAD),
                MinNormChoice.list(spec.setting(Tier.QUICK), "optimizers", MinNormClaims.LeavesRowSpace.Method.class));
    }

    @Test
    void anUnknownValueIsAnErrorNamingKeyAndAllowedValues() throws IOException {
        String text = Files.readString(A1).replace("  bound: lambda-max\n", "  bound: lambda-min\n");
        ClaimSpec spec = ClaimSpecParser.parse(A1, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinNormChoice.of(spec.setting(Tier.QUICK), "bound", MinNormChoice.Bound.class));
        assertTrue(e.getMessage().contains("setting.bound") && e.getMessage().contains("'lambda-min'")
                && e.getMessage().contains("allowed: lambda-max, lambda-mean"), e.getMessage());
    }
}
