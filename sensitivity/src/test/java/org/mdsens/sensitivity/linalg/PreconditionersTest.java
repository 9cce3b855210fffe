package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The block matrix and the preconditioners: exactness where the method is exact (block-Jacobi on a block-diagonal
 * matrix, IC(0) on a full pattern), symmetry and positivity of M⁻¹, the shifted retry of IC(0) on breakdown and the
 * failure when no shift helps, and preconditioned Krylov solves that agree with unpreconditioned ones in fewer
 * iterations, on seeded spring networks (the block model of a particle Hessian, also with tensile pairs and with its
 * translational null space).
 */
class PreconditionersTest {

    private static final SolverConfig TIGHT = SolverConfig.defaults().withRelativeTolerance(1e-10).withMaxIterations(20_000);

    /** A dense SPD matrix as a block matrix with every upper block present. */
    private static SymmetricBlockMatrix full(RealMatrix a, int b) {
        int n = a.getRowDimension() / b;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (n - 1 - i);
        int[] columns = new int[offsets[n]];
        double[] upper = new double[b * b * offsets[n]];
        double[] diagonal = new double[b * b * n];
        for (int i = 0; i < n; i++) {
            int e = offsets[i];
            for (int j = i + 1; j < n; j++, e++) {
                columns[e] = j;
                for (int r = 0; r < b; r++) for (int c = 0; c < b; c++) upper[b * b * e + r * b + c] = a.getEntry(b * i + r, b * j + c);
            }
            for (int r = 0; r < b; r++) for (int c = 0; c < b; c++) diagonal[b * b * i + r * b + c] = a.getEntry(b * i + r, b * i + c);
        }
        return new SymmetricBlockMatrix(b, offsets, columns, upper, diagonal);
    }

    private static double[] apply(Preconditioner p, double[] r) {
        double[] z = new double[r.length];
        p.apply(r, z);
        return z;
    }

    /** uᵀM⁻¹v = vᵀM⁻¹u and rᵀM⁻¹r > 0 on random vectors (in range(P) when a projector is given). */
    private static void assertSymmetricPositive(Preconditioner p, int n, long seed, Projector projector) {
        UniformRandomProvider rng = TestMatrices.rng(seed);
        for (int trial = 0; trial < 3; trial++) {
            double[] u = TestMatrices.randomVector(rng, n), v = TestMatrices.randomVector(rng, n);
            if (projector != null) {
                projector.project(u);
                projector.project(v);
            }
            double[] mu = apply(p, u), mv = apply(p, v);
            double uv = TestMatrices.dot(u, mv), vu = TestMatrices.dot(v, mu);
            assertEquals(uv, vu, 1e-10 * TestMatrices.norm(u) * TestMatrices.norm(mv), p.name() + " symmetric");
            assertTrue(TestMatrices.dot(u, mu) > 0, p.name() + " positive");
        }
    }

    @Test
    void blockMatrixMultiplyMatchesDenseAndValidatesSeed41() {
        SpringNetworks.Network net = SpringNetworks.network(41, 6, -0.1, 0.0);
        double[] v = TestMatrices.randomVector(TestMatrices.rng(41), net.order());
        double[] out = new double[v.length];
        net.matrix().multiply(v, out);
        assertTrue(TestMatrices.relativeError(out, net.dense().operate(v)) < 1e-14);
        assertEquals(72, net.order());
        assertThrows(IllegalArgumentException.class,
                () -> new SymmetricBlockMatrix(1, new int[] {0, 1, 1}, new int[] {0}, new double[] {1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SymmetricBlockMatrix(2, new int[] {0, 0}, new int[0], new double[0], new double[] {1, 2, 3, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SymmetricBlockMatrix(1, new int[] {0, 1, 1}, new int[] {1}, new double[] {1}, new double[] {1}));
    }

    @Test
    void incompleteCholeskyOfAFullPatternIsExactInBothOrdersSeed42() {
        UniformRandomProvider rng = TestMatrices.rng(42);
        RealMatrix q = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(24, 0.1, 10));
        RealMatrix a = q.add(q.transpose()).scalarMultiply(0.5);
        double[] r = TestMatrices.randomVector(rng, 24);
        double[] exact = TestMatrices.luSolve(a, r);
        for (IncompleteCholeskyPreconditioner.Ordering o : IncompleteCholeskyPreconditioner.Ordering.values()) {
            for (int b : new int[] {1, 2, 3}) {
                IncompleteCholeskyPreconditioner ic = new IncompleteCholeskyPreconditioner(full(a, b), o);
                assertEquals(1, ic.attempts(), o + " b=" + b);
                assertEquals(0.0, ic.shift());
                assertTrue(TestMatrices.relativeError(apply(ic, r), exact) < 1e-10, o + " b=" + b);
            }
        }
    }

    @Test
    void blockJacobiIsExactOnABlockDiagonalMatrixAndShiftsIndefiniteBlocks() {
        double[] diag = {4, 1, 1, 3, 2, 0, 0, 5};
        SymmetricBlockMatrix m = new SymmetricBlockMatrix(2, new int[] {0, 0, 0}, new int[0], new double[0], diag);
        BlockJacobiPreconditioner bj = new BlockJacobiPreconditioner(m);
        assertEquals(0, bj.shiftedBlocks());
        double[] z = apply(bj, new double[] {1, 0, 0, 1});
        // [[4,1],[1,3]]⁻¹ e_1 = [3, −1]/11, [[2,0],[0,5]]⁻¹ e_2 = [0, 1/5]
        assertEquals(3.0 / 11, z[0], 1e-15);
        assertEquals(-1.0 / 11, z[1], 1e-15);
        assertEquals(0.2, z[3], 1e-15);
        SymmetricBlockMatrix indefinite = new SymmetricBlockMatrix(2, new int[] {0, 0}, new int[0], new double[0],
                new double[] {1, 2, 2, 1});
        BlockJacobiPreconditioner shifted = new BlockJacobiPreconditioner(indefinite);
        assertEquals(1, shifted.shiftedBlocks());
        assertSymmetricPositive(shifted, 2, 1, null);
        DiagonalPreconditioner d = DiagonalPreconditioner.of(m);
        assertEquals(0.25, apply(d, new double[] {1, 0, 0, 0})[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> new DiagonalPreconditioner(new double[] {1, 0}));
    }

    @Test
    void incompleteCholeskyBreakdownIsShiftedAwayOrReported() {
        // tridiagonal (−0.9, 1, −0.9): indefinite, IC(0) = Cholesky meets a negative pivot; a shift α ≥ 0.8 fixes it
        int n = 40;
        int[] offsets = new int[n + 1], columns = new int[n - 1];
        double[] upper = new double[n - 1], diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = 1;
            offsets[i + 1] = offsets[i] + (i < n - 1 ? 1 : 0);
            if (i < n - 1) {
                columns[i] = i + 1;
                upper[i] = -0.9;
            }
        }
        SymmetricBlockMatrix m = new SymmetricBlockMatrix(1, offsets, columns, upper, diagonal);
        IncompleteCholeskyPreconditioner ic = new IncompleteCholeskyPreconditioner(m,
                IncompleteCholeskyPreconditioner.Ordering.NATURAL);
        assertTrue(ic.attempts() > 1, "attempts " + ic.attempts());
        assertTrue(ic.shift() >= 0.8 && ic.shift() <= 0.8 * IncompleteCholeskyPreconditioner.SHIFT_GROWTH, "shift " + ic.shift());
        assertSymmetricPositive(ic, n, 2, null);
        // a zero diagonal stays zero under A + α·diag(A): every attempt breaks down
        double[] zero = diagonal.clone();
        zero[7] = 0;
        SymmetricBlockMatrix hopeless = new SymmetricBlockMatrix(1, offsets, columns, upper, zero);
        assertThrows(IllegalStateException.class, () -> new IncompleteCholeskyPreconditioner(hopeless));
        assertEquals(PreconditionerKind.BLOCK_JACOBI.create(hopeless).name(), "block-Jacobi");
    }

    @ParameterizedTest
    @EnumSource(PreconditionerKind.class)
    void everyKindGivesTheUnpreconditionedSolutionInFewerIterationsSeed43(PreconditionerKind kind) {
        SpringNetworks.Network net = SpringNetworks.network(43, 12, -0.05, 1e-3);
        if (kind == PreconditionerKind.TWO_LEVEL) {
            assertThrows(UnsupportedOperationException.class, () -> kind.create(net.matrix()));
            return;
        }
        Preconditioner p = kind.create(net.matrix());
        if (kind == PreconditionerKind.NONE) {
            assertNull(p);
            return;
        }
        assertSymmetricPositive(p, net.order(), 3, null);
        double[] b = TestMatrices.randomVector(TestMatrices.rng(43), net.order());
        double[] exact = TestMatrices.luSolve(net.dense(), b);
        for (Function<SolverConfig, LinearSolver> f : java.util.List.<Function<SolverConfig, LinearSolver>>of(
                ConjugateGradientSolver::new, MinresSolver::new, GmresSolver::new)) {
            LinearSolver solver = f.apply(TIGHT);
            SolveResult plain = solver.solve(net.operator(), b, null);
            SolveResult pre = solver.solve(net.operator(), b, null, p);
            assertTrue(plain.converged() && pre.converged(), solver.name() + " " + plain + " " + pre);
            assertTrue(TestMatrices.relativeError(pre.x(), exact) < 1e-7, solver.name() + " " + kind);
            if (kind == PreconditionerKind.INCOMPLETE_CHOLESKY) {
                assertTrue(pre.iterations() < plain.iterations(), solver.name() + " " + kind + ": " + pre.iterations()
                        + " vs " + plain.iterations());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PreconditionerKind.class, names = {"JACOBI", "BLOCK_JACOBI", "INCOMPLETE_CHOLESKY"})
    void diagonalScalingIsUndoneByEveryPreconditionerSeed46(PreconditionerKind kind) {
        // D A D with D log-uniform over four decades: plain CG suffers, every preconditioner removes the scaling
        SpringNetworks.Network net = SpringNetworks.network(46, 10, 0.0, 1e-2);
        UniformRandomProvider rng = TestMatrices.rng(46);
        int n = net.order() / 2;
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = Math.pow(10, 4 * rng.nextDouble() - 2);
        SymmetricBlockMatrix a = net.matrix();
        double[] up = a.upperRef().clone(), diag = a.diagonalRef().clone();
        int[] off = a.offsetsRef(), col = a.columnsRef();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < 4; q++) diag[4 * i + q] *= scale[i] * scale[i];
            for (int e = off[i]; e < off[i + 1]; e++) for (int q = 0; q < 4; q++) up[4 * e + q] *= scale[i] * scale[col[e]];
        }
        SymmetricBlockMatrix scaled = new SymmetricBlockMatrix(2, off, col, up, diag);
        ArrayOperator op = new ArrayOperator() {
            @Override public void apply(double[] v, double[] out) { scaled.multiply(v, out); }

            @Override public int getRowDimension() { return scaled.order(); }
        };
        double[] b = TestMatrices.randomVector(rng, scaled.order());
        ConjugateGradientSolver cg = new ConjugateGradientSolver(TIGHT);
        SolveResult plain = cg.solve(op, b, null), pre = cg.solve(op, b, null, kind.create(scaled));
        assertTrue(plain.converged() && pre.converged());
        assertTrue(TestMatrices.relativeError(pre.x(), plain.x()) < 1e-6);
        assertTrue(2 * pre.iterations() < plain.iterations(), kind + ": " + pre.iterations() + " vs " + plain.iterations());
    }

    static java.util.List<org.junit.jupiter.params.provider.Arguments> twoLevelVariants() {
        java.util.List<org.junit.jupiter.params.provider.Arguments> list = new java.util.ArrayList<>();
        for (TwoLevelPreconditioner.Mode m : TwoLevelPreconditioner.Mode.values()) {
            for (boolean smooth : new boolean[] {false, true}) list.add(org.junit.jupiter.params.provider.Arguments.of(m, smooth));
        }
        return list;
    }

    @ParameterizedTest(name = "{0} smoothed={1}")
    @org.junit.jupiter.params.provider.MethodSource("twoLevelVariants")
    void twoLevelOnTheSingularNetworkSeed44(TwoLevelPreconditioner.Mode mode, boolean smooth) {
        // tensile pairs and the translational null space, as in a compressed packing; CG on P A P
        SpringNetworks.Network net = SpringNetworks.network(44, 24, -0.05, 0.0);
        Projector proj = net.projector();
        IncompleteCholeskyPreconditioner ic = new IncompleteCholeskyPreconditioner(net.matrix());
        double[] nns = new double[3 * net.order()];
        int[] agg = SpringNetworks.aggregates(net, 6, nns);
        TwoLevelPreconditioner two = new TwoLevelPreconditioner(net.matrix(), net.projectedOperator(), ic, agg, nns, 3,
                net.translations(), mode, smooth);
        assertEquals(smooth, two.smoothed());
        assertEquals(108, two.coarseDimension());
        assertTrue(mode == TwoLevelPreconditioner.Mode.ADDITIVE ? two.damping() == 1.0 : two.damping() > 0 && two.damping() <= 1);
        Preconditioner p2 = Preconditioner.projected(two, proj), p1 = Preconditioner.projected(ic, proj);
        assertSymmetricPositive(p2, net.order(), 4, proj);
        double[] b = TestMatrices.randomVector(TestMatrices.rng(44), net.order());
        proj.project(b);
        ConjugateGradientSolver cg = new ConjugateGradientSolver(TIGHT);
        SolveResult plain = cg.solve(net.projectedOperator(), b, null);
        SolveResult withIc = cg.solve(net.projectedOperator(), b, null, p1);
        SolveResult withTwo = cg.solve(net.projectedOperator(), b, null, p2);
        assertTrue(plain.converged() && withIc.converged() && withTwo.converged());
        double[] x0 = plain.x(), x2 = withTwo.x();
        proj.project(x0);
        proj.project(x2);
        assertTrue(TestMatrices.relativeError(x2, x0) < 1e-7, "two-level vs plain");
        assertTrue(withTwo.iterations() < withIc.iterations() && withIc.iterations() < plain.iterations(),
                plain.iterations() + " > " + withIc.iterations() + " > " + withTwo.iterations());
    }

    @ParameterizedTest(name = "smoothed={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void fusedTwoLevelEqualsSeparatePassesSeed46(boolean smooth) {
        // the additive IC(0) + coarse application fused into the sweeps (restriction forward, prolongation backward)
        // is the same operator as smoother, restriction, coarse solve and prolongation run one after another
        SpringNetworks.Network net = SpringNetworks.network(46, 20, -0.05, 0.0);
        double[] nns = new double[3 * net.order()];
        int[] agg = SpringNetworks.aggregates(net, 5, nns);
        TwoLevelPreconditioner fused = new TwoLevelPreconditioner(net.matrix(), net.projectedOperator(),
                new IncompleteCholeskyPreconditioner(net.matrix()), agg, nns, 3, net.translations(),
                TwoLevelPreconditioner.Mode.ADDITIVE, smooth);
        TwoLevelPreconditioner separate = new TwoLevelPreconditioner(net.matrix(), net.projectedOperator(),
                new IncompleteCholeskyPreconditioner(net.matrix()), agg, nns, 3, net.translations(),
                TwoLevelPreconditioner.Mode.ADDITIVE, smooth).withoutFusion();
        assertTrue(fused.fused());
        assertFalse(separate.fused());
        UniformRandomProvider rng = TestMatrices.rng(46);
        for (int t = 0; t < 3; t++) {
            double[] r = TestMatrices.randomVector(rng, net.order());
            double[] a = new double[r.length], b = new double[r.length];
            fused.apply(r, a);
            separate.apply(r, b);
            assertTrue(TestMatrices.relativeError(a, b) < 1e-13, "fused vs separate: " + TestMatrices.relativeError(a, b));
        }
        assertSymmetricPositive(Preconditioner.projected(fused, net.projector()), net.order(), 4, net.projector());
    }

    @Test
    void preconditionerAndJacobiDiagonalTogetherAreMisuse() {
        SpringNetworks.Network net = SpringNetworks.network(45, 4, 0.0, 1.0);
        Preconditioner p = new BlockJacobiPreconditioner(net.matrix());
        double[] diag = new double[net.order()];
        java.util.Arrays.fill(diag, 1.0);
        LinearSolver cg = new ConjugateGradientSolver(TIGHT.withJacobiDiagonal(diag));
        assertThrows(IllegalArgumentException.class, () -> cg.solve(net.operator(), new double[net.order()], null, p));
        RealMatrix eye = MatrixUtils.createRealIdentityMatrix(2);
        assertEquals(0, new ConjugateGradientSolver(TIGHT).solve(MatrixFreeOperator.dense(eye), new double[2], null, p)
                .iterations());
    }
}
