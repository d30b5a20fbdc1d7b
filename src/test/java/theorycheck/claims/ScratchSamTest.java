package theorycheck.claims;

import org.junit.jupiter.api.Test;
import theorycheck.data.*;
import theorycheck.loss.*;
import theorycheck.model.*;
import theorycheck.optim.*;
import theorycheck.train.*;

class ScratchSamTest {
    @Test
    void run() {
        int perClass = Integer.getInteger("perClass", 128);
        int epochs = Integer.getInteger("epochs", 100);
        double lr = Double.parseDouble(System.getProperty("lr", "0.1"));
        double noise = Double.parseDouble(System.getProperty("noise", "0"));
        int b = Integer.getInteger("b", 32);
        int pos = Integer.getInteger("pos", 2), neg = Integer.getInteger("neg", 4);
        String[] rhos = System.getProperty("rhos", "0,0.05,0.2,1").split(",");
        FashionMnist fm = FashionMnist.load();
        for (int seed = 0; seed < Integer.getInteger("seeds", 5); seed++) {
            Rng rng = new Rng(100 + seed);
            Classification data = FashionMnist.binary(fm.train(), pos, neg, perClass, perClass, 4, rng.split());
            Classification test = FashionMnist.binary(fm.test(), pos, neg, 500, 500, 4, rng.split());
            double[] y = data.y().clone();
            Rng nr = rng.split();
            for (int i = 0; i < y.length; i++) if (nr.uniform() < noise) y[i] = -y[i];
            Classification noisy = new Classification(data.x(), y);
            Mlp mlp = new Mlp(data.dim(), new int[] {Integer.getInteger("width", 32)}, Activation.TANH, true);
            EmpiricalRisk risk = new EmpiricalRisk(mlp, LogisticLoss.INSTANCE, data.x(), y);
            double[] theta0 = mlp.initialize(Init.XAVIER, rng.split());
            long sampSeed = rng.nextLong();
            StringBuilder sb = new StringBuilder("seed " + seed + ": ");
            int n = data.examples();
            long steps = (long) epochs * ((n + b - 1) / b);
            for (String rs : rhos) {
                double rho = Double.parseDouble(rs);
                long t0 = System.nanoTime();
                Optimizer opt = rho == 0 ? new GradientDescent(lr) : new Sam(lr, rho);
                TrainResult r = Trainer.run(risk, opt, BatchSampler.withoutReplacement(n, b, new Rng(sampSeed)), theta0,
                        new TrainConfig(steps, 0, 0, 1_000_000, 1e12, 0), java.util.Map.of());
                sb.append(String.format("ρ=%s: train %.3f/%.3f test acc %.4f loss %.3f (%.1fs) | ", rs, risk.value(r.theta()),
                        HeldOutTraining.accuracy(mlp, r.theta(), noisy), HeldOutTraining.accuracy(mlp, r.theta(), test),
                        HeldOutTraining.logisticLoss(mlp, r.theta(), test), (System.nanoTime() - t0) / 1e9));
            }
            System.out.println(sb);
        }
    }
}
