package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Vec;
import theorycheck.reference.*;

class DiagonalNetScratchTest {
    @Test
    void sparse() {
        Rng rng = new Rng(1);
        int m = 100, d = 1000;
        Regression data = Regression.gaussian(m, d, 5, 0.1, rng);
        long t0 = System.nanoTime();
        double lm = DiagonalNetGd.lambdaMax(data.x());
        double[] l2 = MinNorm.solve(data.x(), data.y());
        System.out.printf("l2 ms=%d%n", (System.nanoTime()-t0)/1000000);
        t0 = System.nanoTime();
        MinL1Interpolant.Result l1 = MinL1Interpolant.solve(data.x(), data.y());System.out.println("warm");l1 = MinL1Interpolant.solve(data.x(), data.y());
        System.out.printf("l1 certified=%s gap=%.2e res=%.2e %s ms=%d err l1=%.3g l2=%.3g%n", l1.certified(), l1.relativeGap(), l1.relativeResidual(), l1.states(), (System.nanoTime()-t0)/1000000,
           Vec.distance(l1.beta(), data.truth())/Vec.norm2(data.truth()), Vec.distance(l2, data.truth())/Vec.norm2(data.truth()));
        for (double alpha : new double[] {1e-3, 3e-3}) {
            t0 = System.nanoTime();
            QAlphaInterpolant.Result q = QAlphaInterpolant.solve(data.x(), data.y(), alpha);
            System.out.printf("alpha=%g Q it=%d conv=%s ms=%d err=%.3g dl1=%.3g%n", alpha, q.iterations(), q.converged(), (System.nanoTime()-t0)/1000000,
              Vec.distance(q.beta(), data.truth())/Vec.norm2(data.truth()), Vec.distance(q.beta(), l1.beta())/Vec.norm2(l1.beta()));
            for (double tol : new double[] {1e-2, 3e-3}) {
                t0 = System.nanoTime();
                var p = DiagonalNetGd.depth(d, 2);
                double[] th = new double[2*d]; java.util.Arrays.fill(th, alpha);
                var run = DiagonalNetGd.run(data.x(), data.y(), lm, p, th, DiagonalNetGd.StepRule.adaptive(0.2), 0, DiagonalNetGd.Budget.toTolerance(tol, 100_000));
                System.out.printf("   tol=%g steps=%d status=%s errQ=%.3g errTruth=%.3g ms=%d%n", tol, run.steps(), run.status(), Vec.distance(run.beta(), q.beta())/Vec.norm2(q.beta()),
                   Vec.distance(run.beta(), data.truth())/Vec.norm2(data.truth()), (System.nanoTime()-t0)/1000000);
            }
        }
    }
}
