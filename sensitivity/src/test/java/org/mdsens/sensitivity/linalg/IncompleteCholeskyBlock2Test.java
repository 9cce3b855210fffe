package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The written-out 2×2 factorization of {@link IncompleteCholeskyPreconditioner} against the generic block loops: the
 * same bits in every factor and every application, for IC(0) and IC(1), both orderings, plain and relaxed, on spring
 * networks with tensile pairs (non-M-matrices) and on a singular one where the factorization breaks down and
 * restarts with a diagonal shift (and, where every shift fails, both throw).
 */
class IncompleteCholeskyBlock2Test {

    @Test
    void writtenOutFactorizationEqualsTheGenericLoopsBitForBitSeed61() {
        int shifted = 0, failed = 0;
        for (double[] network : new double[][] {{61, 12, -0.05, 0.0}, {62, 9, -0.3, 0.0}, {63, 10, 0.2, 1e-3}, {64, 8, -0.4, 0.0}}) {
            SpringNetworks.Network net = SpringNetworks.network((long) network[0], (int) network[1], network[2], network[3]);
            for (IncompleteCholeskyPreconditioner.Ordering ordering : IncompleteCholeskyPreconditioner.Ordering.values()) {
                for (int level = 0; level <= 1; level++) {
                    final int fill = level;
                    for (double relaxation : new double[] {0.0, 0.4}) {
                        String what = "network " + (long) network[0] + ", " + ordering + ", IC(" + fill + "), relaxation "
                                + relaxation;
                        IncompleteCholeskyPreconditioner generic;
                        try {
                            generic = new IncompleteCholeskyPreconditioner(net.matrix(), ordering, relaxation, fill, true);
                        } catch (IllegalStateException e) {
                            failed++;
                            assertThrows(IllegalStateException.class, () -> new IncompleteCholeskyPreconditioner(
                                    net.matrix(), ordering, relaxation, fill, false), what);
                            continue;
                        }
                        IncompleteCholeskyPreconditioner two = new IncompleteCholeskyPreconditioner(net.matrix(), ordering,
                                relaxation, fill, false);
                        assertEquals(generic.attempts(), two.attempts(), what);
                        assertEquals(generic.shift(), two.shift(), what);
                        if (two.attempts() > 1) shifted++;
                        double[][] a = two.factors2(), b = generic.factors2();
                        for (int q = 0; q < a.length; q++) assertArrayEquals(b[q], a[q], what + ", factor array " + q);
                        UniformRandomProvider rng = TestMatrices.rng(61);
                        double[] r = TestMatrices.randomVector(rng, net.order());
                        double[] z1 = new double[r.length], z2 = new double[r.length];
                        two.apply(r, z1);
                        generic.apply(r, z2);
                        assertArrayEquals(z2, z1, what);
                    }
                }
            }
        }
        assertTrue(shifted > 0, "no case exercised the shifted restart");
        assertTrue(failed < 16, "too few cases factored: " + failed + " failed");
    }
}
