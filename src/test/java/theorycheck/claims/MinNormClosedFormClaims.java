package theorycheck.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import theorycheck.claim.Chart;
import theorycheck.claim.ClaimRunner;
import theorycheck.claim.Evidence;
import theorycheck.claim.InstanceCheck;
import theorycheck.claim.Outcome;
import theorycheck.claim.Setting;
import theorycheck.claim.Trial;
import theorycheck.claim.TrialResult;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Regression;
import theorycheck.data.Rng;
import theorycheck.linalg.Cholesky;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Svd;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.Quadratic;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.LinearModel;
import theorycheck.optim.Adam;
import theorycheck.optim.GradientDescent;
import theorycheck.optim.Optimizer;
import theorycheck.optim.RmsProp;
import theorycheck.reference.GramSpectrum;
import theorycheck.reference.MinNorm;
import theorycheck.reference.Ridge;
import theorycheck.support.ClaimId;
import theorycheck.support.ClaimVerifier;
import theorycheck.train.RunStatus;
import theorycheck.train.TrainConfig;
import theorycheck.train.TrainResult;
import theorycheck.train.Trainer;

/**
 * Least squares and minimum norm, the claims checked against closed forms:
 * early stopping vs ridge (book.B.12), per-direction GD rates on a quadratic (book.C.6), adaptive
 * methods on the same quadratic (book.C.6-adaptive), and the norms quoted in Examples 1 and 2.
 */
class MinNormClosedFormClaims {
    /** ε = 2⁻⁵², the unit round-off used in the derived floors. */
    static final double EPS = Math.ulp(1.0);

    @Test
    @ClaimId("book.B.12")
    void book_B_12() {
        ClaimVerifier.verify("book.B.12", new EarlyStoppingVsRidge());
    }

    @Test
    @ClaimId("book.C.6")
    void book_C_6() {
        ClaimVerifier.verify("book.C.6", new QuadraticRates());
    }

    @Test
    @ClaimId("book.C.6-adaptive")
    void book_C_6_adaptive() {
        ClaimVerifier.verify("book.C.6-adaptive", new AdaptiveEqualization());
    }

    @Test
    @ClaimId("book.Ex1-norms")
    void book_Ex1_norms() {
        ClaimVerifier.verify("book.Ex1-norms", new ExampleOneNorms());
    }

    @Test
    @ClaimId("book.Ex2-ridge-norm")
    void book_Ex2_ridge_norm() {
        ClaimVerifier.verify("book.Ex2-ridge-norm", new RidgeNorm());
    }

    // ---------------------------------------------------------------------------------------------
    // book.B.12

    /**
     * Exact risks of gradient flow at time t and of ridge at λ = c/t on a fixed design (Ali, Kolter,
     * Tibshirani 2019), compared on a log grid of t. Preconditions: the spectral ridge risk agrees
     * with Cholesky solves, and the core's GradientDescent follows the discrete spectral formula.
     * c = setting.lambda_factor (the claim's 1; the control's 4, on β₀ = 0 instances).
     */
    static final class EarlyStoppingVsRidge implements InstanceCheck<EarlyStoppingVsRidge.Instance>,
            ClaimRunner.KeyNumber {
        /** The spectral risk formulas must match the Cholesky evaluation to this (relative). */
        static final double CROSS_CHECK_TOL = 1e-8;
        /** The core's GD must match the discrete spectral formula to this (relative). */
        static final double GD_FORMULA_TOL = 1e-9;

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
            int[] mr = s.intRange("m");
            int m = rng.intBetween(mr[0], mr[1]);
            double[] ar = s.range("aspect");
            int n = Math.max(2, (int) Math.round(m * rng.uniform(ar[0], ar[1])));
            List<Design> cycle = s.choices("design_cycle", Design.class);
            Design design = cycle.get(trial.index() % cycle.size());
            boolean zeroSignal = rng.uniform() < s.real("zero_signal_fraction");
            double[] sr = s.range("signal_std");
            double signal = rng.logUniform(sr[0], sr[1]);
            double[] nr = s.range("noise_std");
            double noise = rng.logUniform(nr[0], nr[1]);
            double[] fr = s.range("gd_step_fraction");
            double f = rng.uniform(fr[0], fr[1]);
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

            if (!(biasErr <= CROSS_CHECK_TOL) || !(varErr <= CROSS_CHECK_TOL)) { // NaN included
                return b.outcome(Outcome.INCONCLUSIVE, key, String.format(Locale.ROOT,
                        "spectral risk formula disagrees with Cholesky ridge (bias %.2e, variance %.2e relative)",
                        biasErr, varErr));
            }
            if (gd.status() == RunStatus.DIVERGED || !(gd.maxError() <= GD_FORMULA_TOL)) {
                return b.outcome(Outcome.INCONCLUSIVE, key, String.format(Locale.ROOT,
                        "the core's GD (%s) does not match the spectral formula: max relative error %.3g (tol %.0e)",
                        gd.status(), gd.maxError(), GD_FORMULA_TOL));
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

    /**
     * Exact risks in the eigenbasis of Σ̂: bias² (1 − g)²b² and variance (σ²/m) g²/s per direction,
     * plus ‖P_null β₀‖² (estimation risk only; both estimators are 0 there).
     */
    record Spectral(double[] s, double[] b2, double nullB2, double noisePerM) {
        /** Gradient flow from 0 at time t: g = 1 − e^{−st}. */
        double flowRisk(double t, boolean prediction) {
            double total = prediction ? 0 : nullB2;
            for (int i = 0; i < s.length; i++) {
                double keep = -Math.expm1(-s[i] * t);
                double drop = Math.exp(-s[i] * t);
                total += term(s[i], keep, drop, b2[i], prediction);
            }
            return total;
        }

        /** Ridge (Σ̂ + λI)⁻¹Xᵀy/m: g = s/(s + λ). */
        double ridgeRisk(double lambda, boolean prediction) {
            double total = prediction ? 0 : nullB2;
            for (int i = 0; i < s.length; i++) {
                total += term(s[i], s[i] / (s[i] + lambda), lambda / (s[i] + lambda), b2[i], prediction);
            }
            return total;
        }

        double ridgeBias(double lambda) {
            double total = nullB2;
            for (int i = 0; i < s.length; i++) {
                total += sq(lambda / (s[i] + lambda)) * b2[i];
            }
            return total;
        }

        double ridgeVariance(double lambda) {
            double total = 0;
            for (int i = 0; i < s.length; i++) {
                total += noisePerM * s[i] / sq(s[i] + lambda);
            }
            return total;
        }

        private double term(double s, double keep, double drop, double b2, boolean prediction) {
            double estimation = drop * drop * b2 + noisePerM * keep * keep / s;
            return prediction ? s * estimation : estimation;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // book.C.6

    /**
     * GD on ½(θ − θ*)ᵀH(θ − θ*) with H = Q diag(λ) Qᵀ: (a) every component qᵢᵀ(θ_t − θ*) against
     * (1 − αλᵢ)^t times its start, at every step; (b) a step just below 2/bound converges and one just
     * above diverges. setting.bound: the claim's λmax, or the control's misplaced λmean.
     */
    static final class QuadraticRates implements InstanceCheck<QuadraticRates.Instance>, ClaimRunner.KeyNumber {
        /** Relative part of the allowance in (a). */
        static final double REL_TOL = 1e-9;
        /** Round-off floor per step and dimension, in units of ε(‖θ*‖ + ‖e₀‖) (derived in the claim file). */
        static final double FLOOR_PER_STEP = 4;

        record Instance(int n, double kappa, double lambdaMin, double rateFraction, double belowFraction,
                double aboveFraction, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "n=%d κ=%.4g λmin=%.4g rate step=%.3f·2/λmax below=%.4f above=%.4f "
                        + "(·2/bound) dataSeed=%d", n, kappa, lambdaMin, rateFraction, belowFraction, aboveFraction,
                        dataSeed);
            }

            ClosedFormQuadratic quadratic() {
                return ClosedFormQuadratic.draw(n, kappa, lambdaMin, true, new Rng(dataSeed));
            }

            double[] theta0() {
                Rng r = new Rng(dataSeed ^ 0x7e7a0L);
                return r.gaussianVector(n, 1.0);
            }
        }

        @Override
        public Instance draw(Trial trial) {
            Setting s = trial.setting();
            Rng rng = trial.rng();
            int[] nr = s.intRange("n");
            int n = rng.intBetween(nr[0], nr[1]);
            double[] kr = s.range("kappa");
            double kappa = rng.logUniform(kr[0], kr[1]);
            double[] lr = s.range("lambda_min");
            double lambdaMin = rng.logUniform(lr[0], lr[1]);
            double[] rr = s.range("rate_step_fraction");
            double[] br = s.range("below_fraction");
            double[] ar = s.range("above_fraction");
            return new Instance(n, kappa, lambdaMin, rng.uniform(rr[0], rr[1]), rng.uniform(br[0], br[1]),
                    rng.uniform(ar[0], ar[1]), rng.nextLong());
        }

        @Override
        public List<Instance> shrink(Instance inst) {
            return inst.n() <= 2 ? List.of() : List.of(new Instance(Math.max(2, inst.n() / 2), inst.kappa(),
                    inst.lambdaMin(), inst.rateFraction(), inst.belowFraction(), inst.aboveFraction(), inst.dataSeed()));
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Setting s = trial.setting();
            ClosedFormQuadratic quad = inst.quadratic();
            int n = quad.n();
            double[] theta0 = inst.theta0();
            double lambdaMax = quad.lambdaMax();
            MinNormClaims.Bound which = s.choice("bound", MinNormClaims.Bound.class);
            var b = TrialResult.of(trial).instance(inst + " bound=" + Setting.label(which))
                    .metric("n", n).metric("kappa", inst.kappa());

            // (a) per-direction rates along the core's GD trajectory
            double alpha = inst.rateFraction() * 2 / lambdaMax;
            int steps = s.integer("rate_steps");
            double[] c0 = quad.components(theta0, new double[n]);
            double floorUnit = FLOOR_PER_STEP * n * EPS * (Vec.norm2(quad.thetaStar()) + Vec.norm2(c0));
            int[] shown = {0, n / 2, n - 1};
            TreeSet<Long> recordAt = logSteps(steps, 60);
            double[][] measured = new double[shown.length][recordAt.size()];
            double[][] predicted = new double[shown.length][recordAt.size()];
            double[] floorCurve = new double[recordAt.size()];
            double[] recordSteps = recordAt.stream().mapToDouble(Long::doubleValue).toArray();
            double[] worst = {0, 0, Double.NaN, Double.NaN}; // usage, max relative deviation (3 decades), t, i
            double[] c = new double[n];
            int[] slot = {0};
            Optimizer gd = new ClosedFormObserved(new GradientDescent(alpha), (t, theta) -> {
                quad.components(theta, c);
                double floor = (t + 1) * floorUnit;
                for (int i = 0; i < n; i++) {
                    double pred = c0[i] * StrictMath.pow(1 - alpha * quad.lambda()[i], t);
                    double dev = Math.abs(c[i] - pred);
                    double usage = dev / (REL_TOL * Math.abs(pred) + floor);
                    if (Double.isNaN(usage) || usage > worst[0]) { // a NaN stays: it is never compared away
                        worst[0] = usage;
                        worst[2] = t;
                        worst[3] = i;
                    }
                    if (Math.abs(pred) >= 1e-3 * Math.abs(c0[i])) { // the first three decades of decay
                        worst[1] = Math.max(worst[1], dev / Math.abs(pred));
                    }
                }
                if (recordAt.contains(t)) {
                    for (int k = 0; k < shown.length; k++) {
                        int i = shown[k];
                        measured[k][slot[0]] = Math.abs(c[i] / c0[i]);
                        double rel = Math.abs(StrictMath.pow(1 - alpha * quad.lambda()[i], t));
                        // drawn down to 1% of the round-off floor only: below it there is nothing to compare
                        predicted[k][slot[0]] = rel >= 1e-2 * floor / Math.abs(c0[i]) ? rel : Double.NaN;
                    }
                    floorCurve[slot[0]] = floor / Math.abs(c0[shown[0]]);
                    slot[0]++;
                }
            });
            TrainResult rateRun = Trainer.run(quad.objective(), gd, theta0,
                    TrainConfig.fullBatch(steps, 0).withRecordPoints(0));
            for (int k = 0; k < shown.length; k++) {
                String name = String.format(Locale.ROOT, "λ=%.3g", quad.lambda()[shown[k]]);
                b.trace("measured " + name, recordSteps, measured[k]).trace("formula " + name, recordSteps,
                        predicted[k]);
            }
            b.trace(String.format(Locale.ROOT, "round-off floor F_t/|c₀| λ=%.3g", quad.lambda()[0]), recordSteps,
                    floorCurve);
            b.metric("rateStepTimesLambdaMax", alpha * lambdaMax).metric("maxAllowanceUsed", worst[0])
                    .metric("maxRelDeviation3Decades", worst[1])
                    .metric("slowestFactorAtEnd", StrictMath.pow(1 - alpha * quad.lambda()[0], steps));

            // (b) the threshold from both sides
            double bound = which == MinNormClaims.Bound.LAMBDA_MEAN ? quad.lambdaMean() : lambdaMax;
            double below = inst.belowFraction() * 2 / bound;
            double above = inst.aboveFraction() * 2 / bound;
            Quadratic objective = quad.objective();
            double g0 = Vec.norm2(Ops.gemv(quad.h(), Vec.sub(theta0, quad.thetaStar()), null));
            TrainConfig config = TrainConfig.fullBatch(s.integer("max_steps"), s.real("grad_tol") * g0)
                    .withRecordPoints(0);
            TrainResult in = Trainer.run(objective, new GradientDescent(below), theta0, config);
            TrainResult out = Trainer.run(quad.objective(), new GradientDescent(above), theta0, config);
            b.metric("belowStepTimesLambdaMax", below * lambdaMax).metric("aboveStepTimesLambdaMax", above * lambdaMax)
                    .metric("belowConverged", in.converged() ? 1 : 0).metric("belowSteps", in.steps())
                    .metric("aboveDiverged", out.diverged() ? 1 : 0).metric("aboveSteps", out.steps());
            String note = String.format(Locale.ROOT,
                    "(a) %d steps at α·λmax = %.3f: largest deviation %.3g of its allowance (at t = %.0f, direction "
                            + "%.0f), largest relative deviation while |cᵢ| ≥ 1e-3·|cᵢ,₀| %.2e%s; (b) below (α·λmax = %.4f): %s "
                            + "after %d steps; above (α·λmax = %.4f): %s after %d steps",
                    steps, alpha * lambdaMax, worst[0], worst[2], worst[3], worst[1],
                    rateRun.diverged() ? " (rate run DIVERGED)" : "", below * lambdaMax, in.status(), in.steps(),
                    above * lambdaMax, out.status(), out.steps());
            if (in.status() == RunStatus.BUDGET_EXHAUSTED || out.status() == RunStatus.BUDGET_EXHAUSTED) {
                return b.outcome(Outcome.INCONCLUSIVE, worst[0], "a threshold run neither converged nor diverged; "
                        + note);
            }
            boolean pass = !rateRun.diverged() && worst[0] <= 1 && in.converged() && out.diverged();
            return b.decide(worst[0], pass, note);
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> decay = new ArrayList<>();
            if (!e.trials().isEmpty()) {
                TrialResult first = e.trials().get(0);
                for (Map.Entry<String, double[][]> t : first.traces().entrySet()) {
                    String name = "trial " + first.index() + " " + t.getKey();
                    decay.add(t.getKey().startsWith("measured") ? Chart.Series.points(name, t.getValue()[0],
                            t.getValue()[1]) : Chart.Series.line(name, t.getValue()[0], t.getValue()[1]));
                }
            }
            return List.of(
                    new Chart(e.arm() + "-per-direction-decay", "|qᵢᵀ(θ_t − θ*)| / |qᵢᵀ(θ₀ − θ*)| vs (1 − αλᵢ)^t (" + e.arm()
                            + ")", "step t", "relative error along qᵢ", true, true, decay),
                    new Chart(e.arm() + "-threshold", "Steps tried (" + e.arm() + "): α·λmax", "α·λmax of the 'below' step",
                            "α·λmax of the 'above' step", false, false,
                            List.of(ClaimCharts.scatter(e, "belowStepTimesLambdaMax", "aboveStepTimesLambdaMax"),
                                    Chart.Series.line("α·λmax = 2", new double[] {0, 6}, new double[] {2, 2}))));
        }

        @Override
        public String keyNumber(Evidence e) {
            long converged = e.trials().stream().filter(t -> t.metrics().get("belowConverged") == 1).count();
            long diverged = e.trials().stream().filter(t -> t.metrics().get("aboveDiverged") == 1).count();
            return String.format(Locale.ROOT, "per-direction formula: max deviation %.3g of its allowance (max relative "
                    + "deviation over the first 3 decades of decay %.1e); below 2/bound: %d of %d converged; above: %d "
                    + "of %d diverged", maxMetric(e, "maxAllowanceUsed"), maxMetric(e, "maxRelDeviation3Decades"),
                    converged,
                    e.trials().size(), diverged, e.trials().size());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // book.C.6-adaptive

    /**
     * GD, RMSProp and Adam on ½(θ − θ*)ᵀH(θ − θ*) with H = diag(λ), from an error of equal magnitude r
     * along every eigenvector: the settling time of each direction (first step after which |cᵢ| stays
     * ≤ settle_fraction·r) and the slowest/fastest ratio per optimizer. The control swamps the adaptive
     * denominators with a huge ε (adaptive_eps) and scales lr by it (adaptive_lr: gd-equivalent, so
     * lr/ε is GD's step): the per-coordinate normalization is switched off and RMSProp/Adam become
     * (momentum) GD. Every instance also runs with H rotated by a random orthogonal Q, recorded but
     * not judged (the "rotated twin").
     */
    static final class AdaptiveEqualization implements InstanceCheck<AdaptiveEqualization.Instance>,
            ClaimRunner.KeyNumber {
        static final List<String> OPTIMIZERS = List.of("GD", "RMSProp", "Adam");

        record Instance(int n, double kappa, double lambdaMin, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "n=%d κ=%.4g λmin=%.4g dataSeed=%d", n, kappa, lambdaMin, dataSeed);
            }

            ClosedFormQuadratic quadratic(boolean rotated) {
                return ClosedFormQuadratic.draw(n, kappa, lambdaMin, rotated, new Rng(dataSeed));
            }

            /** Error components ±r with random signs. */
            double[] initialComponents(double r) {
                Rng signs = new Rng(dataSeed ^ 0x5167L);
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = signs.uniform() < 0.5 ? -r : r;
                }
                return c;
            }
        }

        /** How one optimizer did: settling time per direction (budget + 1 when unsettled). */
        record Run(String name, String describe, RunStatus status, long[] times, long budget) {
            boolean allSettled() {
                return Arrays.stream(times).allMatch(t -> t <= budget);
            }

            /** max/min over directions; a lower bound budget/min when some did not settle; NaN if none did. */
            double ratio() {
                long min = Arrays.stream(times).filter(t -> t <= budget).min().orElse(-1);
                if (min < 0) {
                    return Double.NaN;
                }
                long max = Arrays.stream(times).max().getAsLong();
                return allSettled() ? (double) max / min : (double) budget / min;
            }

            String summary() {
                return String.format(Locale.ROOT, "%s: slowest/fastest %s%.3g (%d..%s steps)%s", describe,
                        allSettled() ? "" : "≥ ", ratio(), Arrays.stream(times).min().getAsLong(),
                        allSettled() ? String.valueOf(Arrays.stream(times).max().getAsLong()) : "unsettled",
                        status == RunStatus.DIVERGED ? " DIVERGED" : "");
            }
        }

        /** setting.adaptive_lr: the adaptive methods' lr is error-scaled (adaptive_lr_fraction × r) or gd-equivalent (ε × GD's step). */
        enum LrRule {
            ERROR_SCALED, GD_EQUIVALENT
        }

        @Override
        public Instance draw(Trial trial) {
            Setting s = trial.setting();
            Rng rng = trial.rng();
            int[] nr = s.intRange("n");
            int n = rng.intBetween(nr[0], nr[1]);
            double[] kr = s.range("kappa");
            double[] lr = s.range("lambda_min");
            return new Instance(n, rng.logUniform(kr[0], kr[1]), rng.logUniform(lr[0], lr[1]), rng.nextLong());
        }

        @Override
        public List<Instance> shrink(Instance inst) {
            return inst.n() <= 2 ? List.of()
                    : List.of(new Instance(Math.max(2, inst.n() / 2), inst.kappa(), inst.lambdaMin(), inst.dataSeed()));
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Setting s = trial.setting();
            double limit = s.real("equal_ratio");
            var b = TrialResult.of(trial).metric("n", inst.n()).metric("kappa", inst.kappa()).metric("equalRatio", limit);
            ClosedFormQuadratic quad = inst.quadratic(false);
            List<Optimizer> optimizers = optimizers(s, quad);
            b.instance(inst + " H=diag(λ) " + optimizers.get(1).describe() + " " + optimizers.get(2).describe());
            List<Run> runs = runAll(inst, quad, optimizers, s, b, "");
            StringBuilder note = new StringBuilder();
            for (Run run : runs) {
                note.append(note.length() == 0 ? "" : "; ").append(run.summary());
            }
            ClosedFormQuadratic rotated = inst.quadratic(true); // the rotated twin: recorded, not judged
            List<Run> twin = runAll(inst, rotated, optimizers(s, rotated), s, b, "rotated ");
            note.append(String.format(Locale.ROOT, " | rotated twin (not judged): RMSProp %s%.3g, Adam %s%.3g, "
                    + "GD %.3g", twin.get(1).allSettled() ? "" : "≥ ", twin.get(1).ratio(),
                    twin.get(2).allSettled() ? "" : "≥ ", twin.get(2).ratio(), twin.get(0).ratio()));
            Run gd = runs.get(0);
            double key = Math.max(runs.get(1).ratio(), runs.get(2).ratio());
            b.metric("maxAdaptiveRatio", key);
            if (!(gd.ratio() > limit)) {
                return b.outcome(Outcome.INCONCLUSIVE, key, "GD's own ratio is not above " + limit
                        + ", so the instance cannot tell equalized from not; " + note);
            }
            boolean anyFail = false, allPass = true;
            for (Run run : runs.subList(1, runs.size())) {
                double ratio = run.ratio();
                anyFail |= ratio > limit;
                allPass &= run.allSettled() && ratio <= limit;
            }
            if (anyFail) {
                return b.outcome(Outcome.FAIL, key, "an adaptive method's ratio exceeds " + limit + "; " + note);
            }
            if (!allPass) {
                return b.outcome(Outcome.INCONCLUSIVE, key, "an adaptive method left its ratio undecided; " + note);
            }
            return b.outcome(Outcome.PASS, key, "both adaptive ratios ≤ " + limit + "; " + note);
        }

        /** GD at gd_step_fraction·2/λmax, RMSProp and Adam with ε = adaptive_eps and lr by setting.adaptive_lr. */
        private static List<Optimizer> optimizers(Setting s, ClosedFormQuadratic quad) {
            double gdStep = s.real("gd_step_fraction") * 2 / quad.lambdaMax();
            double eps = s.real("adaptive_eps");
            double lr = switch (s.choice("adaptive_lr", LrRule.class)) {
                case ERROR_SCALED -> s.real("adaptive_lr_fraction") * s.real("initial_error");
                case GD_EQUIVALENT -> eps * gdStep;
            };
            return List.of(new GradientDescent(gdStep), new RmsProp(lr, s.real("rmsprop_rho"), eps),
                    new Adam(lr, s.real("adam_beta1"), s.real("adam_beta2"), eps, 0.0));
        }

        /** Runs each optimizer for the full budget, recording metrics and traces under {@code prefix}. */
        private static List<Run> runAll(Instance inst, ClosedFormQuadratic quad, List<Optimizer> optimizers, Setting s,
                TrialResult.Builder b, String prefix) {
            int n = quad.n();
            double settle = s.real("settle_fraction");
            int budget = s.integer("max_steps");
            double[] c0 = inst.initialComponents(s.real("initial_error"));
            double[] theta0 = quad.pointWithComponents(c0);
            int[] shown = {0, n / 2, n - 1};
            TreeSet<Long> recordAt = logSteps(budget, 80);
            double[] recordSteps = recordAt.stream().mapToDouble(Long::doubleValue).toArray();
            List<Run> runs = new ArrayList<>();
            for (int o = 0; o < optimizers.size(); o++) {
                String name = OPTIMIZERS.get(o);
                long[] lastAbove = new long[n]; // step 0 is above the settle level by construction
                double[][] curves = new double[shown.length][recordAt.size()];
                double[] c = new double[n];
                int[] slot = {0};
                Optimizer observed = new ClosedFormObserved(optimizers.get(o), (t, theta) -> {
                    quad.components(theta, c);
                    for (int i = 0; i < n; i++) {
                        if (!(Math.abs(c[i]) <= settle * Math.abs(c0[i]))) { // NaN counts as not settled
                            lastAbove[i] = t;
                        }
                    }
                    if (recordAt.contains(t)) {
                        for (int k = 0; k < shown.length; k++) {
                            curves[k][slot[0]] = Math.abs(c[shown[k]] / c0[shown[k]]);
                        }
                        slot[0]++;
                    }
                });
                TrainResult run = Trainer.run(quad.objective(), observed, theta0,
                        TrainConfig.fullBatch(budget, 0).withRecordPoints(0));
                long[] times = new long[n];
                for (int i = 0; i < n; i++) {
                    times[i] = run.diverged() ? budget + 1 : lastAbove[i] + 1;
                }
                Run result = new Run(name, optimizers.get(o).describe(), run.status(), times, budget);
                runs.add(result);
                for (int k = 0; k < shown.length; k++) {
                    b.trace(String.format(Locale.ROOT, "%s%s λ=%.3g", prefix, name, quad.lambda()[shown[k]]),
                            Arrays.copyOf(recordSteps, slot[0]), Arrays.copyOf(curves[k], slot[0]));
                }
                b.metric(prefix + name + ".ratio", result.ratio())
                        .metric(prefix + name + ".ratioIsLowerBound", result.allSettled() ? 0 : 1)
                        .metric(prefix + name + ".fastest", Arrays.stream(times).min().getAsLong())
                        .metric(prefix + name + ".slowest", Arrays.stream(times).max().getAsLong())
                        .metric(prefix + name + ".diverged", run.diverged() ? 1 : 0);
            }
            return runs;
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart> charts = new ArrayList<>();
            TrialResult first = e.trials().isEmpty() ? null : e.trials().get(0);
            List<String> prefixes = first != null && first.metrics().containsKey("rotated GD.ratio")
                    ? List.of("", "rotated ") : List.of("");
            for (String prefix : prefixes) {
                for (String name : OPTIMIZERS) {
                    List<Chart.Series> series = new ArrayList<>();
                    for (Map.Entry<String, double[][]> t : first == null ? List.<Map.Entry<String, double[][]>>of()
                            : first.traces().entrySet()) {
                        if (t.getKey().startsWith(prefix + name + " ")) {
                            series.add(Chart.Series.line(t.getKey(), t.getValue()[0], t.getValue()[1]));
                        }
                    }
                    String label = prefix.isEmpty() ? "H = diag(λ)" : "rotated twin H = QΛQᵀ, not judged";
                    charts.add(new Chart(e.arm() + "-" + prefix.replace(" ", "-") + name.toLowerCase(Locale.ROOT)
                            + "-directions", name + ": |error along qᵢ| / r, slowest, middle, fastest direction (" + e.arm()
                            + ", trial " + (first == null ? "-" : first.index()) + ", " + label + ")", "step t",
                            "|cᵢ,ₜ| / |cᵢ,₀|", true, true, series));
                }
            }
            List<Chart.Series> ratios = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String name : OPTIMIZERS) {
                    Chart.Series p = ClaimCharts.scatter(e, "kappa", prefix + name + ".ratio");
                    ratios.add(Chart.Series.points(prefix + name, p.x(), p.y()));
                }
            }
            double limit = maxMetric(e, "equalRatio");
            double[] kappas = e.trials().stream().mapToDouble(t -> t.metrics().get("kappa")).sorted().toArray();
            if (kappas.length > 0) {
                ratios.add(Chart.Series.line(String.format(Locale.ROOT, "ratio = %.3g", limit),
                        new double[] {kappas[0], kappas[kappas.length - 1]}, new double[] {limit, limit}));
            }
            charts.add(new Chart(e.arm() + "-ratios", "Slowest / fastest direction settling time vs κ (" + e.arm() + ")",
                    "κ", "settling-time ratio", true, true, ratios));
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            return String.format(Locale.ROOT, "slowest/fastest direction time on diag(λ), largest over trials: RMSProp "
                    + "%.3g, Adam %.3g (equalized if ≤ %.3g); GD smallest %.3g; rotated twin (not judged): RMSProp %.3g, "
                    + "Adam %.3g", maxMetric(e, "RMSProp.ratio"), maxMetric(e, "Adam.ratio"), maxMetric(e, "equalRatio"),
                    minMetric(e, "GD.ratio"), maxMetric(e, "rotated RMSProp.ratio"), maxMetric(e, "rotated Adam.ratio"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // book.Ex1-norms

    /**
     * Example 1's problem: ‖θ_true‖ and ‖X⁺y‖ against the book's bands, with the core's GD run to
     * convergence as the solution "learned by gradient descent", and a sweep of ‖X⁺y‖ over m on
     * nested designs for the chart. The m rows are m/copies distinct examples, each (xᵢ, yᵢ)
     * repeated setting.copies times: the claim's 1 (Example 1), the control's 2 (rank m/2).
     */
    static final class ExampleOneNorms implements InstanceCheck<ExampleOneNorms.Instance>, ClaimRunner.KeyNumber {
        /** GD's limit must be X⁺y to this (relative), as in book.T1.1. */
        static final double GD_TOL = 1e-8;

        record Instance(int m, int copies, int n, int sweepMax, double thetaStd, double noiseStd, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "m=%d (%d distinct × %d) n=%d θ~N(0,%.3g²I) noise=%.3g dataSeed=%d", m,
                        distinct(), copies, n, thetaStd, noiseStd, dataSeed);
            }

            int distinct() {
                return m / copies;
            }

            /** A sweepMax × n design, θ and y; the instance's distinct examples are the first m/copies rows. */
            Nested data() {
                Rng r = new Rng(dataSeed);
                int rows = Math.max(m, sweepMax);
                Mat x = RandomDesigns.gaussian(rows, n, 1.0, r.split());
                double[] theta = r.split().gaussianVector(n, thetaStd);
                double[] y = RandomDesigns.linearTargets(x, theta, noiseStd, r.split());
                return new Nested(x, theta, y);
            }
        }

        record Nested(Mat x, double[] theta, double[] y) {
            Mat rows(int k) {
                return new Mat(k, x.cols(), Arrays.copyOf(x.data(), k * x.cols()));
            }

            /** The first k rows of X and y, the block repeated {@code copies} times. */
            Regression repeated(int k, int copies) {
                int n = x.cols();
                Mat out = new Mat(k * copies, n);
                double[] yOut = new double[k * copies];
                for (int c = 0; c < copies; c++) {
                    System.arraycopy(x.data(), 0, out.data(), c * k * n, k * n);
                    System.arraycopy(y, 0, yOut, c * k, k);
                }
                return new Regression(out, yOut, theta);
            }
        }

        @Override
        public Instance draw(Trial trial) {
            Setting s = trial.setting();
            int m = s.integer("m");
            int copies = s.integer("copies");
            if (copies < 1 || m % copies != 0) {
                throw new IllegalArgumentException("setting.copies must be ≥ 1 and divide m = " + m + ", got " + copies);
            }
            return new Instance(m, copies, s.integer("n"), s.intRange("sweep_m")[1], s.real("theta_std"),
                    s.real("noise_std"), trial.rng().nextLong());
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Setting s = trial.setting();
            Nested d = inst.data();
            Regression problem = d.repeated(inst.distinct(), inst.copies());
            Mat x = problem.x();
            double[] y = problem.y();
            double normTheta = Vec.norm2(d.theta());
            double[] wStar = MinNorm.solve(x, y);
            double normW = Vec.norm2(wStar);
            // X⁺y is the projection of θ onto the row space, of dimension rank(X) = distinct examples
            double theory = Math.sqrt((double) inst.distinct() / inst.n()) * normTheta;

            GramSpectrum.Result spectrum = GramSpectrum.of(x);
            EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(inst.n()), SquaredLoss.INSTANCE, x, y);
            TrainResult gd = Trainer.run(risk, new GradientDescent(1 / spectrum.lambdaMax()), new double[inst.n()],
                    TrainConfig.fullBatch(s.integer("max_steps"), 1e-10 * normW * spectrum.lambdaMinNonzero())
                            .withRecordPoints(0));
            double gdDistance = Vec.distance(gd.theta(), wStar) / normW;

            // the sweep over m on nested designs: X_k⁺y_k = X_kᵀ(X_kX_kᵀ)⁻¹y_k, with the leading blocks of one Gram
            int[] sr = s.intRange("sweep_m");
            int step = s.integer("sweep_step");
            Mat full = d.rows(sr[1]);
            Mat gram = Ops.multTransB(full, full, null);
            List<double[]> sweep = new ArrayList<>();
            for (int k = sr[0]; k <= sr[1] && k < inst.n(); k += step) {
                Mat block = new Mat(k, k);
                for (int i = 0; i < k; i++) {
                    System.arraycopy(gram.data(), i * sr[1], block.data(), i * k, k);
                }
                double[] u = Cholesky.solve(block, Arrays.copyOf(d.y(), k));
                double[] w = Ops.gemvT(d.rows(k), u, null);
                sweep.add(new double[] {k, Vec.norm2(w), Math.sqrt((double) k / inst.n()) * normTheta});
            }
            double[] tb = s.range("truth_band");
            double[] nb = s.range("norm_band");
            double margin = Math.min(Math.min(normTheta - tb[0], tb[1] - normTheta), Math.min(normW - nb[0],
                    nb[1] - normW));
            var b = TrialResult.of(trial).instance(inst.toString()).metric("m", inst.m()).metric("n", inst.n())
                    .metric("distinct", inst.distinct())
                    .metric("normTheta", normTheta)
                    .metric("normMinNorm", normW).metric("sqrtMOverNTimesNormTheta", theory)
                    .metric("normGd", Vec.norm2(gd.theta())).metric("gdRelDistance", gdDistance)
                    .metric("gdSteps", gd.steps()).metric("bandLow", nb[0]).metric("bandHigh", nb[1])
                    .trace("sweep", sweep.stream().mapToDouble(v -> v[0]).toArray(),
                            sweep.stream().mapToDouble(v -> v[1]).toArray())
                    .trace("theory", sweep.stream().mapToDouble(v -> v[0]).toArray(),
                            sweep.stream().mapToDouble(v -> v[2]).toArray());
            String note = String.format(Locale.ROOT, "‖θ_true‖ = %.3f (band [%.0f, %.0f]), ‖X⁺y‖ = %.3f (band [%.0f, %.0f]),"
                    + " √(m/n)·‖θ‖ = %.3f; GD %s after %d steps, ‖w_GD‖ = %.3f, relative distance to X⁺y %.1e",
                    normTheta, tb[0], tb[1], normW, nb[0], nb[1], theory, gd.status(), gd.steps(), Vec.norm2(gd.theta()),
                    gdDistance);
            if (!gd.converged() || !(gdDistance <= GD_TOL)) {
                return b.outcome(Outcome.INCONCLUSIVE, margin, "GD did not reach X⁺y; " + note);
            }
            return b.decide(margin, margin >= 0, note);
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new ArrayList<>();
            int shown = 0;
            double lo = Double.NaN, hi = Double.NaN, mMax = 0;
            for (TrialResult t : e.trials()) {
                double[][] sw = t.traces().get("sweep");
                if (sw == null || shown >= 3) {
                    continue;
                }
                series.add(Chart.Series.points("‖X⁺y‖, trial " + t.index(), sw[0], sw[1]));
                double[][] th = t.traces().get("theory");
                series.add(Chart.Series.line("√(r/n)·‖θ_true‖, trial " + t.index(), th[0], th[1]));
                lo = t.metrics().get("bandLow");
                hi = t.metrics().get("bandHigh");
                mMax = Math.max(mMax, sw[0][sw[0].length - 1]);
                shown++;
            }
            Chart.Series judged = ClaimCharts.scatter(e, "distinct", "normMinNorm");
            series.add(Chart.Series.points("this arm: distinct examples and ‖X⁺y‖ judged", judged.x(), judged.y()));
            series.add(Chart.Series.line("book's band: low", new double[] {0, mMax}, new double[] {lo, lo}));
            series.add(Chart.Series.line("book's band: high", new double[] {0, mMax}, new double[] {hi, hi}));
            return List.of(new Chart(e.arm() + "-norm-vs-m", String.format(Locale.ROOT,
                    "‖X⁺y‖ vs number of distinct examples, n = %.0f (%s)", maxMetric(e, "n"), e.arm()), "distinct examples", "norm", false,
                    false, series));
        }

        @Override
        public String keyNumber(Evidence e) {
            double[] w = e.trials().stream().mapToDouble(t -> t.metrics().get("normMinNorm")).sorted().toArray();
            double[] th = e.trials().stream().mapToDouble(t -> t.metrics().get("normTheta")).sorted().toArray();
            double[] pred = e.trials().stream().mapToDouble(t -> t.metrics().get("sqrtMOverNTimesNormTheta")).sorted()
                    .toArray();
            return String.format(Locale.ROOT, "‖X⁺y‖ median %.2f (range %.2f–%.2f; book: %.0f–%.0f), √(r/n)·‖θ_true‖ "
                    + "median %.2f, ‖θ_true‖ median %.2f; %d of %d realizations in the book's bands", w[w.length / 2],
                    w[0], w[w.length - 1], maxMetric(e, "bandLow"), maxMetric(e, "bandHigh"), pred[pred.length / 2],
                    th[th.length / 2], e.statistics().pass(), e.trials().size());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // book.Ex2-ridge-norm

    /**
     * ‖w_λ‖/‖X⁺y‖ for ridge argmin ‖Xw − y‖² + λ‖w − c‖² at the book's λ, a drawn λ and a grid, with
     * the centre c ~ N(0, centre_std²I): the claim's centre_std 0 is the book's (XᵀX + λI)⁻¹Xᵀy; the
     * control's 1 shrinks toward a random centre instead of 0.
     */
    static final class RidgeNorm implements InstanceCheck<RidgeNorm.Instance>, ClaimRunner.KeyNumber {
        /** Margin factor on max(m, n)·κ·ε (see the claim file). */
        static final double ROUND_OFF_FACTOR = 100;

        record Instance(int m, int n, boolean example, double thetaStd, double noiseStd, double drawnLambda,
                double centreStd, long dataSeed) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "m=%d n=%d%s θ~N(0,%.3g²I) noise=%.3g λ=%.3g c~N(0,%.3g²I) dataSeed=%d",
                        m, n, example ? " (Example 1)" : "", thetaStd, noiseStd, drawnLambda, centreStd, dataSeed);
            }

            Problem data() {
                Rng r = new Rng(dataSeed);
                Mat x = RandomDesigns.gaussian(m, n, 1.0, r.split());
                double[] theta = r.split().gaussianVector(n, thetaStd);
                double[] y = RandomDesigns.linearTargets(x, theta, noiseStd, r.split());
                double[] centre = r.split().gaussianVector(n, centreStd);
                return new Problem(x, y, centre);
            }
        }

        record Problem(Mat x, double[] y, double[] centre) {
        }

        @Override
        public Instance draw(Trial trial) {
            Setting s = trial.setting();
            Rng rng = trial.rng();
            boolean example = trial.index() % 2 == 0;
            int[] mr = s.intRange("m");
            double[] ar = s.range("aspect");
            int m = rng.intBetween(mr[0], mr[1]);
            int n = (int) Math.round(m * rng.uniform(ar[0], ar[1]));
            double[] lr = s.range("lambda");
            double lambda = rng.logUniform(lr[0], lr[1]);
            double centreStd = s.real("centre_std");
            return example ? new Instance(s.integer("example_m"), s.integer("example_n"), true, s.real("theta_std"),
                    s.real("noise_std"), lambda, centreStd, rng.nextLong())
                    : new Instance(m, Math.max(m + 1, n), false, s.real("theta_std"), s.real("noise_std"), lambda,
                            centreStd, rng.nextLong());
        }

        @Override
        public List<Instance> shrink(Instance inst) {
            if (inst.m() <= 2) {
                return List.of();
            }
            int m2 = Math.max(2, inst.m() / 2);
            return List.of(new Instance(m2, Math.max(m2 + 1, inst.n() / 2), false, inst.thetaStd(), inst.noiseStd(),
                    inst.drawnLambda(), inst.centreStd(), inst.dataSeed()));
        }

        @Override
        public TrialResult check(Instance inst, Trial trial) {
            Setting s = trial.setting();
            Problem p = inst.data();
            Mat x = p.x();
            int m = inst.m();
            Svd.Result svd = Svd.decompose(x);
            var b = TrialResult.of(trial).instance(inst.toString()).metric("m", m).metric("n", inst.n())
                    .metric("centreStd", inst.centreStd());
            if (!svd.converged()) {
                return b.outcome(Outcome.INCONCLUSIVE, Double.NaN, "the SVD of X did not converge");
            }
            double[] sv = svd.s();
            double kappa = sq(sv[0] / sv[sv.length - 1]);
            double delta = ROUND_OFF_FACTOR * Math.max(m, inst.n()) * kappa * EPS;
            double normMin = Vec.norm2(MinNorm.solve(x, p.y()));
            double bookLambda = s.real("book_lambda");
            double[] lr = s.range("lambda");
            double[] grid = logGrid(lr[0], lr[1], s.integer("grid_points_per_decade"));
            double[] judged = new double[grid.length + 2];
            judged[0] = bookLambda;
            judged[1] = inst.drawnLambda();
            System.arraycopy(grid, 0, judged, 2, grid.length);
            double crossTol = s.real("cross_check_tol");
            double[] ratio = new double[judged.length];
            double maxCross = 0;
            // argmin ‖Xw − y‖² + λ‖w − c‖² = c + (book's ridge of y − Xc); with c = 0 exactly the book's ridge
            double[] target = Vec.sub(p.y(), Ops.gemv(x, p.centre(), null));
            double[] ut = Ops.gemvT(svd.u(), target, null);
            for (int k = 0; k < judged.length; k++) {
                double lambda = judged[k];
                // the book's (XᵀX + λI)⁻¹Xᵀy is the mean-loss Ridge at λ/m
                double[] w = Ridge.solve(x, target, lambda / m);
                double[] filter = new double[inst.n()];
                for (int i = 0; i < sv.length; i++) {
                    Vec.axpyInPlace(sv[i] / (sv[i] * sv[i] + lambda) * ut[i], svd.v().column(i), filter);
                }
                w = Vec.add(w, p.centre());
                filter = Vec.add(filter, p.centre());
                maxCross = Math.max(maxCross, Vec.distance(w, filter) / Vec.norm2(filter));
                ratio[k] = Vec.norm2(w) / normMin;
            }
            double min = Arrays.stream(ratio).min().getAsDouble();
            double max = Arrays.stream(ratio).max().getAsDouble();
            b.metric("conditionXXt", kappa).metric("roundOffMargin", delta).metric("normMinNorm", normMin)
                    .metric("ratioAtBookLambda", ratio[0]).metric("ratioAtDrawnLambda", ratio[1])
                    .metric("minRatio", min).metric("maxRatio", max).metric("oneMinusRatioAtBookLambda", 1 - ratio[0])
                    .metric("crossCheck", maxCross).metric("example", inst.example() ? 1 : 0)
                    .metric("bookLambda", bookLambda).metric("bookRatio", s.real("book_ratio"))
                    .trace("ratio", grid, Arrays.copyOfRange(ratio, 2, ratio.length));
            String note = String.format(Locale.ROOT, "‖w_λ‖/‖X⁺y‖ = %.10f at the book's λ = %.3g, %.10f at λ = %.3g; "
                    + "over the grid %.10f..%.10f (margin δ = %.1e); Cholesky vs SVD filter %.1e", ratio[0], bookLambda,
                    ratio[1], inst.drawnLambda(), min, max, delta, maxCross);
            if (!(maxCross <= crossTol)) {
                return b.outcome(Outcome.INCONCLUSIVE, ratio[0], "the two ridge evaluations disagree; " + note);
            }
            if (min > 1 + delta) {
                return b.outcome(Outcome.PASS, ratio[0], note);
            }
            if (min < 1 - delta) {
                return b.outcome(Outcome.FAIL, ratio[0], note);
            }
            return b.outcome(Outcome.INCONCLUSIVE, ratio[0], "a ratio lies within the round-off margin of 1; " + note);
        }

        @Override
        public List<Chart> charts(Evidence e) {
            List<Chart.Series> series = new ArrayList<>(traceSeries(e, "ratio", ClaimCharts.MAX_CURVES));
            double[] span = traceXSpan(e, "ratio");
            double bookLambda = maxMetric(e, "bookLambda");
            double bookRatio = maxMetric(e, "bookRatio");
            series.add(Chart.Series.line("‖w_λ‖ = ‖X⁺y‖", span, new double[] {1, 1}));
            series.add(Chart.Series.points(String.format(Locale.ROOT, "the book: %.3g at λ = %.3g", bookRatio,
                    bookLambda), new double[] {bookLambda}, new double[] {bookRatio}));
            boolean centred = maxMetric(e, "centreStd") > 0;
            String title = String.format(Locale.ROOT, "‖w_λ‖ / ‖X⁺y‖ vs λ, w_λ = %s (%s)", centred
                    ? "argmin ‖Xw − y‖² + λ‖w − c‖²" : "(XᵀX + λI)⁻¹Xᵀy", e.arm());
            List<Chart> charts = new ArrayList<>();
            charts.add(new Chart(e.arm() + "-ratio-vs-lambda", title, "λ", "‖w_λ‖ / ‖X⁺y‖", true, false, series));
            if (!centred) {
                List<Chart.Series> shrink = new ArrayList<>();
                for (TrialResult t : e.trials()) {
                    double[][] tr = t.traces().get("ratio");
                    if (tr != null && shrink.size() < ClaimCharts.MAX_CURVES) {
                        double[] gap = Arrays.stream(tr[1]).map(v -> 1 - v).toArray();
                        shrink.add(Chart.Series.line(e.arm() + " trial " + t.index(), tr[0], gap));
                    }
                }
                charts.add(new Chart(e.arm() + "-shrinkage-vs-lambda", "1 − ‖w_λ‖/‖X⁺y‖ vs λ (" + e.arm()
                        + "): positive everywhere, ≈ λ·Σ(uᵢᵀy)²/sᵢ⁴ / ‖X⁺y‖² for small λ", "λ",
                        "1 − ‖w_λ‖ / ‖X⁺y‖", true, true, shrink));
            }
            return charts;
        }

        @Override
        public String keyNumber(Evidence e) {
            double[] ex = e.trials().stream().filter(t -> t.metrics().get("example") == 1)
                    .mapToDouble(t -> t.metrics().get("ratioAtBookLambda")).sorted().toArray();
            double max = maxMetric(e, "maxRatio");
            return String.format(Locale.ROOT, "‖w_λ‖/‖X⁺y‖ at λ = %.3g on Example 1's shape: median %.8f (book: %.3g); "
                    + "largest ratio over all λ and instances: %s", maxMetric(e, "bookLambda"), ex.length == 0
                    ? Double.NaN : ex[ex.length / 2], maxMetric(e, "bookRatio"), max < 1
                    ? String.format(Locale.ROOT, "1 − %.2e", 1 - max) : String.format(Locale.ROOT, "%.8f", max));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // shared helpers

    static double sq(double v) {
        return v * v;
    }

    /** |a − b| / max(|a|, |b|), 0 when both are 0. */
    static double relDiff(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** Log-spaced points from lo to hi (both included), {@code perDecade} per decade. */
    static double[] logGrid(double lo, double hi, int perDecade) {
        int points = Math.max(2, (int) Math.ceil(Math.log10(hi / lo) * perDecade) + 1);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = lo * Math.pow(hi / lo, (double) i / (points - 1));
        }
        return out;
    }

    /** About {@code count} distinct log-spaced step counts in [1, max], always including 1 and max. */
    static TreeSet<Long> logSteps(long max, int count) {
        TreeSet<Long> out = new TreeSet<>();
        out.add(1L);
        out.add(max);
        for (int i = 0; i < count; i++) {
            out.add(Math.max(1, Math.min(max, Math.round(Math.pow(max, (double) i / Math.max(1, count - 1))))));
        }
        return out;
    }

    static double minMetric(Evidence e, String name) {
        return e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(name, Double.NaN))
                .filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }

    static double maxMetric(Evidence e, String name) {
        return e.trials().stream().mapToDouble(t -> t.metrics().getOrDefault(name, Double.NaN))
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /** One line per trial (the first {@code max}) of the trace {@code name}. */
    static List<Chart.Series> traceSeries(Evidence e, String name, int max) {
        List<Chart.Series> out = new ArrayList<>();
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get(name);
            if (tr != null && out.size() < max) {
                out.add(Chart.Series.line(e.arm() + " trial " + t.index(), tr[0], tr[1]));
            }
        }
        return out;
    }

    /** [min x, max x] over the trace {@code name} of the charted trials. */
    static double[] traceXSpan(Evidence e, String name) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int seen = 0;
        for (TrialResult t : e.trials()) {
            double[][] tr = t.traces().get(name);
            if (tr == null || seen++ >= ClaimCharts.MAX_CURVES) {
                continue;
            }
            for (double v : tr[0]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {1, 1};
    }
}
