package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.SparseHessian;
import org.mdsens.sensitivity.linalg.ArrayOperator;
import org.mdsens.sensitivity.linalg.ConjugateGradientSolver;
import org.mdsens.sensitivity.linalg.Preconditioner;
import org.mdsens.sensitivity.linalg.PreconditionerKind;
import org.mdsens.sensitivity.linalg.SolveResult;
import org.mdsens.sensitivity.linalg.SolverConfig;

/**
 * {@link ProjectedHessian} with the assembled Hessian and only translations as zero modes skips both projections:
 * its output equals P H P v to round-off (1e-14 relative, against an explicit projection and against the
 * matrix-free product, which projects both sides) on a 2D packing, and on a 3D Kob–Andersen glass a CG solve with it
 * gives the same projected solution, to 1e-12, as one whose operator projects every output.
 */
class ProjectedHessianTest {

    private static double[] randomVector(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return v;
    }

    private static EnergyEvaluator packing() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(256, 0.9, 2.0, 13);
        Fixtures.minimizeAndPolish(ev);
        return ev;
    }

    @Test
    void assembledProductNeedsNoOutputProjectionOnPackingSeed13() {
        EnergyEvaluator ev = packing();
        ZeroModes modes = ZeroModes.rigid(ev.system().box(), ev.positions());
        assertTrue(modes.isMeanProjection());
        ProjectedHessian assembled = new ProjectedHessian(ev, modes, SparseHessian.assemble(ev));
        ProjectedHessian matrixFree = new ProjectedHessian(ev, modes);
        int n = assembled.getRowDimension();
        for (long seed = 1; seed <= 3; seed++) {
            double[] v = modes.project(randomVector(n, seed));
            double[] out = new double[n];
            assembled.apply(v, out);
            double[] projected = modes.project(out.clone());
            double scale = Fixtures.norm(out);
            assertTrue(scale > 0);
            double offRange = Fixtures.distance(out, projected) / scale;
            assertTrue(offRange < 1e-14, "seed " + seed + ": component along the translations " + offRange);
            double[] reference = new double[n];
            matrixFree.apply(v, reference);
            double diff = Fixtures.distance(out, reference) / scale;
            assertTrue(diff < 1e-12, "seed " + seed + ": assembled vs matrix-free " + diff);
        }
    }

    @Test
    void cgSolutionUnchangedWithoutOutputProjectionOnKaGlassSeed13() {
        // no rattlers (every pair inside the cutoff interacts): H is singular on the translations only
        EnergyEvaluator ev = Fixtures.kobAndersen(250, 1.2, 13);
        Fixtures.minimizeAndPolish(ev);
        ZeroModes modes = ZeroModes.rigid(ev.system().box(), ev.positions());
        SparseHessian sparse = SparseHessian.assemble(ev);
        ProjectedHessian skipping = new ProjectedHessian(ev, modes, sparse);
        int n = skipping.getRowDimension();
        ArrayOperator projecting = new ArrayOperator() {
            @Override public void apply(double[] v, double[] out) {
                skipping.apply(v, out);
                modes.project(out);
            }
            @Override public int getRowDimension() { return n; }
            @Override public int getColumnDimension() { return n; }
            @Override public boolean isTransposable() { return true; }
            @Override public RealVector operateTranspose(RealVector x) { return operate(x); }
        };
        assertTrue(modes.isMeanProjection());
        Preconditioner ic = Preconditioner.projected(
                PreconditionerKind.INCOMPLETE_CHOLESKY.create(EquilibriumSensitivity.blockMatrix(sparse)), modes::project);
        double[] b = modes.project(randomVector(n, 4));
        ConjugateGradientSolver cg = new ConjugateGradientSolver(SolverConfig.defaults().withRelativeTolerance(1e-13));
        SolveResult r1 = cg.solve(skipping, b, null, ic);
        SolveResult r2 = cg.solve(projecting, b, null, ic);
        assertTrue(r1.converged() && r2.converged(), r1 + " / " + r2);
        double[] x1 = modes.project(r1.x()), x2 = modes.project(r2.x());
        double diff = Fixtures.distance(x1, x2) / Fixtures.norm(x2);
        assertTrue(diff < 1e-12, "relative difference of the solutions " + diff);
    }
}
