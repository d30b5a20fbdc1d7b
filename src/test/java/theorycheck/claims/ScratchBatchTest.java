package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.data.*;
import theorycheck.loss.*;
import theorycheck.model.*;
import theorycheck.measure.*;
import theorycheck.optim.*;
import theorycheck.train.*;

class ScratchBatchTest {
    @Test
    void run() {
        int perClass = Integer.getInteger("perClass", 512);
        int epochs = Integer.getInteger("epochs", 50);
        double lr = Double.parseDouble(System.getProperty("lr", "0.05"));
        int small = Integer.getInteger("small", 32), large = Integer.getInteger("large", 512);
        int pos = Integer.getInteger("pos", 2), neg = Integer.getInteger("neg", 4);
        FashionMnist fm = FashionMnist.load();
        for (int seed = 0; seed < Integer.getInteger("seeds", 4); seed++) {
            Rng rng = new Rng(100 + seed);
            Classification data = FashionMnist.binary(fm.train(), pos, neg, perClass, perClass, 4, rng.split());
            Mlp mlp = new Mlp(data.dim(), new int[] {Integer.getInteger("width", 16)}, Activation.valueOf(System.getProperty("act", "TANH")), true);
            EmpiricalRisk risk = new EmpiricalRisk(mlp, LogisticLoss.INSTANCE, data.x(), data.y());
            double[] theta0 = mlp.initialize(Init.XAVIER, rng.split());
            long sampSeed = rng.nextLong();
            StringBuilder sb = new StringBuilder("seed " + seed + ": ");
            for (String mode : new String[] {"fixed", "scaled"}) {
                for (int b : new int[] {small, large}) {
                    long t0 = System.nanoTime();
                    double eta = mode.equals("fixed") ? lr : lr * b / small;
                    int n = data.examples();
                    long steps = (long) epochs * ((n + b - 1) / b);
                    TrainResult r = Trainer.run(risk, new GradientDescent(eta), BatchSampler.withoutReplacement(n, b, new Rng(sampSeed)), theta0,
                            new TrainConfig(steps, 0, Double.parseDouble(System.getProperty("target", "0")), (n + b - 1) / b, 1e12, 0), java.util.Map.of());
                    double loss = risk.value(r.theta());
                    double lam = Sharpness.lambdaMax(risk, r.theta(), new Rng(1)).first();
                    double ad = Sharpness.adaptiveLambdaMax(risk, r.theta(), new Rng(1)).first();
                    sb.append(String.format("%s B=%d: loss %.3f λ %.3f rel %.2f ad %.3f |θ| %.1f ep %d (%.1fs) | ", mode, b, loss, lam, lam / loss, ad,
                            theorycheck.linalg.Vec.norm2(r.theta()), r.steps() / ((n + b - 1) / b), (System.nanoTime() - t0) / 1e9));
                }
            }
            System.out.println(sb);
        }
    }
}
