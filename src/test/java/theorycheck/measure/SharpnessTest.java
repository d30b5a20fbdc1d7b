package theorycheck.measure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static theorycheck.linalg.Refusals.assertMessage;

import org.junit.jupiter.api.Test;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.SymmetricEigen;
import theorycheck.linalg.Vec;
import theorycheck.loss.EmpiricalRisk;
import theorycheck.loss.LogisticLoss;
import theorycheck.loss.Objective;
import theorycheck.loss.Quadratic;
import theorycheck.loss.SquaredLoss;
import theorycheck.model.Activation;
import theorycheck.model.Init;
import theorycheck.model.LinearModel;
import theorycheck.model.Mlp;

/** Sharpness measures against closed forms on quadratics and against dense Hessians. */
class SharpnessTest {
    private static final long SEED = 777L;

    @Test
    void worstCaseSharpnessOfAQuadraticIsHalfLambdaMaxRhoSquared() {
        Rng rng = new Rng(SEED);
        int n = 12;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 4.0 / (1 + i); // gap 4 → 2 between the top two
        }
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        double[] center = rng.gaussianVector(n, 1.0);
        Quadratic q = new Quadratic(a, center);
        for (double rho : new double[] {1e-3, 0.1, 2.0}) {
            Sharpness.WorstCase s = Sharpness.worstCase(q, center, rho, 4, 300, rng.split());
            double exact = 0.5 * 4.0 * rho * rho;
            assertEquals(exact, s.value(), 1e-8 * exact, "ρ=" + rho);
            assertEquals(4, s.agreeing());
            assertEquals(rho, theorycheck.linalg.Vec.norm2(s.delta()), 1e-12 * rho);
        }
    }

    @Test
    void worstCaseAwayFromTheMinimumIncludesTheGradientTerm() {
        // L = ½‖θ‖² at θ₀: max over ‖δ‖ ≤ ρ of ⟨θ₀, δ⟩ + ½‖δ‖² = ρ‖θ₀‖ + ½ρ²
        Rng rng = new Rng(SEED + 1);
        Quadratic q = new Quadratic(Mat.identity(5), new double[5]);
        double[] theta = rng.gaussianVector(5, 1.0);
        double norm = theorycheck.linalg.Vec.norm2(theta);
        Sharpness.WorstCase s = Sharpness.worstCase(q, theta, 0.3, 3, 200, rng.split());
        assertEquals(0.3 * norm + 0.045, s.value(), 1e-10);
    }

    @Test
    void lanczosLambdaMaxAndExactTraceMatchTheDenseHessianOfAnMlp() {
        Rng rng = new Rng(SEED + 2);
        Mlp net = new Mlp(4, new int[] {8, 6}, Activation.TANH, true);
        Mat x = RandomDesigns.gaussian(20, 4, 1.0, rng.split());
        EmpiricalRisk risk = new EmpiricalRisk(net, SquaredLoss.INSTANCE, x, rng.gaussianVector(20, 1.0));
        double[] theta = net.initialize(Init.STANDARD, rng.split());
        SymmetricEigen.Result exact = Sharpness.spectrum(risk, theta);
        Lanczos.Result top = Sharpness.lambdaMax(risk, theta, rng.split());
        assertEquals(exact.max(), top.first(), 1e-9 * Math.abs(exact.max()));
        double trace = 0;
        for (double v : exact.values()) {
            trace += v;
        }
        assertEquals(trace, Sharpness.trace(risk, theta), 1e-10 * Math.abs(trace));
        Lanczos.Result bottom = Lanczos.bottom(HessianVectorProduct.of(risk, theta), theta.length, 1, rng.split());
        assertEquals(exact.min(), bottom.first(), 1e-9 * Math.abs(exact.max()));
    }

    @Test
    void hutchinsonEstimateIsWithinFourStandardErrorsAndItsVarianceMatchesTheory() {
        Rng rng = new Rng(SEED + 3);
        int n = 30;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1.0 + i % 7;
        }
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        Sharpness.TraceEstimate t = Sharpness.hutchinsonTrace(PowerIteration.matrix(a, 1.0), n, 400, rng.split());
        double exact = Ops.trace(a);
        assertThat(Math.abs(t.mean() - exact), lessThanOrEqualTo(4 * t.standardError()));
        // Var(zᵀAz) = 2(‖A‖_F² − Σ a_jj²) for Rademacher z; the sample SE should be near √(var/m)
        double frob2 = 0;
        double diag2 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                frob2 += a.get(i, j) * a.get(i, j);
            }
            diag2 += a.get(i, i) * a.get(i, i);
        }
        double se = Math.sqrt(2 * (frob2 - diag2) / 400);
        assertEquals(se, t.standardError(), 0.25 * se);
    }

    @Test
    void adaptiveOperatorIsDiagThetaHDiagTheta() {
        Rng rng = new Rng(SEED + 4);
        int d = 6;
        Mat x = RandomDesigns.gaussian(15, d, 1.0, rng.split());
        double[] y = new double[15];
        for (int i = 0; i < 15; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        EmpiricalRisk risk = new EmpiricalRisk(new LinearModel(d), LogisticLoss.INSTANCE, x, y);
        double[] theta = rng.gaussianVector(d, 1.0);
        Mat h = FullHessian.of(risk, theta);
        Mat expect = new Mat(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                expect.set(i, j, Math.abs(theta[i]) * h.get(i, j) * Math.abs(theta[j]));
            }
        }
        Mat got = FullHessian.of(Sharpness.adaptiveOperator(risk, theta), d);
        assertThat(Ops.maxAbsDiff(expect, got), lessThanOrEqualTo(1e-15));
        double exact = SymmetricEigen.decompose(expect).max();
        assertEquals(exact, Sharpness.adaptiveLambdaMaxExact(risk, theta), 1e-14);
        assertEquals(exact, Sharpness.adaptiveLambdaMax(risk, theta, rng.split()).first(), 1e-10 * exact);
    }

    @Test
    void randomDirectionProbeOfAQuadraticAveragesTraceOverDimension() {
        // E[uᵀHu] = tr H / p for u uniform on the sphere, and ΔL = ½r²uᵀHu exactly
        Rng rng = new Rng(SEED + 5);
        int n = 10;
        double[] lambda = {10, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), lambda);
        double[] center = new double[n];
        Sharpness.RandomDirectionProbe p = Sharpness.randomDirection(new Quadratic(a, center), center, 0.01, 500,
                rng.split());
        double expected = 19.0 / n;
        double seCurv = 2 * p.standardError() / (0.01 * 0.01);
        assertThat(Math.abs(p.effectiveCurvature() - expected), lessThanOrEqualTo(4 * seCurv));
        for (double inc : p.increases()) {
            assertThat(inc, greaterThanOrEqualTo(0.5 * 1e-4 * 1.0 * (1 - 1e-9)));
            assertThat(inc, lessThanOrEqualTo(0.5 * 1e-4 * 10.0 * (1 + 1e-9)));
        }
    }

    @Test
    void radiusScanCancelsOddOrdersAndKeepsTheQuarticTerm() {
        // L(θ) = ½θᵀAθ + gᵀθ + b Σθᵢ⁴ at θ = 0: the antithetic increase along unit u at radius r is
        // ½r²uᵀAu + b r⁴ Σuᵢ⁴ exactly (gᵀθ cancels), the same directions at every radius
        Rng rng = new Rng(SEED + 6);
        int n = 7;
        Mat a = RandomDesigns.symmetricWithEigenvalues(n, rng.split(), new double[] {5, 3, 2, 1, 1, 0.5, 0.1});
        double[] g = rng.gaussianVector(n, 1.0);
        double b = 0.3;
        Objective f = new Objective() {
            public int dim() {
                return n;
            }

            public int examples() {
                return 1;
            }

            public double valueAndGradient(double[] t, int[] batch, double[] grad) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    double ai = 0;
                    for (int j = 0; j < n; j++) {
                        ai += a.get(i, j) * t[j];
                    }
                    v += 0.5 * t[i] * ai + g[i] * t[i] + b * Math.pow(t[i], 4);
                    if (grad != null) {
                        grad[i] = ai + g[i] + 4 * b * Math.pow(t[i], 3);
                    }
                }
                return v;
            }
        };
        double[] radii = {0.01, 0.02, 0.5};
        Sharpness.RadiusScan scan = Sharpness.randomDirectionScan(f, new double[n], radii, 40, new Rng(SEED + 7));
        // replay the directions: same seed, same draws
        Rng replay = new Rng(SEED + 7);
        double[] expectedMean = new double[radii.length];
        for (int d = 0; d < 40; d++) {
            double[] u = replay.gaussianVector(n, 1.0);
            double nu = Vec.norm2(u);
            double quad = 0;
            double quart = 0;
            for (int i = 0; i < n; i++) {
                u[i] /= nu;
                quart += Math.pow(u[i], 4);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    quad += u[i] * a.get(i, j) * u[j];
                }
            }
            for (int k = 0; k < radii.length; k++) {
                double r = radii[k];
                double exact = 0.5 * r * r * quad + b * Math.pow(r, 4) * quart;
                assertEquals(exact, scan.increases()[k][d], 1e-12 * Math.max(1, Math.abs(g[0])));
                expectedMean[k] += exact / 40;
            }
        }
        for (int k = 0; k < radii.length; k++) {
            assertEquals(expectedMean[k], scan.meanIncrease()[k], 1e-13);
        }
        // small radii: λ_eff(2r)/λ_eff(r) = 1 + O(r²); at r = 0.5 the quartic term is visible
        assertEquals(1.0, scan.effectiveCurvature(1) / scan.effectiveCurvature(0), 1e-2);
        assertThat(scan.effectiveCurvature(2) / scan.effectiveCurvature(0) - 1, greaterThanOrEqualTo(0.01));
    }

    /** L(θ) = cᵀθ: no curvature, so every measure has a closed form. */
    private static Objective linear(double[] c) {
        return new Objective() {
            public int dim() {
                return c.length;
            }

            public int examples() {
                return 1;
            }

            public double valueAndGradient(double[] t, int[] batch, double[] grad) {
                if (grad != null) {
                    System.arraycopy(c, 0, grad, 0, c.length);
                }
                return Vec.dot(c, t);
            }
        };
    }

    @Test
    void worstCaseOfALinearLossIsRhoTimesTheGradientNormAlongTheGradient() {
        double[] c = {1, -2, 2}; // ‖c‖ = 3
        double[] theta = {0.5, 0.25, -1};
        for (double rho : new double[] {1e-2, 1.0, 10.0}) {
            Sharpness.WorstCase s = Sharpness.worstCase(linear(c), theta, rho, 3, 100, new Rng(SEED + 8));
            assertEquals(3 * rho, s.value(), 1e-9 * rho, "ρ=" + rho);
            assertEquals(3, s.restarts());
            assertEquals(3, s.agreeing());
            for (int i = 0; i < c.length; i++) {
                assertEquals(rho * c[i] / 3, s.delta()[i], 1e-4 * rho, "δ points along ∇L");
                assertEquals(3 * rho, s.restartValues()[i], 1e-9 * rho);
            }
        }
    }

    @Test
    void worstCaseOfAConstantLossIsZeroAndOneStepWithOneRestartIsAllowed() {
        Sharpness.WorstCase flat = Sharpness.worstCase(linear(new double[3]), new double[3], 1.0, 2, 5, new Rng(SEED + 9));
        assertEquals(0.0, flat.value(), 0.0);
        assertEquals(2, flat.agreeing());
        // one restart, one step: a single ascent step from a random point already raises L
        Quadratic q = new Quadratic(Mat.identity(4), new double[4]);
        Sharpness.WorstCase one = Sharpness.worstCase(q, new double[] {1, 0, 0, 0}, 0.5, 1, 1, new Rng(SEED + 10));
        assertEquals(1, one.restarts());
        assertThat(one.value(), lessThanOrEqualTo(0.5 + 0.125 + 1e-12)); // ρ‖θ‖ + ½ρ², the maximum
        assertThat(one.value(), greaterThanOrEqualTo(0.0)); // δ = 0 is allowed, so S(ρ) ≥ 0
    }

    @Test
    void badArgumentsAreRefusedWithOneLine() {
        Quadratic q = new Quadratic(Mat.identity(2), new double[2]);
        double[] t = new double[2];
        Rng rng = new Rng(SEED + 11);
        String worst = "need ρ > 0, restarts ≥ 1, steps ≥ 1; got ";
        assertMessage(worst + "ρ=0.0, restarts=1, steps=1", () -> Sharpness.worstCase(q, t, 0.0, 1, 1, rng));
        assertMessage(worst + "ρ=NaN, restarts=1, steps=1", () -> Sharpness.worstCase(q, t, Double.NaN, 1, 1, rng));
        assertMessage(worst + "ρ=1.0, restarts=0, steps=1", () -> Sharpness.worstCase(q, t, 1.0, 0, 1, rng));
        assertMessage(worst + "ρ=1.0, restarts=1, steps=0", () -> Sharpness.worstCase(q, t, 1.0, 1, 0, rng));
        assertMessage("need at least 2 samples for a standard error, got 1",
                () -> Sharpness.hutchinsonTrace(PowerIteration.matrix(Mat.identity(2), 1.0), 2, 1, rng));
        assertMessage("need r > 0 and at least 2 directions; got r=0.0, directions=2",
                () -> Sharpness.randomDirection(q, t, 0.0, 2, rng));
        assertMessage("need r > 0 and at least 2 directions; got r=1.0, directions=1",
                () -> Sharpness.randomDirection(q, t, 1.0, 1, rng));
        assertMessage("need radii > 0 and at least 2 directions; got radii=[], directions=2",
                () -> Sharpness.randomDirectionScan(q, t, new double[0], 2, rng));
        assertMessage("need radii > 0 and at least 2 directions; got radii=[0.1, 0.0], directions=2",
                () -> Sharpness.randomDirectionScan(q, t, new double[] {0.1, 0.0}, 2, rng));
        assertMessage("need radii > 0 and at least 2 directions; got radii=[0.1], directions=1",
                () -> Sharpness.randomDirectionScan(q, t, new double[] {0.1}, 1, rng));
    }


    @Test
    void onAnIsotropicQuadraticEveryProbeIsExact() {
        // A = c·I: zᵀAz = c·n for every Rademacher z, and ΔL = ½cr² along every unit direction
        double c = 2.5;
        int n = 6;
        Mat a = Ops.scale(c, Mat.identity(n));
        Sharpness.TraceEstimate t = Sharpness.hutchinsonTrace(PowerIteration.matrix(a, 1.0), n, 2, new Rng(SEED + 12));
        assertEquals(c * n, t.mean(), 1e-12);
        assertEquals(0.0, t.standardError(), 1e-12);
        assertEquals(2, t.samples());
        double[] center = {1, -1, 0, 2, 0, 0.5};
        double r = 0.2;
        Sharpness.RandomDirectionProbe p = Sharpness.randomDirection(new Quadratic(a, center), center, r, 5,
                new Rng(SEED + 13));
        assertEquals(r, p.radius(), 0.0);
        assertEquals(5, p.increases().length);
        for (double inc : p.increases()) {
            assertEquals(0.5 * c * r * r, inc, 1e-14);
        }
        assertEquals(0.5 * c * r * r, p.mean(), 1e-14);
        assertEquals(0.0, p.standardError(), 1e-14);
        assertEquals(c, p.effectiveCurvature(), 1e-12);
    }

    @Test
    void randomDirectionStandardErrorIsTheSampleDeviationOverRootM() {
        Mat a = Mat.ofRows(new double[] {4, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 0});
        Sharpness.RandomDirectionProbe p = Sharpness.randomDirection(new Quadratic(a, new double[3]), new double[3],
                1.0, 4, new Rng(SEED + 14));
        double[] inc = p.increases();
        double mean = (inc[0] + inc[1] + inc[2] + inc[3]) / 4;
        double ss = 0;
        for (double v : inc) {
            ss += (v - mean) * (v - mean);
            assertThat(v, lessThanOrEqualTo(2.0 + 1e-12)); // ½·λmax·r²
        }
        assertEquals(mean, p.mean(), 1e-15);
        assertThat(ss, greaterThanOrEqualTo(1e-6)); // the directions differ
        assertEquals(Math.sqrt(ss / 3 / 4), p.standardError(), 1e-15);
        assertEquals(2 * mean, p.effectiveCurvature(), 1e-15);
    }

    @Test
    void probesOfALinearLossDoNotDependOnWhereTheyStart() {
        // L = cᵀθ rises by r·cᵀu along u wherever θ is: the same two directions from θ = 0 and from a θ
        // with L(θ) = −2 give the same increases, and the antithetic increase ½[L(θ+ru) + L(θ−ru)] − L(θ)
        // of a linear loss is 0. The values are of size ≤ 3: 1e-14 is a few ulps of each.
        double[] c = {1, -2, 2};
        double[] away = {0.5, 0.25, -1};
        Sharpness.RandomDirectionProbe fromZero = Sharpness.randomDirection(linear(c), new double[3], 0.1, 2,
                new Rng(SEED + 15));
        Sharpness.RandomDirectionProbe fromAway = Sharpness.randomDirection(linear(c), away, 0.1, 2, new Rng(SEED + 15));
        assertArrayEquals(fromZero.increases(), fromAway.increases(), 1e-14);
        Sharpness.RadiusScan scan = Sharpness.randomDirectionScan(linear(c), away, new double[] {0.1, 1.0}, 2,
                new Rng(SEED + 16));
        for (double[] atRadius : scan.increases()) {
            assertArrayEquals(new double[2], atRadius, 1e-14);
        }
    }

    @Test
    void hutchinsonStandardErrorIsTheSampleDeviationOverRootM() {
        // A = [[1, b], [b, 3]]: zᵀAz = 4 + 2b·z₁z₂ takes two values, so from the mean the share s̄ of the
        // sign z₁z₂ is known, and the sample deviation with it: Σ(t − t̄)² = 4b²·m(1 − s̄²) over m − 1
        double b = 0.75;
        int m = 9;
        Mat a = Mat.ofRows(new double[] {1, b}, new double[] {b, 3});
        Sharpness.TraceEstimate t = Sharpness.hutchinsonTrace(PowerIteration.matrix(a, 1.0), 2, m, new Rng(SEED + 17));
        double sBar = (t.mean() - 4) / (2 * b);
        assertThat(Math.abs(sBar), lessThanOrEqualTo(1 - 2.0 / m + 1e-12)); // both signs were drawn
        double expected = Math.sqrt(4 * b * b * m * (1 - sBar * sBar) / (m - 1) / m);
        assertEquals(expected, t.standardError(), 1e-12);
    }

    @Test
    void relativeSharpnessIsLambdaMaxOverLoss() {
        assertEquals(0.5, Sharpness.relative(2.0, 4.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Sharpness.relative(1.0, 0.0), 0.0);
    }
}
