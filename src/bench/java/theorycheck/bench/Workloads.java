package theorycheck.bench;

import theorycheck.data.RandomDesigns;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Objective;
import theorycheck.loss.SquaredLoss;
import theorycheck.measure.EigenEstimate;
import theorycheck.measure.PowerIteration;
import theorycheck.model.DiagonalLinearNet;
import theorycheck.model.Activation;
import theorycheck.model.LinearModel;
import theorycheck.model.Mlp;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * The benchmark problems, each built from its own fixed seed so that every trial times the same run.
 * The data are generated here, outside the timed part; {@link Workload#train()} is what is timed.
 */
public final class Workloads {
    public static final long MINNORM_SEED = 1001L;
    public static final long LOGISTIC_SEED = 1002L;
    public static final long DIAG_NET_SEED = 1003L;
    public static final long MLP_SEED = 1004L;
    /**
     * The training mean squared error ((1/m)Σ(f − y)², twice the objective) that {@code mlpGd} must
     * end below: the label noise alone has variance 0.01, and a fit of the sine is far below the
     * starting error (about 0.5), so both this and the NumPy version reach it.
     */
    public static final double MLP_MSE_LIMIT = 0.02;

    /** No trajectory recording and no loss-based stop, so the run is the optimizer loop alone. */
    private static final int NO_RECORDING = 0;
    private static final double NO_LOSS_TOL = 0.0;
    private static final int CHECK_EVERY_STEP = 1;
    private static final double BLOW_UP_FACTOR = 1e12;

    private Workloads() {
    }

    /**
     * A ready-to-run problem.
     *
     * @param theta0 start, not modified by {@link #train()}
     */
    public record Workload(String name, Objective objective, Optimizer optimizer, double[] theta0,
            TrainConfig config) {
        /** One full-batch training run from {@code theta0}. */
        public TrainResult train() {
            return Trainer.run(objective, optimizer, theta0, config);
        }
    }

    /**
     * {@code minnormGd}: X 50×200 standard Gaussian, w* with 10 non-zero N(0,1) entries,
     * y = Xw* + 0.01·N(0,1); w₀ = 0, step α = 1.5/λ_max(XᵀX/m); GD on (1/2m)‖Xw − y‖² until
     * ‖∇‖ &lt; 1e-6 or 20 000 steps.
     */
    public static Workload minnormGd() {
        Rng rng = new Rng(MINNORM_SEED);
        Regression data = Regression.gaussian(50, 200, 10, 0.01, rng.split());
        EigenEstimate top = PowerIteration.gramTop(data.x(), rng.split());
        if (!top.converged()) {
            throw new IllegalStateException("power iteration did not converge: " + top);
        }
        LinearModel model = new LinearModel(200);
        Objective risk = new EmpiricalRisk(model, SquaredLoss.INSTANCE, data.x(), data.y());
        return new Workload("minnormGd", risk, new GradientDescent(1.5 / top.value()), new double[200],
                config(20_000, 1e-6));
    }

    /**
     * {@code logisticGd}: 200 points in 2-D, 100 from N((2,2), I) labelled +1 and 100 from
     * N((−2,−2), I) labelled −1; no bias; w₀ = 0; step 0.1; exactly 50 000 GD steps on the mean
     * logistic loss.
     */
    public static Workload logisticGd() {
        Rng rng = new Rng(LOGISTIC_SEED);
        int perClass = 100;
        Mat x = new Mat(2 * perClass, 2);
        double[] y = new double[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            double label = i < perClass ? 1.0 : -1.0;
            double center = 2.0 * label;
            x.set(i, 0, center + rng.gaussian());
            x.set(i, 1, center + rng.gaussian());
            y[i] = label;
        }
        Objective risk = new EmpiricalRisk(new LinearModel(2), LogisticLoss.INSTANCE, x, y);
        return new Workload("logisticGd", risk, new GradientDescent(0.1), new double[2], config(50_000, 0.0));
    }

    /**
     * {@code diagNetGd}: X 40×100 Gaussian, β* = 1 on the first 5 coordinates, y = Xβ*; depth-2
     * diagonal linear network from u = v = 0.01·1; step 0.01; exactly 20 000 GD steps on
     * (1/2m)‖X(u² − v²) − y‖².
     */
    public static Workload diagNetGd() {
        Rng rng = new Rng(DIAG_NET_SEED);
        int m = 40;
        int n = 100;
        Mat x = RandomDesigns.gaussian(m, n, 1.0, rng.split());
        double[] beta = new double[n];
        java.util.Arrays.fill(beta, 0, 5, 1.0);
        double[] y = theorycheck.linalg.Ops.gemv(x, beta, null);
        DiagonalLinearNet net = new DiagonalLinearNet(n, 2);
        Objective risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, y);
        return new Workload("diagNetGd", risk, new GradientDescent(0.01), net.uniformInit(0.01),
                config(20_000, 0.0));
    }

    /**
     * {@code mlpGd}: 20 points x ~ U(0, 2π), y = sin x + 0.1·N(0,1); one hidden ReLU layer of width
     * 100 with biases, W₁ and b₁ entries 0.5·N(0,1), W₂ entries N(0,1)/√100, b₂ = 0; step 0.01;
     * exactly 20 000 full-batch GD steps on (1/2m)Σ(f(x_i) − y_i)².
     */
    public static Workload mlpGd() {
        Rng rng = new Rng(MLP_SEED);
        int m = 20;
        int width = 100;
        Mat x = new Mat(m, 1);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x.set(i, 0, rng.uniform(0.0, 2 * Math.PI));
            y[i] = Math.sin(x.get(i, 0)) + 0.1 * rng.gaussian();
        }
        Mlp net = new Mlp(1, new int[] {width}, Activation.RELU, true);
        double[] theta = new double[net.numParams()];
        int w1 = net.weightOffset(0);
        int b1 = net.biasOffset(0).orElseThrow();
        int w2 = net.weightOffset(1);
        for (int r = 0; r < width; r++) {
            theta[w1 + r] = 0.5 * rng.gaussian();
            theta[b1 + r] = 0.5 * rng.gaussian();
            theta[w2 + r] = rng.gaussian() / Math.sqrt(width);
        }
        Objective risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, y);
        return new Workload("mlpGd", risk, new GradientDescent(0.01), theta, config(20_000, 0.0));
    }

    /**
     * A gradient stopping rule is evaluated every step, as the NumPy reference does; without one,
     * the full loss (for the blow-up rule) is evaluated every {@value #LOSS_CHECK_INTERVAL} steps,
     * while non-finite gradients are still caught at every step.
     */
    static final int LOSS_CHECK_INTERVAL = 100;

    private static TrainConfig config(long maxSteps, double gradTol) {
        int checkEvery = gradTol > 0 ? CHECK_EVERY_STEP : LOSS_CHECK_INTERVAL;
        return new TrainConfig(maxSteps, gradTol, NO_LOSS_TOL, checkEvery, BLOW_UP_FACTOR, NO_RECORDING);
    }

    /**
     * Runs each workload once and prints one JSON line per workload with its result statistic,
     * which the side-by-side script compares with the NumPy version: a sanity check outside JMH.
     */
    public static void main(String[] args) {
        for (Workload w : new Workload[] {minnormGd(), logisticGd(), diagNetGd(), mlpGd()}) {
            long start = System.nanoTime();
            TrainResult r = w.train();
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(java.util.Locale.ROOT,
                    "{\"workload\": \"%s\", \"status\": \"%s\", \"steps\": %d, \"loss\": %.17g, "
                            + "\"ms_first_run\": %.1f}%n",
                    w.name(), r.status(), r.steps(), r.loss(), ms);
        }
        long start = System.nanoTime();
        DoubleDescentSweep.RiskCurve curve = DoubleDescentSweep.run();
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "{\"workload\": \"doubleDescentSweep\", \"features\": %s, \"mean\": %s, \"std_err\": %s, "
                        + "\"ms_first_run\": %.1f}%n",
                java.util.Arrays.toString(curve.features()), java.util.Arrays.toString(curve.mean()),
                java.util.Arrays.toString(curve.stdErr()), ms);
    }
}
