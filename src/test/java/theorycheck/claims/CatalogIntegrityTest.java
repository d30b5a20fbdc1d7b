package theorycheck.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.RunSettings;
import theorycheck.claims.ClaimChecks;
import theorycheck.support.ClaimId;

/**
 * Claim files and claim tests pair one to one: every file under {@code theorems/} has exactly one
 * {@link ClaimId} test method in this package, named after its id, and every {@link ClaimId} names a
 * claim file. The tests are found by scanning the compiled classes of this package.
 */
class CatalogIntegrityTest {
    private static ClaimCatalog catalog;
    private static List<ClaimMethod> methods;

    /** A test method and the claim id it carries. */
    record ClaimMethod(Method method, String id) {
        String where() {
            return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException, ClassNotFoundException {
        catalog = ClaimCatalog.load(theorems());
        methods = claimMethods();
    }

    /** {@code book.T1.1} → {@code book_T1_1}: every character other than a letter or digit becomes '_'. */
    static String methodNameFor(String claimId) {
        return claimId.replaceAll("[^A-Za-z0-9]", "_");
    }

    @Test
    void methodNameRuleMatchesTheExamples() {
        assertEquals("book_T1_1", methodNameFor("book.T1.1"));
        assertEquals("book_C_2_batch", methodNameFor("book.C.2-batch"));
        assertEquals("slides_diag_net_q_alpha", methodNameFor("slides.diag-net-q-alpha"));
    }

    @Test
    void scanSeesTheClassesOfThisPackage() {
        // guards the tests below against passing because the scan found nothing
        assertTrue(scannedClasses.contains(CatalogIntegrityTest.class.getName()), () -> "scanned: " + scannedClasses);
    }

    @Test
    void everyClaimFileHasExactlyOneTest() {
        Map<String, List<String>> byId = methods.stream().collect(Collectors.groupingBy(ClaimMethod::id, TreeMap::new,
                Collectors.mapping(ClaimMethod::where, Collectors.toList())));
        List<String> problems = new ArrayList<>();
        for (ClaimSpec spec : catalog.all()) {
            List<String> tests = byId.getOrDefault(spec.id(), List.of());
            if (tests.size() != 1) {
                problems.add(spec.file() + ": " + (tests.isEmpty() ? "no @ClaimId(\"" + spec.id() + "\") test method in "
                        + "theorycheck.claims" : tests.size() + " test methods " + tests));
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyClaimTestNamesAClaimFile() {
        List<String> problems = methods.stream().filter(m -> !catalog.contains(m.id()))
                .map(m -> m.where() + ": @ClaimId(\"" + m.id() + "\") names no claim file under " + theorems())
                .toList();
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyClaimTestIsNamedAfterItsId() {
        List<String> problems = methods.stream().filter(m -> !m.method().getName().equals(methodNameFor(m.id())))
                .map(m -> m.where() + ": the test of " + m.id() + " must be named " + methodNameFor(m.id()))
                .toList();
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyClaimTestIsATest() {
        List<String> problems = methods.stream()
                .filter(m -> !m.method().isAnnotationPresent(org.junit.jupiter.api.Test.class))
                .map(m -> m.where() + ": carries @ClaimId(\"" + m.id() + "\") but not @Test, so it never runs")
                .toList();
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void everyClaimFileHasACheckAndEveryCheckAClaimFile() {
        List<String> problems = new ArrayList<>();
        for (ClaimSpec spec : catalog.all()) {
            if (!ClaimChecks.ids().contains(spec.id())) {
                problems.add(spec.file() + ": no check registered for " + spec.id() + " in theorycheck.claims");
            }
        }
        ClaimChecks.ids().stream().filter(id -> !catalog.contains(id))
                .forEach(id -> problems.add("check registered for " + id + ", which has no claim file under " + theorems()));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void eachFamilyHasOneTestClassNamedAfterItsDirectory() {
        // theorems/max-margin/ → MaxMarginClaims, the rule the README states
        List<String> problems = new ArrayList<>();
        for (ClaimMethod m : methods) {
            Path dir = catalog.get(m.id()).file().getParent().getFileName();
            String expected = java.util.Arrays.stream(dir.toString().split("-"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining()) + "Claims";
            if (!m.method().getDeclaringClass().getSimpleName().equals(expected)) {
                problems.add(m.where() + ": the claims of theorems/" + dir + "/ belong in " + expected);
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void checksHoldNoMutableState() {
        // the trials of an arm run side by side on one check object: a field a trial could write would
        // make the evidence depend on the thread count
        List<String> problems = new ArrayList<>();
        for (String id : ClaimChecks.ids()) {
            for (Class<?> c = ClaimChecks.forId(id).getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isFinal(f.getModifiers())) {
                        problems.add(id + ": " + c.getSimpleName() + "." + f.getName() + " is not final");
                    } else if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        continue; // constants (a few are arrays of names, read and never written)
                    } else if (!f.getType().isPrimitive() && !f.getType().isEnum() && f.getType() != String.class
                            && !f.getType().isRecord() && !f.getType().isInterface()) {
                        problems.add(id + ": " + c.getSimpleName() + "." + f.getName() + " is a " + f.getType().getSimpleName()
                                + ", which trials could share and change");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void anUnknownIdNamesTheClosestIds() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClaimChecks.forId("book.T1.l"));
        assertTrue(e.getMessage().startsWith("unknown claim id 'book.T1.l'; closest: book.T1."), e::getMessage);
        assertEquals(1, e.getMessage().lines().count());
    }

    /** Fewer trials than this in an arm is a verdict resting on one or two draws. */
    static final int MIN_QUICK_TRIALS_PER_ARM = 3;

    @Test
    void everyArmRunsAtLeastThreeQuickTrials() {
        List<String> problems = catalog.all().stream()
                .filter(s -> s.trials() < MIN_QUICK_TRIALS_PER_ARM || s.control().trials() < MIN_QUICK_TRIALS_PER_ARM)
                .map(s -> s.file() + ": quick tier runs " + s.trials() + " claim / " + s.control().trials()
                        + " control trials; each arm needs at least " + MIN_QUICK_TRIALS_PER_ARM)
                .toList();
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void noClaimFileKeepsAControlKeyInItsSetting() {
        // the control is the override block, not a second set of keys the check decodes itself
        List<String> problems = catalog.all().stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.setting(theorycheck.claim.Tier.QUICK).asMap().keySet().stream(),
                        s.setting(theorycheck.claim.Tier.DEEP).asMap().keySet().stream())
                        .filter(k -> k.startsWith("control_")).map(k -> s.file() + ": setting key " + k))
                .distinct().toList();
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static final List<String> scannedClasses = new ArrayList<>();

    /** Every method carrying {@link ClaimId} in the compiled classes of this package (nested classes included). */
    static List<ClaimMethod> claimMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(CatalogIntegrityTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = CatalogIntegrityTest.class.getPackageName();
        Path dir = classes.resolve(pkg.replace('.', '/'));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".class")).sorted().toList();
        }
        List<ClaimMethod> found = new ArrayList<>();
        ClassLoader loader = CatalogIntegrityTest.class.getClassLoader();
        for (Path f : files) {
            String simple = f.getFileName().toString().replaceFirst("\\.class$", "");
            if (simple.equals("package-info") || simple.equals("module-info")) {
                continue;
            }
            Class<?> c = Class.forName(pkg + "." + simple, false, loader);
            scannedClasses.add(c.getName());
            for (Method m : c.getDeclaredMethods()) {
                ClaimId id = m.getAnnotation(ClaimId.class);
                if (id != null) {
                    found.add(new ClaimMethod(m, id.value()));
                }
            }
        }
        return found;
    }

    static Path theorems() {
        String root = System.getProperty(RunSettings.ROOT_PROPERTY_NAME);
        return (root == null || root.isBlank() ? Path.of("") : Path.of(root)).toAbsolutePath().resolve("theorems");
    }
}
