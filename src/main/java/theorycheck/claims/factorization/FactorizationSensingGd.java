package theorycheck.claims.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import theorycheck.data.MatrixSensing;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.FullBatchObjective;
import theorycheck.optim.GradientDescent;
import theorycheck.train.BatchSampler;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * GD on the matrix-sensing loss L(U) = (1/2m) Σ_i (⟨A_i, UUᵀ⟩ − y_i)² with a full-width
 * U ∈ ℝ^{n×n}: ∇L = (2/m)·S·U with S = Σ_i r_i A_i (A_i symmetric), r_i the residuals.
 *
 * <p>Step rule: constant η = c / L̂ with L̂ = 4·λmax(X*)·σmax(𝒜)²/m, an upper bound on the Hessian
 * norm at X* (‖H[V]‖ ≤ (2/m)‖𝒜‖²·‖VUᵀ + UVᵀ‖·‖U‖ ≤ 4‖𝒜‖²λmax(UUᵀ)/m·‖V‖), where 𝒜 is the m×n²
 * measurement matrix.
 */
final class FactorizationSensingGd {
    /**
     * @param u final factor, n×n row-major
     * @param steps recorded steps
     * @param topEigen topEigen[j][t]: j-th largest eigenvalue of UUᵀ (= σ_j(UUᵀ)) at steps[t], j < 3
     * @param distance ‖UUᵀ − X*‖_F/‖X*‖_F at steps[t]
     */
    record Run(RunStatus status, long stepsTaken, double[] u, double[] steps, double[][] topEigen, double[] distance) {
    }

    static final int TRACKED = 3;

    private FactorizationSensingGd() {
    }

    /** η = c / (4·λmax(X*)·σmax(𝒜)²/m). */
    static double step(MatrixSensing s, double c) {
        double smax = Svd.decompose(s.measurements()).s()[0];
        double lmax = SymmetricEigen.decompose(s.xStar()).max();
        return c / (4 * lmax * smax * smax / s.m());
    }

    /**
     * Runs GD from {@code init} until ‖𝒜(UUᵀ) − y‖/‖y‖ ≤ tol, divergence, or maxSteps; records the
     * top eigenvalues of UUᵀ and the distance to X* at about 60 log-spaced steps.
     */
    static Run run(MatrixSensing s, double[] init, double eta, double tol, long maxSteps) {
        int n = s.n();
        SensingLoss loss = new SensingLoss(s);
        List<double[]> rec = new ArrayList<>();
        long[] nextRecord = {0};
        Trainer.Hooks hooks = Trainer.Hooks.stopWhen((t, u, value) -> loss.relativeResidual > BLOW_UP ? "blew up"
                : loss.relativeResidual <= tol ? "fitted" : null).andObserving(1, (t, u) -> {
                    if (t >= nextRecord[0]) {
                        rec.add(snapshot(s, t, product(n, u)));
                        nextRecord[0] = Math.max(t + 1, (long) Math.ceil(t * 1.15));
                    }
                });
        // the step (η·2/m)·SU of the loss scaled by m/2; the residual rules above in place of a blow-up factor
        TrainResult run = Trainer.run(loss, new GradientDescent(eta * 2.0 / s.m()), BatchSampler.full(), init,
                new TrainConfig(maxSteps, 0, 0, 1, Double.POSITIVE_INFINITY, 0), Map.of(), hooks);
        RunStatus status = run.diverged() || loss.relativeResidual > BLOW_UP ? RunStatus.DIVERGED
                : loss.relativeResidual <= tol ? RunStatus.CONVERGED : RunStatus.BUDGET_EXHAUSTED;
        boolean lastRecorded = !rec.isEmpty() && rec.get(rec.size() - 1)[0] == run.steps();
        if (status == RunStatus.DIVERGED && lastRecorded) {
            rec.remove(rec.size() - 1); // the observer saw the diverged iterate before the rule did
        } else if (status != RunStatus.DIVERGED && !lastRecorded) {
            rec.add(snapshot(s, run.steps(), product(n, run.theta()))); // the end point is always recorded
        }
        double[] steps = new double[rec.size()];
        double[][] top = new double[TRACKED][rec.size()];
        double[] dist = new double[rec.size()];
        for (int k = 0; k < rec.size(); k++) {
            double[] e = rec.get(k);
            steps[k] = e[0];
            dist[k] = e[1];
            for (int j = 0; j < TRACKED; j++) {
                top[j][k] = e[2 + j];
            }
        }
        return new Run(status, run.steps(), run.theta(), steps, top, dist);
    }

    /** A run has diverged once ‖𝒜(UUᵀ) − y‖/‖y‖ exceeds this. */
    private static final double BLOW_UP = 1e12;

    private static double[] product(int n, double[] u) {
        return Ops.multTransB(new Mat(n, n, u), new Mat(n, n, u), null).data();
    }

    /**
     * (m/2)·L(U) = ¼Σᵢ rᵢ², gradient S·U: scaled by m/2 so that GD with step η·2/m makes the update
     * (η·2/m)·SU of ∇L = (2/m)SU. Keeps ‖r‖/‖y‖ of its last evaluation for the stop rules.
     */
    private static final class SensingLoss extends FullBatchObjective {
        private final MatrixSensing s;
        private final double[] r;
        private final double yNorm;
        double relativeResidual = Double.NaN;

        SensingLoss(MatrixSensing s) {
            super(s.n() * s.n(), s.m());
            this.s = s;
            this.r = new double[s.m()];
            this.yNorm = Vec.norm2(s.y());
        }

        @Override
        protected double valueAndGradient(double[] u, double[] grad) {
            int n = s.n(), w = n * n;
            double sq = s.residual(product(n, u), r);
            relativeResidual = Math.sqrt(sq) / yNorm;
            if (grad != null) {
                double[] a = s.measurements().data();
                double[] sum = new double[w];
                for (int i = 0; i < r.length; i++) {
                    double c = r[i];
                    int o = i * w;
                    for (int j = 0; j < w; j++) {
                        sum[j] += c * a[o + j];
                    }
                }
                Ops.mult(new Mat(n, n, sum), new Mat(n, n, u), new Mat(n, n, grad));
            }
            return sq / 4;
        }
    }

    /** [step, distance, λ₁, λ₂, λ₃] of P = UUᵀ. */
    private static double[] snapshot(MatrixSensing s, long t, double[] p) {
        double[] e = SymmetricEigen.decompose(new Mat(s.n(), s.n(), p.clone())).values();
        double[] out = new double[2 + TRACKED];
        out[0] = t;
        out[1] = distance(s, p);
        for (int j = 0; j < TRACKED; j++) {
            out[2 + j] = j < e.length ? Math.max(e[j], 0) : 0;
        }
        return out;
    }

    /** ‖P − X*‖_F/‖X*‖_F. */
    static double distance(MatrixSensing s, double[] p) {
        double[] x = s.xStar().data();
        double d = 0, z = 0;
        for (int j = 0; j < x.length; j++) {
            d += (p[j] - x[j]) * (p[j] - x[j]);
            z += x[j] * x[j];
        }
        return Math.sqrt(d / z);
    }

    /** Eigenvalues of UUᵀ, descending, clipped at 0 (UUᵀ is PSD; negatives are round-off). */
    static double[] spectrum(int n, double[] u) {
        double[] e = SymmetricEigen.decompose(Ops.multTransB(new Mat(n, n, u), new Mat(n, n, u), null)).values();
        for (int j = 0; j < e.length; j++) {
            e[j] = Math.max(e[j], 0);
        }
        return e;
    }
}
