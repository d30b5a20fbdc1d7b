package theorycheck.claims;

import theorycheck.claim.*;
import theorycheck.support.ClaimAssertions;

final class Dump {
    static <I, C> void run(String id, InstanceCheck<I> a, InstanceCheck<C> b) {
        RunSettings settings = RunSettings.fromSystemProperties();
        if (settings.onlyClaim().isPresent() && !settings.onlyClaim().get().equals(id)) return;
        ClaimSpec spec = ClaimCatalog.load(settings.theorems()).get(id);
        ClaimResult r = new ClaimRunner(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(spec, settings, a, b);
        for (TrialResult t : r.claim().trials()) System.out.println("DUMP claim " + t.index() + " " + t.outcome() + " " + t.instance() + " :: " + t.note());
        for (TrialResult t : r.control().trials()) System.out.println("DUMP control " + t.index() + " " + t.outcome() + " " + t.instance() + " :: " + t.note());
        System.out.println("DUMP " + id + " key " + r.keyNumber() + " verdict " + r.verdict() + " control " + r.control().verdict() + " ms " + r.durationMillis());
        ClaimAssertions.assertReproduced(r);
    }
}
