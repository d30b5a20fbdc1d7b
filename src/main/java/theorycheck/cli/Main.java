package theorycheck.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import theorycheck.claim.ClaimCatalog;
import theorycheck.claim.ClaimSpec;
import theorycheck.claim.ClaimSpecException;
import theorycheck.claim.TrialSeeds;

/**
 * {@code theorycheck validate|list|seed}: the claim files without the JUnit run.
 * <pre>
 *   validate [theorems-dir]              parse and validate every claim file; exit 1 naming the file and field
 *   list [theorems-dir]                  one line per claim: id, quantifier, source's answer, recorded verdict
 *   seed &lt;claim-id&gt; &lt;base-seed&gt; &lt;k&gt;     the seed of trial k (claim arm; use "&lt;id&gt;#control" for the control)
 * </pre>
 * Run with {@code mvn -q exec:java -Dexec.mainClass=theorycheck.cli.Main -Dexec.args="list"}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: validate|list [theorems-dir] | seed <claim-id> <base-seed> <trial>");
            return 2;
        }
        try {
            switch (args[0]) {
                case "validate" -> {
                    ClaimCatalog c = ClaimCatalog.load(dir(args));
                    out.println(c.all().size() + " claim files valid");
                }
                case "list" -> {
                    for (ClaimSpec s : ClaimCatalog.load(dir(args)).all()) {
                        out.printf(Locale.ROOT, "%-28s %-12s source=%-9s expected=%-12s %s%n", s.id(),
                                s.quantifier().name().toLowerCase(Locale.ROOT),
                                s.sourceSays().name().toLowerCase(Locale.ROOT), s.expected(), s.title());
                    }
                }
                case "seed" -> {
                    if (args.length != 4) {
                        err.println("usage: seed <claim-id> <base-seed> <trial>");
                        return 2;
                    }
                    out.println(TrialSeeds.seed(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3])));
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'; allowed: validate, list, seed");
                    return 2;
                }
            }
            return 0;
        } catch (ClaimSpecException e) {
            err.println(e.getMessage());
            return 1;
        } catch (NumberFormatException e) {
            err.println("not a number: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Path dir(String[] args) {
        return Path.of(args.length > 1 ? args[1] : "theorems");
    }
}
