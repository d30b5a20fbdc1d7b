package theorycheck.claims.minnorm;

import static theorycheck.claims.minnorm.MinNormClosedFormChecks.logGrid;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.logSteps;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.maxMetric;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.relDiff;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.sq;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.traceSeries;
import static theorycheck.claims.minnorm.MinNormClosedFormChecks.traceXSpan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.claims.support.ClaimCharts;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.reference.MinNorm;
import theorycheck.reference.Ridge;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Exact risks of gradient flow at time t and of ridge at λ = c/t on a fixed design (Ali, Kolter,
 * Tibshirani 2019), compared on a log grid of t. Preconditions: the spectral ridge risk agrees
 * with Cholesky solves, and the core's GradientDescent follows the discrete spectral formula.
 * c = setting.lambda_factor (the claim's 1; the control's 4, on β₀ = 0 instances).
 */
final class EarlyStoppingVsRidge implements InstanceCheck<EarlyStoppingVsRidge.Instance>,
        ClaimRunner.KeyNumber {

    enum Design {
        GAUSSIAN, ILL_CONDITIONED, ISOTROPIC;

        String label() {
            return Setting.label(this);
        }
    }

    record Instance(int m, int n, Design design, double decades, double signalStd, double noiseStd,
            double stepFraction, long dataSeed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "m=%d n=%d design=%s β0~N(0,%.3g²I) σ=%.3g gd step=%.3f·2/s_max "
                    + "dataSeed=%d", m, n, design.label(), signalStd, noiseStd, stepFraction, dataSeed);
        }

        /** X, β₀ and one noisy y = Xβ₀ + ε, all from the data seed. */
        Problem data() {
            Rng r = new Rng(dataSeed);
            Mat x = switch (design) {
                case GAUSSIAN -> RandomDesigns.gaussian(m, n, 1.0, r.split());
                case ILL_CONDITIONED -> {
                    Mat g = RandomDesigns.gaussian(m, n, 1.0, r.split());
                    Rng scales = r.split();
                    for (int j = 0; j < n; j++) {
                        double c = StrictMath.pow(10, -decades * scales.uniform());
                        for (int i = 0; i < m; i++) {
                            g.set(i, j, g.get(i, j) * c);
                        }
                    }
                    yield g;
                }
                case ISOTROPIC -> {
                    // √m times orthonormal columns (n ≤ m) or rows (n > m): Σ̂ = I on its range
                    int k = Math.max(m, n);
                    Mat qk = RandomDesigns.randomOrthogonal(k, r.split());
                    Mat g = new Mat(m, n);
                    double sq = Math.sqrt(m);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            g.set(i, j, sq * qk.get(i, j));
                        }
                    }
                    yield g;
                }
            };
            double[] beta0 = signalStd == 0 ? new double[n] : r.split().gaussianVector(n, signalStd);
            double[] y = RandomDesigns.linearTargets(x, beta0, noiseStd, r.split());
            return new Problem(x, beta0, y);
        }
    }

    record Problem(Mat x, double[] beta0, double[] y) {
    }

    @Override
    public Instance draw(Trial trial) {
        Setting s = trial.setting();
        Rng rng = trial.rng();
        int m = trial.drawInt("m");
        int n = Math.max(2, (int) Math.round(m * trial.drawUniform("aspect")));
        List<Design> cycle = s.choices("design_cycle", Design.class);
        Design design = cycle.get(trial.index() % cycle.size());
        boolean zeroSignal = rng.uniform() < s.real("zero_signal_fraction");
        double signal = trial.drawLogUniform("signal_std");
        double noise = trial.drawLogUniform("noise_std");
        double f = trial.drawUniform("gd_step_fraction");
        return new Instance(m, n, design, s.real("ill_conditioned_decades"), zeroSignal ? 0 : signal,
                noise, f, rng.nextLong());
    }

    @Override
    public List<Instance> shrink(Instance inst) {
        if (inst.m() <= 4) {
            return List.of();
        }
        return List.of(new Instance(inst.m() / 2, Math.max(2, inst.n() / 2), inst.design(), inst.decades(),
                inst.signalStd(), inst.noiseStd(), inst.stepFraction(), inst.dataSeed()));
    }

    @Override
    public TrialResult check(Instance inst, Trial trial) {
        double gdFormulaTol = trial.setting().real("gd_formula_tol");
        double crossCheckTol = trial.setting().real("cross_check_tol");
        Setting s = trial.setting();
        double factor = s.real("lambda_factor");
        double bound = s.real("risk_bound");
        Problem p = inst.data();
        Mat x = p.x();
        int m = inst.m();
        var b = TrialResult.of(trial).instance(inst + String.format(Locale.ROOT, " λ=%.3g/t", factor))
                .metric("m", m).metric("n", inst.n()).metric("signalStd", inst.signalStd())
                .metric("noiseStd", inst.noiseStd());
        Svd.Result svd = Svd.decompose(x);
        if (!svd.converged()) {
            return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "the SVD of X did not converge");
        }
        int r = svd.rank(MinNorm.rankCutoff(x, svd.s()[0]));
        double[] eig = new double[r];
        double[] b2 = new double[r];
        double[] rowPart = new double[inst.n()];
        for (int i = 0; i < r; i++) {
            eig[i] = svd.s()[i] * svd.s()[i] / m;
            double[] v = svd.v().column(i);
            double c = Vec.dot(v, p.beta0());
            b2[i] = c * c;
            Vec.axpyInPlace(c, v, rowPart);
        }
        double nullB2 = sq(Vec.distance(p.beta0(), rowPart));
        double sigma2 = inst.noiseStd() * inst.noiseStd();
        Spectral sp = new Spectral(eig, b2, nullB2, sigma2 / m);
        b.metric("sMax", eig[0]).metric("sMinNonzero", eig[r - 1]).metric("rank", r);

        // precondition 1: the spectral ridge risk against Cholesky solves at λ = s_median
        double lambdaC = eig[r / 2];
        double biasRef = sq(Vec.distance(Ridge.solve(x, Ops.gemv(x, p.beta0(), null), lambdaC), p.beta0()));
        double varRef = 0;
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1;
            varRef += sq(Vec.norm2(Ridge.solve(x, e, lambdaC)));
        }
        varRef *= sigma2;
        double biasErr = relDiff(biasRef, sp.ridgeBias(lambdaC));
        double varErr = relDiff(varRef, sp.ridgeVariance(lambdaC));
        b.metric("crossCheckBias", biasErr).metric("crossCheckVariance", varErr);

        // precondition 2: the core's GD against the discrete spectral formula
        GdCheck gd = gdCheck(inst, p, svd, r, eig, s);
        b.metric("gdFormulaError", gd.maxError())
                .metric("gdVsRidgeMax", Arrays.stream(gd.ridgeDistance()).max().orElse(Double.NaN))
                .metric("gdVsRidgeFinal", gd.ridgeDistance()[gd.t().length - 1]);
        b.trace("gdVsRidge", gd.t(), gd.ridgeDistance());

        // the claim: risk ratios over the t grid
        double[] tr = s.range("t_range");
        double[] ts = logGrid(tr[0] / eig[0], tr[1] / eig[r - 1], s.integer("t_points_per_decade"));
        double[] ratioE = new double[ts.length];
        double[] ratioP = new double[ts.length];
        double maxE = Double.NEGATIVE_INFINITY, maxP = Double.NEGATIVE_INFINITY, tAtMax = Double.NaN;
        boolean nan = false;
        int firstViolation = -1;
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            double lambda = factor / t;
            ratioE[k] = sp.flowRisk(t, false) / sp.ridgeRisk(lambda, false);
            ratioP[k] = sp.flowRisk(t, true) / sp.ridgeRisk(lambda, true);
            nan |= Double.isNaN(ratioE[k]) || Double.isNaN(ratioP[k]);
            if (Math.max(ratioE[k], ratioP[k]) > Math.max(maxE, maxP)) {
                tAtMax = t;
            }
            maxE = Math.max(maxE, ratioE[k]);
            maxP = Math.max(maxP, ratioP[k]);
            if (firstViolation < 0 && (ratioE[k] > bound || ratioP[k] > bound)) {
                firstViolation = k;
            }
        }
        // "for all t": refine the grid's largest ratio between its two grid neighbours (golden section on log t)
        int kMax = 0;
        for (int k = 1; k < ts.length; k++) {
            if (Math.max(ratioE[k], ratioP[k]) > Math.max(ratioE[kMax], ratioP[kMax])) {
                kMax = k;
            }
        }
        double tRefined = refineMax(sp, factor, ts[Math.max(0, kMax - 1)], ts[Math.min(ts.length - 1, kMax + 1)]);
        double refinedE = sp.flowRisk(tRefined, false) / sp.ridgeRisk(factor / tRefined, false);
        double refinedP = sp.flowRisk(tRefined, true) / sp.ridgeRisk(factor / tRefined, true);
        nan |= Double.isNaN(refinedE) || Double.isNaN(refinedP);
        if (Math.max(refinedE, refinedP) > Math.max(maxE, maxP)) {
            tAtMax = tRefined;
        }
        maxE = Math.max(maxE, refinedE);
        maxP = Math.max(maxP, refinedP);
        if (firstViolation < 0 && Math.max(refinedE, refinedP) > bound) {
            firstViolation = kMax;
        }
        double key = nan ? Double.NaN : Math.max(maxE, maxP);
        b.metric("riskBound", bound).metric("gdSteps", s.integer("gd_steps")).metric("maxEstimationRatio", maxE)
                .metric("maxPredictionRatio", maxP).metric("tAtMaxTimesSMax", tAtMax * eig[0])
                .metric("gridPoints", ts.length)
                .trace("estimationRatio", ts, ratioE).trace("predictionRatio", ts, ratioP);

        if (!(biasErr <= crossCheckTol) || !(varErr <= crossCheckTol)) { // NaN included
            return b.outcome(Outcome.INCONCLUSIVE, key, String.format(Locale.ROOT,
                    "spectral risk formula disagrees with Cholesky ridge (bias %.2e, variance %.2e relative)",
                    biasErr, varErr));
        }
        if (gd.status() == RunStatus.DIVERGED || !(gd.maxError() <= gdFormulaTol)) {
            return b.outcome(Outcome.INCONCLUSIVE, key, String.format(Locale.ROOT,
                    "the core's GD (%s) does not match the spectral formula: max relative error %.3g (tol %.0e)",
                    gd.status(), gd.maxError(), gdFormulaTol));
        }
        String where = firstViolation < 0 ? "" : String.format(Locale.ROOT,
                "; first above %.4f at t·s_max = %.3g (estimation %.4f, prediction %.4f)", bound,
                ts[firstViolation] * eig[0], ratioE[firstViolation], ratioP[firstViolation]);
        return b.decide(key, key <= bound, String.format(Locale.ROOT,
                "max risk ratio flow/ridge(%.3g/t) over %d t: estimation %.6f, prediction %.6f (bound %.4f)%s; "
                        + "GD vs spectral formula %.2e; ‖w_GD − w_ridge(1/αk)‖/‖w_ridge‖ at the end %.3g",
                factor, ts.length, maxE, maxP, bound, where, gd.maxError(),
                gd.ridgeDistance()[gd.t().length - 1]));
    }

    /** The t in [lo, hi] maximizing the larger of the two risk ratios: golden-section search on log t. */
    private static double refineMax(Spectral sp, double factor, double lo, double hi) {
        java.util.function.DoubleUnaryOperator h = u -> {
            double t = Math.exp(u);
            return Math.max(sp.flowRisk(t, false) / sp.ridgeRisk(factor / t, false),
                    sp.flowRisk(t, true) / sp.ridgeRisk(factor / t, true));
        };
        double a = Math.log(lo), bb = Math.log(hi);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = bb - g * (bb - a), d = a + g * (bb - a);
        double fc = h.applyAsDouble(c), fd = h.applyAsDouble(d);
        for (int i = 0; i < 80 && bb - a > 1e-12; i++) {
            if (fc >= fd) {
                bb = d;
                d = c;
                fd = fc;
                c = bb - g * (bb - a);
                fc = h.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (bb - a);
                fd = h.applyAsDouble(d);
            }
        }
        return Math.exp((a + bb) / 2);
    }

    /** sup over x > 0 of ((1 − e^{−x})(1 + x)/x)², the variance ratio of flow to ridge at λ = 1/t, x = st. */
    static double varianceRatioSupremum() {
        Spectral oneDirection = new Spectral(new double[] {1}, new double[] {0}, 0, 1);
        double t = refineMax(oneDirection, 1, 0.1, 10);
        return oneDirection.flowRisk(t, false) / oneDirection.ridgeRisk(1 / t, false);
    }

    record GdCheck(RunStatus status, double maxError, double[] t, double[] ridgeDistance) {
    }

    /** Runs the core's GD from 0 for gd_steps steps and compares snapshots with the spectral formula. */
    private static GdCheck gdCheck(Instance inst, Problem p, Svd.Result svd, int r, double[] eig, Setting s) {
        Mat x = p.x();
        int steps = s.integer("gd_steps");
        double alpha = inst.stepFraction() * 2 / eig[0];
        TreeSet<Long> at = logSteps(steps, s.integer("gd_snapshots"));
        Map<Long, double[]> snapshots = new LinkedHashMap<>();
        Optimizer gd = new ClosedFormObserved(new GradientDescent(alpha), (k, theta) -> {
            if (at.contains(k)) {
                snapshots.put(k, theta.clone());
            }
        });
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, p.y());
        TrainResult run = Trainer.run(risk, gd, new double[inst.n()],
                TrainConfig.fullBatch(steps, 0).withRecordPoints(0));
        double[] uy = Ops.gemvT(svd.u(), p.y(), null);
        double maxErr = 0;
        double[] ts = new double[snapshots.size()];
        double[] dist = new double[snapshots.size()];
        int idx = 0;
        for (Map.Entry<Long, double[]> e : snapshots.entrySet()) {
            long k = e.getKey();
            double[] formula = new double[inst.n()];
            for (int i = 0; i < r; i++) {
                double keep = -Math.expm1(k * Math.log1p(-alpha * eig[i]));
                Vec.axpyInPlace(keep * uy[i] / svd.s()[i], svd.v().column(i), formula);
            }
            maxErr = Math.max(maxErr, Vec.distance(e.getValue(), formula) / Vec.norm2(formula));
            double t = alpha * k;
            double[] ridge = Ridge.solve(x, p.y(), 1 / t);
            ts[idx] = t;
            dist[idx] = Vec.distance(e.getValue(), ridge) / Vec.norm2(ridge);
            idx++;
        }
        if (snapshots.size() < at.size()) {
            maxErr = Double.NaN; // the run stopped early: not every snapshot was taken
        }
        return new GdCheck(run.status(), maxErr, ts, dist);
    }

    @Override
    public List<Chart> charts(Evidence e) {
        List<Chart.Series> ratio = new ArrayList<>(traceSeries(e, "estimationRatio", ClaimCharts.MAX_CURVES));
        double bound = maxMetric(e, "riskBound");
        ratio.add(Chart.Series.line(String.format(Locale.ROOT, "bound %.4f (Ali et al. Thm 1)", bound),
                traceXSpan(e, "estimationRatio"), new double[] {bound, bound}));
        return List.of(
                new Chart(e.arm() + "-risk-ratio", "Risk of gradient flow at t / risk of ridge at λ(t) (" + e.arm()
                        + ")", "time t", "E‖β̂ − β₀‖² ratio", true, false, ratio),
                ClaimCharts.traces(e, "gdVsRidge", e.arm() + "-gd-vs-ridge",
                        "‖w_GD(k) − w_ridge(1/(αk))‖ / ‖w_ridge‖ (" + e.arm() + ")", "t = αk", "relative distance",
                        true, false));
    }

    @Override
    public String keyNumber(Evidence e) {
        double maxRatio = maxMetric(e, "maxEstimationRatio");
        double maxPred = maxMetric(e, "maxPredictionRatio");
        double gd = maxMetric(e, "gdFormulaError");
        double[] dist = e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault("gdVsRidgeMax", Double.NaN))
                .filter(Double::isFinite).sorted().toArray();
        return String.format(Locale.ROOT, "max risk ratio flow(t)/ridge(λ(t)) = %.7f estimation, %.7f prediction "
                + "(bound %.4f; exact supremum of the variance ratio at λ = 1/t: %.6f); core GD vs spectral "
                + "formula ≤ %.1e; max over k ≤ %.0f of ‖w_GD(k) − w_ridge(1/αk)‖/‖w_ridge‖: median %.3f, largest "
                + "%.3f", maxRatio, maxPred, maxMetric(e, "riskBound"), varianceRatioSupremum(), gd,
                maxMetric(e, "gdSteps"),
                dist.length == 0 ? Double.NaN : dist[dist.length / 2], dist.length == 0 ? Double.NaN
                : dist[dist.length - 1]);
    }
}
