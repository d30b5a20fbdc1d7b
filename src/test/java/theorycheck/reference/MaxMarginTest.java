package theorycheck.reference;

import theorycheck.linalg.Norm;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theorycheck.linalg.Refusals.assertMessage;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import theorycheck.data.Classification;
import theorycheck.data.DualCertificates;
import theorycheck.data.RandomDesigns;
import theorycheck.data.Rng;
import theorycheck.data.SeparableDesigns;
import theorycheck.linalg.Mat;
import theorycheck.linalg.Ops;
import theorycheck.linalg.Vec;

class MaxMarginTest {
    private static final long SEED = 20261122L;

    /**
     * Hand-computed answers on small integer data: LP vertices and KKT-refined QP solutions are
     * exact up to a few roundings.
     */
    private static final double EXACT_TOL = 1e-12;
    /**
     * Two routes to the same ℓ2 optimum (primal and dual QP, each KKT-refined; or the EJML KKT
     * solve) agree to the conditioning of the support system times ε, ~1e-13 on random O(1) data.
     */
    private static final double AGREEMENT_TOL = 1e-10;
    /**
     * Hildreth's coordinate ascent converges linearly; on the instance below it is within 2e-16 of
     * the optimum after 1000 sweeps (2000 are run), and it shares no code with the solvers under
     * test. The tolerance leaves room for a slower rate on other platforms' rounding.
     */
    private static final double COORDINATE_ASCENT_TOL = 1e-10;
    private static final int COORDINATE_ASCENT_SWEEPS = 2000;
    /** Margins from the brute-force vertex enumeration are exact up to LU rounding on O(1) data. */
    private static final double BRUTE_FORCE_TOL = 1e-10;
    /**
     * Weak-duality gap, relative to S = maxᵢ‖xᵢ‖_*, between the primal margin and the upper bound
     * from an α of the dual LP: observed ~5e-14 absolute (S ≈ 10) on the instances below, as
     * expected of two simplex vertices computed in double precision.
     */
    private static final double DUALITY_GAP_RELATIVE_TOL = 1e-11;
    /** Perturbed directions may beat the optimum only by rounding of the margin evaluation. */
    private static final double PERTURBATION_TOL = 1e-12;

    // ---------------------------------------------------------------- known answers

    /** x₁ = (1,0), y₁ = +1; x₂ = (0,1), y₂ = −1. */
    private static Classification twoPoints() {
        return new Classification(Mat.ofRows(new double[] {1, 0}, new double[] {0, 1}), new double[] {1, -1});
    }

    /**
     * x₁ = (4,1,1), x₂ = (1,1,4), both +1. The segment between them has its least-ℓ2 point at the
     * midpoint (2.5, 1, 2.5), so ŵ₂ = (5,2,5)/√54 and γ₂ = √13.5 (both points are at that margin).
     * The segment's ℓ1 norm is 6 throughout, so γ∞ = 6, and 4w₁ + w₂ + w₃ ≥ 6 with ‖w‖∞ ≤ 1 forces
     * ŵ∞ = (1,1,1). For ℓ1 the segment's least ℓ∞ norm is 2.5 (at the midpoint), so γ₁ = 2.5, and
     * ⟨w, x₁ + x₂⟩ = ⟨w, (5,2,5)⟩ ≥ 5 with ‖w‖₁ ≤ 1 forces w = (p, 0, 1 − p); 1 + 3p ≥ 2.5 and
     * 4 − 3p ≥ 2.5 give p = ½: ŵ₁ = (½, 0, ½). All three directions are unique.
     */
    private static Classification threeD() {
        return new Classification(Mat.ofRows(new double[] {4, 1, 1}, new double[] {1, 1, 4}), new double[] {1, 1});
    }

    @Test
    void twoPointsL2() {
        checkKnown(MaxMargin.l2(twoPoints()), new double[] {1 / Math.sqrt(2), -1 / Math.sqrt(2)}, 1 / Math.sqrt(2));
    }

    @Test
    void twoPointsL2Dual() {
        checkKnown(MaxMargin.l2Dual(twoPoints()), new double[] {1 / Math.sqrt(2), -1 / Math.sqrt(2)},
                1 / Math.sqrt(2));
    }

    @Test
    void twoPointsLInf() {
        checkKnown(MaxMargin.lInf(twoPoints()), new double[] {1, -1}, 1);
    }

    @Test
    void twoPointsL1() {
        checkKnown(MaxMargin.l1(twoPoints()), new double[] {0.5, -0.5}, 0.5);
    }

    @Test
    void threeDimensionalL2() {
        double r = Math.sqrt(54);
        checkKnown(MaxMargin.l2(threeD()), new double[] {5 / r, 2 / r, 5 / r}, Math.sqrt(13.5));
    }

    @Test
    void threeDimensionalL2Dual() {
        double r = Math.sqrt(54);
        checkKnown(MaxMargin.l2Dual(threeD()), new double[] {5 / r, 2 / r, 5 / r}, Math.sqrt(13.5));
    }

    @Test
    void threeDimensionalLInf() {
        checkKnown(MaxMargin.lInf(threeD()), new double[] {1, 1, 1}, 6);
    }

    @Test
    void threeDimensionalL1() {
        checkKnown(MaxMargin.l1(threeD()), new double[] {0.5, 0, 0.5}, 2.5);
    }

    @Test
    void threeDimensionalL2AndLInfDirectionsDiffer() {
        // cos∠((5,2,5), (1,1,1)) = 12/√162 = 2√2/3
        double angle = MarginMeasures.angle(MaxMargin.l2(threeD()).direction(), MaxMargin.lInf(threeD()).direction());
        assertThat(angle, closeTo(Math.acos(2 * Math.sqrt(2) / 3), EXACT_TOL));
        assertThat(angle, greaterThan(0.3));
    }

    @Test
    void nonUniqueLInfDirectionStillHasTheOptimalMargin() {
        // x = (1,0,0): every w with w₁ = 1, |w₂|, |w₃| ≤ 1 is optimal; only w₁ and γ are determined.
        Classification c = new Classification(Mat.ofRows(new double[] {1, 0, 0}), new double[] {1});
        MaxMargin.Result r = MaxMargin.lInf(c);
        assertEquals(1.0, r.margin(), EXACT_TOL);
        assertEquals(1.0, r.direction()[0], EXACT_TOL);
        assertTrue(r.converged());
    }

    private static void checkKnown(MaxMargin.Result r, double[] direction, double margin) {
        assertTrue(r.converged(), r.solverState());
        assertArrayEquals(direction, r.direction(), EXACT_TOL);
        assertEquals(margin, r.margin(), EXACT_TOL);
        assertArrayEquals(new int[] {0, 1}, r.supportIndices());
        assertEquals(1.0, r.norm().of(r.direction()), EXACT_TOL);
    }

    // ---------------------------------------------------------------- ℓ2 cross-checks

    // Primal and dual share the KKT refinement, so once both QPs find the same active set their
    // answers coincide to the last bit; these tests pin that the two ojAlgo QPs do find it (the raw
    // dual alone is off by ~1e-6 when m > d). Independence comes from the Hildreth and EJML checks.

    @Test
    void l2PrimalAndDualAgreeOnTallData() {
        // m > d: the dual's Gram matrix is singular; the KKT refinement must still land on the primal's answer.
        Classification c = SeparableDesigns.plantedMargin(60, 5, 0.1, new Rng(SEED));
        checkAgree(MaxMargin.l2(c), MaxMargin.l2Dual(c));
    }

    @Test
    void l2PrimalAndDualAgreeOnWideData() {
        Classification c = SeparableDesigns.plantedMargin(12, 40, 0.1, new Rng(SEED + 1));
        checkAgree(MaxMargin.l2(c), MaxMargin.l2Dual(c));
    }

    private static void checkAgree(MaxMargin.Result primal, MaxMargin.Result dual) {
        assertTrue(primal.converged() && dual.converged(), primal.solverState() + " / " + dual.solverState());
        assertThat(MarginMeasures.angle(primal.direction(), dual.direction()), lessThanOrEqualTo(AGREEMENT_TOL));
        assertThat(dual.margin(), closeTo(primal.margin(), AGREEMENT_TOL));
        assertArrayEquals(primal.supportIndices(), dual.supportIndices());
    }

    @Test
    void l2MatchesIndependentCoordinateAscent() {
        Classification c = SeparableDesigns.plantedMargin(30, 4, 0.1, new Rng(SEED + 2));
        double[] w = hildreth(c, COORDINATE_ASCENT_SWEEPS);
        MaxMargin.Result r = MaxMargin.l2(c);
        assertThat(MarginMeasures.angle(r.direction(), w), lessThanOrEqualTo(COORDINATE_ASCENT_TOL));
        assertThat(1 / Vec.norm2(w), closeTo(r.margin(), COORDINATE_ASCENT_TOL));
    }

    /**
     * Hildreth's method: exact coordinate ascent on the dual max Σα − ½‖Σαᵢyᵢxᵢ‖², α ≥ 0 (no bias,
     * so no equality constraint), keeping w = Σαᵢyᵢxᵢ up to date. Returns w.
     */
    private static double[] hildreth(Classification c, int sweeps) {
        int m = c.examples();
        double[][] z = new double[m][];
        for (int i = 0; i < m; i++) {
            z[i] = Vec.scale(c.label(i), c.input(i));
        }
        double[] alpha = new double[m];
        double[] w = new double[c.dim()];
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < m; i++) {
                double step = (1 - Vec.dot(z[i], w)) / Vec.dot(z[i], z[i]);
                double next = Math.max(0, alpha[i] + step);
                Vec.axpyInPlace(next - alpha[i], z[i], w);
                alpha[i] = next;
            }
        }
        return w;
    }

    @Test
    void l2SatisfiesTheKktConditionsSolvedWithEjml() {
        Classification c = SeparableDesigns.plantedMargin(40, 6, 0.1, new Rng(SEED + 3));
        MaxMargin.Result r = MaxMargin.l2(c);
        double[] w = Vec.scale(1 / r.margin(), r.direction()); // the SVM solution, margin 1
        double[] alpha = ejmlMultipliers(c, r.supportIndices());
        int[] s = r.supportIndices();
        double[] recon = new double[c.dim()];
        for (int k = 0; k < s.length; k++) {
            assertThat("α ≥ 0 on support " + s[k], alpha[k], greaterThan(0.0));
            Vec.axpyInPlace(alpha[k] * c.label(s[k]), c.input(s[k]), recon);
        }
        assertThat("stationarity w = Σαᵢyᵢxᵢ", Vec.relativeError(recon, w, 1e-300), lessThanOrEqualTo(AGREEMENT_TOL));
        double[] margins = MarginMeasures.margins(w, c, null);
        for (int i = 0; i < margins.length; i++) {
            assertThat("primal feasibility at " + i, margins[i], greaterThanOrEqualTo(1 - AGREEMENT_TOL));
        }
        for (int i : s) {
            assertThat("complementary slackness at " + i, margins[i], closeTo(1, AGREEMENT_TOL));
        }
    }

    @Test
    void l2MarginEqualsTheDualUpperBound() {
        // α/Σα from the KKT multipliers is a convex combination with ‖Σαᵢyᵢxᵢ‖₂/Σα = 1/‖w‖ = γ₂
        Classification c = SeparableDesigns.plantedMargin(40, 6, 0.1, new Rng(SEED + 4));
        MaxMargin.Result r = MaxMargin.l2(c);
        double[] alpha = new double[c.examples()];
        double[] onSupport = ejmlMultipliers(c, r.supportIndices());
        for (int k = 0; k < onSupport.length; k++) {
            alpha[r.supportIndices()[k]] = onSupport[k];
        }
        double upper = DualCertificates.upperBoundL2(c, alpha);
        assertThat(upper, closeTo(r.margin(), AGREEMENT_TOL));
        // and Σαᵢ = ‖w‖² = 1/γ²
        assertThat(java.util.Arrays.stream(onSupport).sum() * r.margin() * r.margin(), closeTo(1, AGREEMENT_TOL));
    }

    /** α_S solving (Z_S Z_Sᵀ) α = 1 with EJML: the SVM multipliers on the support set S. */
    private static double[] ejmlMultipliers(Classification c, int[] s) {
        DMatrixRMaj k = new DMatrixRMaj(s.length, s.length);
        for (int a = 0; a < s.length; a++) {
            for (int b = 0; b < s.length; b++) {
                k.set(a, b, c.label(s[a]) * c.label(s[b]) * Vec.dot(c.input(s[a]), c.input(s[b])));
            }
        }
        DMatrixRMaj ones = new DMatrixRMaj(s.length, 1);
        ones.fill(1);
        DMatrixRMaj alpha = new DMatrixRMaj(s.length, 1);
        assertTrue(CommonOps_DDRM.solve(k, ones, alpha), "support Gram matrix is singular");
        return alpha.getData();
    }

    @Test
    void l2DirectionLiesInTheSpanOfTheData() {
        // w = Σαᵢyᵢxᵢ: the reason GD from 0 can reach it on high-ambient, low-intrinsic data
        Classification c = SeparableDesigns.lowIntrinsic(30, 25, 4, 0.2, new Rng(SEED + 5));
        MaxMargin.Result r = MaxMargin.l2(c);
        assertThat(Vec.norm2(MinNorm.projectNullSpace(c.x(), r.direction())), lessThanOrEqualTo(AGREEMENT_TOL));
    }

    @Test
    void l2DirectionRotatesWithTheData() {
        Classification c = SeparableDesigns.plantedMargin(25, 4, 0.2, new Rng(SEED + 6));
        Mat q = RandomDesigns.randomOrthogonal(4, new Rng(SEED + 7));
        Classification rotated = new Classification(Ops.multTransB(c.x(), q, null), c.y()); // xᵢ ↦ Q xᵢ
        double[] expected = Ops.gemv(q, MaxMargin.l2(c).direction(), null);
        MaxMargin.Result r = MaxMargin.l2(rotated);
        assertThat(MarginMeasures.angle(r.direction(), expected), lessThanOrEqualTo(AGREEMENT_TOL));
    }

    // ---------------------------------------------------------------- LP cross-checks

    @Test
    void lInfMatchesVertexEnumerationIn3d() {
        Classification c = SeparableDesigns.plantedMargin(7, 3, 0.2, new Rng(SEED + 8));
        LpVertices.Best best = LpVertices.maxMarginLInf(c);
        assertEquals(715, best.subsets()); // C(7 + 6, 4)
        assertThat(best.feasibleVertices(), greaterThan(0));
        assertThat(MaxMargin.lInf(c).margin(), closeTo(best.gamma(), BRUTE_FORCE_TOL));
    }

    @Test
    void lInfMatchesVertexEnumerationIn2d() {
        Classification c = SeparableDesigns.plantedMargin(9, 2, 0.1, new Rng(SEED + 9));
        LpVertices.Best best = LpVertices.maxMarginLInf(c);
        assertEquals(286, best.subsets()); // C(9 + 4, 3)
        assertThat(MaxMargin.lInf(c).margin(), closeTo(best.gamma(), BRUTE_FORCE_TOL));
    }

    @Test
    void l1MatchesVertexEnumerationOverAllSignPatternsIn3d() {
        Classification c = SeparableDesigns.plantedMargin(7, 3, 0.2, new Rng(SEED + 10));
        LpVertices.Best best = LpVertices.maxMarginL1(c);
        assertEquals(1365, best.subsets()); // C(7 + 2³, 4)
        assertThat(best.feasibleVertices(), greaterThan(0));
        assertThat(MaxMargin.l1(c).margin(), closeTo(best.gamma(), BRUTE_FORCE_TOL));
    }

    @Test
    void lInfIsOptimalByADualCertificate() {
        Classification c = SeparableDesigns.plantedMargin(25, 8, 0.1, new Rng(SEED + 11));
        MaxMargin.Result r = MaxMargin.lInf(c);
        double upper = DualCertificates.upperBoundLInf(c, DualCertificates.alphaForLInf(c));
        checkSandwich(r, upper, scale(c, Norm.L1));
    }

    @Test
    void l1IsOptimalByADualCertificate() {
        Classification c = SeparableDesigns.plantedMargin(25, 8, 0.1, new Rng(SEED + 12));
        MaxMargin.Result r = MaxMargin.l1(c);
        double upper = DualCertificates.upperBoundL1(c, DualCertificates.alphaForL1(c));
        checkSandwich(r, upper, scale(c, Norm.LINF));
    }

    /** margin (a unit w's) ≤ γ* ≤ upper (a convex combination's dual norm), and the two meet. */
    private static void checkSandwich(MaxMargin.Result r, double upper, double scale) {
        assertTrue(r.converged(), r.solverState());
        assertThat(r.margin(), lessThanOrEqualTo(upper + DUALITY_GAP_RELATIVE_TOL * scale));
        assertThat(upper - r.margin(), lessThanOrEqualTo(DUALITY_GAP_RELATIVE_TOL * scale));
    }

    @Test
    void noPerturbedDirectionBeatsTheLInfOptimum() {
        checkNoBetterNeighbour(MaxMargin::lInf, SEED + 13);
    }

    @Test
    void noPerturbedDirectionBeatsTheL1Optimum() {
        checkNoBetterNeighbour(MaxMargin::l1, SEED + 14);
    }

    @Test
    void noPerturbedDirectionBeatsTheL2Optimum() {
        checkNoBetterNeighbour(MaxMargin::l2, SEED + 15);
    }

    private static void checkNoBetterNeighbour(Function<Classification, MaxMargin.Result> solver, long seed) {
        Rng rng = new Rng(seed);
        Classification c = SeparableDesigns.plantedMargin(20, 5, 0.1, rng.split());
        MaxMargin.Result r = solver.apply(c);
        Rng dirs = rng.split();
        int compared = 0;
        for (double size : new double[] {1e-1, 1e-3, 1e-6}) {
            for (int k = 0; k < 200; k++) {
                double[] other = Vec.add(r.direction(), dirs.gaussianVector(5, size));
                assertThat(MarginMeasures.normalizedMargin(other, c, r.norm()),
                        lessThanOrEqualTo(r.margin() + PERTURBATION_TOL));
                compared++;
            }
        }
        assertEquals(600, compared);
    }

    // ---------------------------------------------------------------- identities and bounds

    @Test
    void marginsAreOrderedByTheNormBalls() {
        // {‖w‖₁ ≤ 1} ⊂ {‖w‖₂ ≤ 1} ⊂ {‖w‖∞ ≤ 1} ⊂ √d·{‖w‖₂ ≤ 1}, and {‖w‖₂ ≤ 1} ⊂ √d·{‖w‖₁ ≤ 1}
        int d = 6;
        Classification c = SeparableDesigns.plantedMargin(30, d, 0.1, new Rng(SEED + 16));
        double g1 = MaxMargin.l1(c).margin();
        double g2 = MaxMargin.l2(c).margin();
        double gInf = MaxMargin.lInf(c).margin();
        assertThat(g1, lessThanOrEqualTo(g2 + EXACT_TOL));
        assertThat(g2, lessThanOrEqualTo(gInf + EXACT_TOL));
        assertThat(gInf, lessThanOrEqualTo(Math.sqrt(d) * g2 + EXACT_TOL));
        assertThat(g2, lessThanOrEqualTo(Math.sqrt(d) * g1 + EXACT_TOL));
    }

    @Test
    void maxMarginsAreAtLeastThePlantedDirectionsMargins() {
        double gamma = 0.3;
        Classification c = SeparableDesigns.plantedMargin(50, 5, gamma, new Rng(SEED + 17));
        double[] w = c.planted();
        assertThat(MaxMargin.l2(c).margin(), greaterThanOrEqualTo(gamma - EXACT_TOL));
        assertThat(MaxMargin.lInf(c).margin(), greaterThanOrEqualTo(gamma / Vec.normInf(w) - EXACT_TOL));
        assertThat(MaxMargin.l1(c).margin(), greaterThanOrEqualTo(gamma / Vec.norm1(w) - EXACT_TOL));
    }

    @Test
    void marginScalesWithTheDataAndTheDirectionDoesNot() {
        Classification c = SeparableDesigns.plantedMargin(20, 4, 0.2, new Rng(SEED + 18));
        Classification scaled = new Classification(Ops.scale(3.0, c.x()), c.y());
        for (Function<Classification, MaxMargin.Result> solver : java.util.List.<Function<Classification,
                MaxMargin.Result>>of(MaxMargin::l2, MaxMargin::lInf, MaxMargin::l1)) {
            MaxMargin.Result a = solver.apply(c);
            MaxMargin.Result b = solver.apply(scaled);
            assertThat(a.norm().name(), b.margin(), closeTo(3 * a.margin(), AGREEMENT_TOL));
        }
        assertThat(MarginMeasures.angle(MaxMargin.l2(c).direction(), MaxMargin.l2(scaled).direction()),
                lessThanOrEqualTo(AGREEMENT_TOL));
    }

    @Test
    void resultsAreUnitDirectionsWithTheirMarginOnTheSupport() {
        Classification c = SeparableDesigns.plantedMargin(40, 6, 0.1, new Rng(SEED + 19));
        for (MaxMargin.Result r : java.util.List.of(MaxMargin.l2(c), MaxMargin.l2Dual(c), MaxMargin.lInf(c),
                MaxMargin.l1(c))) {
            assertTrue(r.converged(), r.norm() + " " + r.solverState());
            assertEquals(1.0, r.norm().of(r.direction()), EXACT_TOL);
            assertEquals(r.margin(), MarginMeasures.margin(r.direction(), c), 0.0);
            assertTrue(r.supportIndices().length >= 1);
            double[] margins = MarginMeasures.margins(r.direction(), c, null);
            for (int i : r.supportIndices()) {
                assertThat(margins[i], closeTo(r.margin(), MaxMargin.ACTIVE_RELATIVE_TOL * scale(c, r.norm().dual())));
            }
        }
    }

    @Test
    void largerInstanceOnWhichRawOjalgoFailed() {
        // Regression: on these data ojAlgo 55.0.1's simplex cycled on the max-γ form of the ℓ1 LP,
        // and its QP started cold returned "OPTIMAL" for an infeasible w.
        Classification c = SeparableDesigns.plantedMargin(200, 20, 0.2, new Rng(200));
        MaxMargin.Result l2 = MaxMargin.l2(c);
        MaxMargin.Result l1 = MaxMargin.l1(c);
        assertTrue(l2.converged(), l2.solverState());
        assertTrue(l1.converged(), l1.solverState());
        assertThat(l2.margin(), greaterThanOrEqualTo(0.2 - EXACT_TOL));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void l2RejectsNonSeparableData() {
        checkRejectsXor(MaxMargin::l2, "l2");
    }

    @Test
    void l2DualRejectsNonSeparableData() {
        checkRejectsXor(MaxMargin::l2Dual, "l2Dual");
    }

    @Test
    void lInfRejectsNonSeparableData() {
        checkRejectsXor(MaxMargin::lInf, "lInf");
    }

    @Test
    void l1RejectsNonSeparableData() {
        checkRejectsXor(MaxMargin::l1, "l1");
    }

    @Test
    void rejectsAnEmptyDataSet() {
        // no examples: every direction has "margin" +∞, there is nothing to maximize
        Classification none = new Classification(new Mat(0, 2), new double[0]);
        assertMessage("MaxMargin.l2: no examples", () -> MaxMargin.l2(none));
        assertMessage("MaxMargin.l1: no examples", () -> MaxMargin.l1(none));
    }

    private static void checkRejectsXor(Function<Classification, MaxMargin.Result> solver, String name) {
        Classification xor = SeparableDesigns.xor(20, 0.1, new Rng(SEED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.apply(xor));
        assertThat(e.getMessage(), containsString("MaxMargin." + name + ":"));
        assertThat(e.getMessage(), containsString("not strictly separable"));
    }

    /** S = maxᵢ‖xᵢ‖ in the given norm. */
    private static double scale(Classification c, Norm norm) {
        double s = 0;
        for (int i = 0; i < c.examples(); i++) {
            s = Math.max(s, norm.of(c.input(i)));
        }
        return s;
    }

    /** Z with rows yᵢxᵢ, built here from the data. */
    private static Mat signed(Classification c) {
        Mat z = new Mat(c.examples(), c.dim());
        for (int i = 0; i < c.examples(); i++) {
            double[] zi = Vec.scale(c.label(i), c.input(i));
            System.arraycopy(zi, 0, z.data(), i * c.dim(), c.dim());
        }
        return z;
    }

    @Test
    void kktRefinementReachesTheOptimumFromAWrongActiveSet() {
        // wide data from w = 0: every constraint starts active, so the refinement must drop the ones
        // with negative multipliers (and re-add any it then violates) to reach Hildreth's optimum
        for (long seed = 0; seed < 4; seed++) {
            Classification c = SeparableDesigns.plantedMargin(8, 12, 0.1, new Rng(SEED + 40 + seed));
            double[] optimum = hildreth(c, COORDINATE_ASCENT_SWEEPS);
            double[] w = MaxMargin.refineKkt(signed(c), new double[c.dim()]);
            assertTrue(w != null, "refinement from w = 0 not verified, seed " + seed);
            assertThat(Vec.distance(w, optimum), lessThanOrEqualTo(COORDINATE_ASCENT_TOL * Vec.norm2(optimum)));
            double[] zw = Ops.gemv(signed(c), w, null);
            for (double v : zw) {
                assertThat(v, greaterThanOrEqualTo(1 - MaxMargin.KKT_TOL));
            }
        }
    }

    @Test
    void kktRefinementRefusesAnInconsistentActiveSet() {
        // tall data from w = 0: all 30 constraints active, Zw = 1 has no solution in 4 dimensions
        Classification c = SeparableDesigns.plantedMargin(30, 4, 0.1, new Rng(SEED + 44));
        assertEquals(null, MaxMargin.refineKkt(signed(c), new double[c.dim()]));
        // from the optimum itself it is verified and unchanged
        double[] optimum = hildreth(c, COORDINATE_ASCENT_SWEEPS);
        double[] w = MaxMargin.refineKkt(signed(c), optimum);
        assertTrue(w != null);
        assertThat(Vec.distance(w, optimum), lessThanOrEqualTo(COORDINATE_ASCENT_TOL * Vec.norm2(optimum)));
    }

    /**
     * The refinement must keep going until no constraint is violated, also after its first correction.
     * With Z = I₃ the optimum of min ½‖w‖² s.t. w ≥ 1 is (1, 1, 1), every constraint active. Started
     * from (1, 5, 5) only the first is active: round 0 gives (1, 0, 0) and adds the second; round 1
     * gives (1, 1, 0), whose multipliers are non-negative but which violates the third; round 2 gives
     * the optimum. (The QP's own answer starts it close to the optimum, so the data sets above rarely
     * need more than one round.)
     */
    @Test
    void kktRefinementAddsViolatedConstraintsUntilNoneIsLeft() {
        double[] w = MaxMargin.refineKkt(Mat.identity(3), new double[] {1, 5, 5});
        assertArrayEquals(new double[] {1, 1, 1}, w, 1e-12);
        // a start that makes a constraint active which is slack at the optimum: rows (1, 0) and (2, 1),
        // started from (1, −1) where both equal 1. Solving both as equalities gives w = (1, −1) =
        // 3·(1, 0) − 1·(2, 1): a negative multiplier, so (2, 1) is dropped and the optimum is (1, 0)
        // (where (2, 1)·w = 2 > 1).
        Mat z = Mat.ofRows(new double[] {1, 0}, new double[] {2, 1});
        assertArrayEquals(new double[] {1, 0}, MaxMargin.refineKkt(z, new double[] {1, -1}), 1e-12);
    }
}
