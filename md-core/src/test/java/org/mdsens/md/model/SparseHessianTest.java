package org.mdsens.md.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.model.ModelCases.Case;
import org.mdsens.md.system.ParticleSystem;

/**
 * The assembled Hessian against the matrix-free product of {@link EnergyEvaluator} (which is itself checked
 * against differences of forces), over every potential, 2D and 3D, periodic and open, with and without bonds:
 * equal products to 1e-13 relative, exact annihilation of rigid translations, symmetry, the diagonal blocks as
 * the sums of the pair stiffnesses, the norm bound, and a snapshot that does not follow later moves.
 */
class SparseHessianTest {

    static List<Case> cases() { return ModelCases.all(); }

    private static EnergyEvaluator evaluator(Case c) {
        ParticleSystem s = c.system();
        return new EnergyEvaluator(s, c.model(s), ScalarKernelProvider.INSTANCE, Case.SKIN);
    }

    private static double[] random(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productEqualsMatrixFreeProduct(Case c) {
        EnergyEvaluator ev = evaluator(c);
        SparseHessian h = SparseHessian.assemble(ev);
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 77);
        for (int trial = 0; trial < 3; trial++) {
            double[] v = random(rng, ev.positions().length);
            double[] mf = new double[v.length], sp = new double[v.length];
            ev.hessianProduct(v, mf);
            h.multiply(v, sp);
            double diff = 0;
            for (int q = 0; q < v.length; q++) diff += (mf[q] - sp[q]) * (mf[q] - sp[q]);
            assertTrue(Math.sqrt(diff) <= 1e-13 * Math.max(norm(mf), 1e-300) || norm(mf) == 0,
                    "|H_sparse v − H v|/|H v| = " + Math.sqrt(diff) / norm(mf));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void annihilatesTranslationsAndIsSymmetricWithDiagonalSums(Case c) {
        EnergyEvaluator ev = evaluator(c);
        SparseHessian h = SparseHessian.assemble(ev);
        int d = h.dimension(), n = h.size(), s = SparseHessian.packedSize(d);
        double[] out = new double[d * n];
        for (int a = 0; a < d; a++) {
            double[] t = new double[d * n];
            for (int i = 0; i < n; i++) t[d * i + a] = 1.0;
            h.multiply(t, out);
            for (double x : out) assertEquals(0.0, x, 0.0, "H t must be exactly 0 for a translation");
        }
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 78);
        double[] u = random(rng, d * n), v = random(rng, d * n), hu = new double[d * n], hv = new double[d * n];
        h.multiply(u, hu);
        h.multiply(v, hv);
        assertEquals(dot(u, hv), dot(v, hu), 1e-12 * norm(u) * norm(hv) + 1e-300, "u.Hv = v.Hu");
        // D_i = Σ K_e over the pairs of i, read back as the block H_ii through e_i products
        double[] diag = h.diagonal(), k = h.stiffness();
        int[] off = h.offsets(), col = h.columns();
        double[] sum = new double[s * n];
        for (int i = 0; i < n; i++) {
            for (int e = off[i]; e < off[i + 1]; e++) {
                assertTrue(col[e] > i && (e == off[i] || col[e] > col[e - 1]), "columns above the row, ascending");
                for (int t = 0; t < s; t++) {
                    sum[s * i + t] += k[s * e + t];
                    sum[s * col[e] + t] += k[s * e + t];
                }
            }
        }
        for (int q = 0; q < sum.length; q++) assertEquals(sum[q], diag[q], 1e-13 * (1 + Math.abs(sum[q])));
        double[] unit = new double[d * n];
        int i = n / 2;
        unit[d * i] = 1.0;
        h.multiply(unit, out);
        assertEquals(diag[s * i], out[d * i], 1e-13 * (1 + Math.abs(diag[s * i])), "H_ii[0][0]");
        // ‖H‖ ≤ bound: the Rayleigh quotient of any vector stays below it
        assertTrue(Math.abs(dot(u, hu)) <= h.normBound() * dot(u, u) * (1 + 1e-12), "Rayleigh quotient within the bound");
    }

    @Test
    void vectorKernelsGiveTheSameMatrixToRoundOffSeed5() {
        Case c = new Case(ModelCases.potentials().get(2), 2, true, true, 5);
        ParticleSystem s = c.system();
        EnergyModel model = c.model(s);
        EnergyEvaluator scalar = new EnergyEvaluator(s, model, ScalarKernelProvider.INSTANCE, Case.SKIN);
        EnergyEvaluator auto = new EnergyEvaluator(s.copy(), model, Kernels.select(KernelChoice.AUTO), Case.SKIN);
        SparseHessian a = SparseHessian.assemble(scalar), b = SparseHessian.assemble(auto);
        assertEquals(a.pairCount(), b.pairCount());
        double[] ka = a.stiffness(), kb = b.stiffness();
        for (int q = 0; q < ka.length; q++) assertEquals(ka[q], kb[q], 0.0, "assembly does not depend on the kernel");
    }

    @Test
    void snapshotDoesNotFollowMovesAndValidatesSeed9() {
        Case c = new Case(ModelCases.potentials().get(0), 3, true, false, 9);
        EnergyEvaluator ev = evaluator(c);
        SparseHessian h = SparseHessian.assemble(ev);
        double[] v = random(TestSystems.rng(9), ev.positions().length);
        double[] before = new double[v.length], after = new double[v.length];
        h.multiply(v, before);
        double[] x = ev.positions();
        for (int q = 0; q < x.length; q++) x[q] += 1e-3 * v[q];
        h.multiply(v, after);
        for (int q = 0; q < v.length; q++) assertEquals(before[q], after[q], 0.0);
        assertTrue(h.bytes() > 0 && h.pairCount() > 0);
        assertThrows(IllegalArgumentException.class, () -> h.multiply(v, v));
        assertThrows(IllegalArgumentException.class, () -> h.multiply(new double[3], new double[3]));
    }
}
