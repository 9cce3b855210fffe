package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 2D unsmoothed coarse matrix E = ZᵀAZ built directly from the stored blocks ({@code tentativeGalerkin2}, the
 * path every unsmoothed b = 2, r = 3 two-level preconditioner takes) against the generic {@code galerkin} over the
 * full adjacency, on small seeded random 2D block matrices with a few aggregates and random near-null-space vectors.
 */
class TentativeGalerkinTest {

    /** A random sparse symmetric 2×2-block matrix, block-diagonally dominant (so positive definite). */
    private static SymmetricBlockMatrix randomBlockMatrix(UniformRandomProvider rng, int n, double density) {
        int[] offsets = new int[n + 1];
        int[] columns = new int[n * n];
        double[] upper = new double[4 * n * n];
        double[] rowSum = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rng.nextDouble() >= density) continue;
                columns[m] = j;
                for (int q = 0; q < 4; q++) {
                    double v = 2 * rng.nextDouble() - 1;
                    upper[4 * m + q] = v;
                    rowSum[i] += Math.abs(v);
                    rowSum[j] += Math.abs(v);
                }
                m++;
            }
            offsets[i + 1] = m;
        }
        double[] diagonal = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double off = 2 * rng.nextDouble() - 1;
            diagonal[4 * i] = rowSum[i] + Math.abs(off) + 1 + rng.nextDouble();
            diagonal[4 * i + 1] = off;
            diagonal[4 * i + 2] = off;
            diagonal[4 * i + 3] = rowSum[i] + Math.abs(off) + 1 + rng.nextDouble();
        }
        return new SymmetricBlockMatrix(2, offsets, java.util.Arrays.copyOf(columns, m),
                java.util.Arrays.copyOf(upper, 4 * m), diagonal);
    }

    /** Every block row in one of {@code count} aggregates, each non-empty, in shuffled order. */
    private static int[] randomAggregates(UniformRandomProvider rng, int n, int count) {
        int[] agg = new int[n];
        for (int i = 0; i < n; i++) agg[i] = i % count;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = agg[i];
            agg[i] = agg[j];
            agg[j] = t;
        }
        return agg;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {71, 72, 73})
    void tentativeCoarseMatrixEqualsGenericGalerkinSeed7x(long seed) {
        UniformRandomProvider rng = TestMatrices.rng(seed);
        int n = 30, aggregates = 5;
        SymmetricBlockMatrix a = randomBlockMatrix(rng, n, 0.25);
        int[] agg = randomAggregates(rng, n, aggregates);
        double[] nns = TestMatrices.randomVector(rng, 6 * n);
        TwoLevelPreconditioner two = new TwoLevelPreconditioner(a, null, new BlockJacobiPreconditioner(a), agg, nns, 3,
                new double[0][], TwoLevelPreconditioner.Mode.ADDITIVE);
        assertEquals(3 * aggregates, two.coarseDimension());
        double[][] both = two.tentativeCoarseMatricesBothWays(a);
        double[] tentative = both[0], generic = both[1];
        assertEquals(generic.length, tentative.length);
        assertTrue(TestMatrices.norm(generic) > 1, "E must not vanish: " + TestMatrices.norm(generic));
        double error = TestMatrices.relativeError(tentative, generic);
        assertTrue(error < 1e-13, "tentative vs generic Galerkin: relative error " + error);
        // Z has orthonormal columns and A ≥ I (block-diagonally dominant, diagonal margin ≥ 1): diag(E) ≥ 1
        int k = two.coarseDimension();
        for (int p = 0; p < k; p++) {
            assertTrue(tentative[p * k + p] >= 1 - 1e-12, "E_pp = " + tentative[p * k + p] + " at " + p);
            for (int q = 0; q < p; q++) assertEquals(tentative[p * k + q], tentative[q * k + p], 0.0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {74})
    void bothWaysIsOnlyForTheTentative2DCaseSeed74(long seed) {
        UniformRandomProvider rng = TestMatrices.rng(seed);
        int n = 12;
        SymmetricBlockMatrix a = randomBlockMatrix(rng, n, 0.3);
        int[] agg = randomAggregates(rng, n, 3);
        double[] nns = TestMatrices.randomVector(rng, 6 * n);
        TwoLevelPreconditioner smoothed = new TwoLevelPreconditioner(a, null, new BlockJacobiPreconditioner(a), agg, nns, 3,
                new double[0][], TwoLevelPreconditioner.Mode.ADDITIVE, true);
        assertThrows(IllegalStateException.class, () -> smoothed.tentativeCoarseMatricesBothWays(a));
    }
}
