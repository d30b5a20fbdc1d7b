package theorycheck.claims;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import theorycheck.claim.InstanceCheck;
import theorycheck.claims.factorization.DiagonalAndFactorizationFamily;
import theorycheck.claims.generalization.GeneralizationFamily;
import theorycheck.claims.maxmargin.MaxMarginFamily;
import theorycheck.claims.minnorm.MinNormFamily;
import theorycheck.claims.sharpness.SharpnessFamily;
import theorycheck.claims.stability.StabilityFamily;

/**
 * Every claim's check, by claim id: the one place that ties a claim file to its Java. The JUnit entry
 * points and the command line both look checks up here.
 */
public final class ClaimChecks {
    private static final Map<String, Supplier<InstanceCheck<?>>> CHECKS = all();

    private ClaimChecks() {
    }

    /** A fresh check for {@code claimId}; an unknown id fails with one line naming the closest ids. */
    public static InstanceCheck<?> forId(String claimId) {
        Supplier<InstanceCheck<?>> check = CHECKS.get(claimId);
        if (check == null) {
            throw new IllegalArgumentException(unknownId(claimId, CHECKS.keySet()));
        }
        return check.get();
    }

    /** The ids that have a check, in family order. */
    public static Set<String> ids() {
        return Collections.unmodifiableSet(CHECKS.keySet());
    }

    /** "unknown claim id 'x'; closest: a, b, c (N claim ids; 'list' shows them)". */
    public static String unknownId(String claimId, Set<String> known) {
        List<String> closest = known.stream()
                .sorted(Comparator.comparingInt((String k) -> editDistance(claimId.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
        return "unknown claim id '" + claimId + "'; closest: " + String.join(", ", closest) + " (" + known.size()
                + " claim ids; 'list' shows them)";
    }

    /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static Map<String, Supplier<InstanceCheck<?>>> all() {
        Map<String, Supplier<InstanceCheck<?>>> checks = new LinkedHashMap<>();
        for (Map<String, Supplier<InstanceCheck<?>>> family : List.of(MinNormFamily.checks(), MaxMarginFamily.checks(),
                GeneralizationFamily.checks(), SharpnessFamily.checks(), StabilityFamily.checks(),
                DiagonalAndFactorizationFamily.checks())) {
            family.forEach((id, check) -> {
                if (checks.putIfAbsent(id, check) != null) {
                    throw new IllegalStateException("claim id " + id + " has two checks");
                }
            });
        }
        return Collections.unmodifiableMap(checks);
    }
}
