package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * IC(1), the incomplete Cholesky with one level of fill: exact where the level-1 pattern holds the whole Cholesky
 * fill (an arrow matrix, where IC(0) is not), the padded b = 2 sweeps and the fused two-level application equal to
 * the separate passes with it, and fewer CG iterations than IC(0) on a singular 2D spring network with the same
 * solution.
 */
class IncompleteCholeskyFillTest {

    private static final SolverConfig TIGHT = SolverConfig.defaults().withRelativeTolerance(1e-10).withMaxIterations(20_000);

    /**
     * An SPD arrow matrix in blocks: block 0 couples to every other block, the others only to themselves, so the
     * Cholesky factor fills every pair (j, l), all of level 1.
     */
    private static RealMatrix arrow(UniformRandomProvider rng, int blocks, int b) {
        int n = blocks * b;
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        for (int j = 1; j < blocks; j++) {
            for (int r = 0; r < b; r++) {
                for (int c = 0; c < b; c++) {
                    double v = rng.nextDouble() - 0.5;
                    a.setEntry(r, b * j + c, v);
                    a.setEntry(b * j + c, r, v);
                }
            }
        }
        for (int i = 0; i < n; i++) a.setEntry(i, i, i < b ? blocks * b : 2.0 + rng.nextDouble());
        for (int j = 1; j < blocks; j++) {   // a small symmetric coupling inside each block
            for (int r = 0; r + 1 < b; r++) {
                a.setEntry(b * j + r, b * j + r + 1, 0.1);
                a.setEntry(b * j + r + 1, b * j + r, 0.1);
            }
        }
        return a;
    }

    /** The block pattern of a: upper blocks that hold a nonzero. */
    private static SymmetricBlockMatrix sparse(RealMatrix a, int b) {
        int n = a.getRowDimension() / b;
        int[] offsets = new int[n + 1];
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<double[]> blocks = new java.util.ArrayList<>();
        double[] diagonal = new double[b * b * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] blk = new double[b * b];
                boolean any = false;
                for (int r = 0; r < b; r++) {
                    for (int c = 0; c < b; c++) {
                        blk[r * b + c] = a.getEntry(b * i + r, b * j + c);
                        any |= blk[r * b + c] != 0;
                    }
                }
                if (any) {
                    cols.add(j);
                    blocks.add(blk);
                }
            }
            offsets[i + 1] = cols.size();
            for (int r = 0; r < b; r++) for (int c = 0; c < b; c++) diagonal[b * b * i + r * b + c] = a.getEntry(b * i + r, b * i + c);
        }
        int[] columns = new int[cols.size()];
        double[] upper = new double[b * b * cols.size()];
        for (int e = 0; e < columns.length; e++) {
            columns[e] = cols.get(e);
            System.arraycopy(blocks.get(e), 0, upper, b * b * e, b * b);
        }
        return new SymmetricBlockMatrix(b, offsets, columns, upper, diagonal);
    }

    private static double[] apply(Preconditioner p, double[] r) {
        double[] z = new double[r.length];
        p.apply(r, z);
        return z;
    }

    @Test
    void levelOneFillIsExactOnAnArrowMatrixWhereLevelZeroIsNotSeed51() {
        UniformRandomProvider rng = TestMatrices.rng(51);
        for (int b : new int[] {1, 2, 3}) {
            RealMatrix a = arrow(rng, 9, b);
            double[] r = TestMatrices.randomVector(rng, a.getRowDimension());
            double[] exact = TestMatrices.luSolve(a, r);
            SymmetricBlockMatrix m = sparse(a, b);
            IncompleteCholeskyPreconditioner ic1 = new IncompleteCholeskyPreconditioner(m,
                    IncompleteCholeskyPreconditioner.Ordering.NATURAL, 0.0, 1);
            IncompleteCholeskyPreconditioner ic0 = new IncompleteCholeskyPreconditioner(m,
                    IncompleteCholeskyPreconditioner.Ordering.NATURAL);
            assertEquals(1, ic1.fillLevel());
            assertEquals("IC(1)", ic1.name());
            assertEquals("IC(0)", ic0.name());
            double e1 = TestMatrices.relativeError(apply(ic1, r), exact);
            double e0 = TestMatrices.relativeError(apply(ic0, r), exact);
            assertTrue(e1 < 1e-12, "b=" + b + ": IC(1) error " + e1);
            assertTrue(e0 > 1e-3, "b=" + b + ": IC(0) error " + e0);
        }
    }

    @Test
    void fillLevelOutsideZeroAndOneIsRejected() {
        SpringNetworks.Network net = SpringNetworks.network(52, 4, 0.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> new IncompleteCholeskyPreconditioner(net.matrix(),
                IncompleteCholeskyPreconditioner.Ordering.NATURAL, 0.0, 2));
    }

    @Test
    void fusedTwoLevelWithLevelOneFillEqualsSeparatePassesSeed53() {
        SpringNetworks.Network net = SpringNetworks.network(53, 20, -0.05, 0.0);
        double[] nns = new double[3 * net.order()];
        int[] agg = SpringNetworks.aggregates(net, 5, nns);
        TwoLevelPreconditioner fused = new TwoLevelPreconditioner(net.matrix(), net.projectedOperator(), ic1(net), agg,
                nns, 3, net.translations(), TwoLevelPreconditioner.Mode.ADDITIVE, false);
        TwoLevelPreconditioner separate = new TwoLevelPreconditioner(net.matrix(), net.projectedOperator(), ic1(net),
                agg, nns, 3, net.translations(), TwoLevelPreconditioner.Mode.ADDITIVE, false).withoutFusion();
        assertTrue(fused.fused());
        assertFalse(separate.fused());
        UniformRandomProvider rng = TestMatrices.rng(53);
        for (int t = 0; t < 3; t++) {
            double[] r = TestMatrices.randomVector(rng, net.order());
            double err = TestMatrices.relativeError(apply(fused, r), apply(separate, r));
            assertTrue(err < 1e-13, "fused vs separate: " + err);
        }
    }

    @Test
    void fusedSweepsWithAZeroCoarseSpaceEqualThePlainSweepsBitForBitSeed57() {
        // the fused sweeps of the two-level preconditioner (for IC(1): the rows written into the loops) with P = 0
        // must give the plain sweeps (the row kernels) exactly: adding zero products changes no bit
        SpringNetworks.Network net = SpringNetworks.network(57, 20, -0.05, 0.0);
        UniformRandomProvider rng = TestMatrices.rng(57);
        for (int level = 0; level <= 1; level++) {
            IncompleteCholeskyPreconditioner ic = new IncompleteCholeskyPreconditioner(net.matrix(),
                    IncompleteCholeskyPreconditioner.Ordering.REVERSE_CUTHILL_MCKEE, 0.0, level);
            int n = ic.blockCount();
            for (int t = 0; t < 3; t++) {
                double[] r = TestMatrices.randomVector(rng, net.order());
                double[] plain = apply(ic, r);
                double[] fused = new double[r.length];
                ic.applyWithCoarse2(r, fused, null, new int[n], new double[6 * n], new double[3], y -> { });
                org.junit.jupiter.api.Assertions.assertArrayEquals(plain, fused, "IC(" + level + ")");
            }
        }
    }

    private static IncompleteCholeskyPreconditioner ic1(SpringNetworks.Network net) {
        return new IncompleteCholeskyPreconditioner(net.matrix(), IncompleteCholeskyPreconditioner.Ordering.REVERSE_CUTHILL_MCKEE,
                0.0, 1);
    }

    @Test
    void levelOneFillNeedsFewerIterationsForTheSameSolutionOnTheSingularNetworkSeed54() {
        SpringNetworks.Network net = SpringNetworks.network(54, 24, -0.05, 0.0);
        Projector proj = net.projector();
        Preconditioner p0 = Preconditioner.projected(new IncompleteCholeskyPreconditioner(net.matrix()), proj);
        Preconditioner p1 = Preconditioner.projected(ic1(net), proj);
        // symmetric and positive on range(P)
        UniformRandomProvider rng = TestMatrices.rng(54);
        for (int t = 0; t < 3; t++) {
            double[] u = TestMatrices.randomVector(rng, net.order()), v = TestMatrices.randomVector(rng, net.order());
            proj.project(u);
            proj.project(v);
            double uv = TestMatrices.dot(u, apply(p1, v)), vu = TestMatrices.dot(v, apply(p1, u));
            assertEquals(uv, vu, 1e-12 * (Math.abs(uv) + Math.abs(vu)));
            assertTrue(TestMatrices.dot(u, apply(p1, u)) > 0);
        }
        double[] b = TestMatrices.randomVector(rng, net.order());
        proj.project(b);
        ConjugateGradientSolver cg = new ConjugateGradientSolver(TIGHT);
        SolveResult with0 = cg.solve(net.projectedOperator(), b, null, p0);
        SolveResult with1 = cg.solve(net.projectedOperator(), b, null, p1);
        assertTrue(with0.converged() && with1.converged());
        double[] x0 = with0.x(), x1 = with1.x();
        proj.project(x0);
        proj.project(x1);
        assertTrue(TestMatrices.relativeError(x1, x0) < 1e-7, "IC(1) vs IC(0) solution");
        assertTrue(with1.iterations() < with0.iterations(), with1.iterations() + " vs " + with0.iterations());
    }
}
