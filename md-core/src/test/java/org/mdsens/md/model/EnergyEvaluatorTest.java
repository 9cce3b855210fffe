package org.mdsens.md.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.model.ModelCases.Case;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * EnergyEvaluator against finite differences, over every potential, 2D and 3D, periodic and open,
 * with and without bonds. Finite differences use the fourth-order stencil
 * [8(f(+h) − f(−h)) − (f(+2h) − f(−2h))]/(12h); configurations keep every pair distance at least
 * {@link Case#BAND} away from every cutoff, so no difference straddles a kink.
 */
class EnergyEvaluatorTest {

    static final double FD_TOL = 1e-7;

    static List<Case> cases() { return ModelCases.all(); }

    static EnergyEvaluator evaluator(Case c) {
        ParticleSystem s = c.system();
        return new EnergyEvaluator(s, c.model(s), ScalarKernelProvider.INSTANCE, Case.SKIN);
    }

    static double fd(DoubleUnaryOperator f, double h) {
        return (8 * (f.applyAsDouble(h) - f.applyAsDouble(-h)) - (f.applyAsDouble(2 * h) - f.applyAsDouble(-2 * h)))
                / (12 * h);
    }

    /** Component-wise fourth-order difference of a vector function of a scalar step. */
    interface VectorAt { double[] at(double t); }

    static double[] fdVector(VectorAt f, double h) {
        double[] p1 = f.at(h), m1 = f.at(-h), p2 = f.at(2 * h), m2 = f.at(-2 * h);
        double[] out = new double[p1.length];
        for (int i = 0; i < out.length; i++) out[i] = (8 * (p1[i] - m1[i]) - (p2[i] - m2[i])) / (12 * h);
        return out;
    }

    static double[] random(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forcesAreMinusEnergyGradient(Case c) {
        EnergyEvaluator ev = evaluator(c);
        double[] x = ev.positions();
        double[] f = new double[x.length];
        ev.computeForces(f);
        double[] fd = new double[x.length];
        for (int q = 0; q < x.length; q++) {
            final int qq = q;
            final double x0 = x[q];
            fd[q] = -fd(t -> { x[qq] = x0 + t; return ev.energy(); }, 2e-4);
            x[q] = x0;
        }
        double err = TestSystems.relativeError(f, fd);
        assertTrue(err < FD_TOL, "forces vs -dE/dx relative error " + err);
    }

    /**
     * computeForces leaves the virial out: the kernels give the same energy and force bits with
     * and without it (scalar and the selected vector kernels), and lastVirial() computes it on
     * demand with the bits of virial(), counting that evaluation.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluationsWithoutTheVirialGiveTheSameBitsAndTheVirialOnDemand(Case c) {
        for (KernelProvider provider : List.of(ScalarKernelProvider.INSTANCE, Kernels.select(KernelChoice.VECTOR))) {
            ParticleSystem s = c.system();
            EnergyModel model = c.model(s);
            ForceKernel kernel = provider.pairKernel(model.pair());
            NeighborList list = new NeighborList(model.pair().maxCutoff(), Case.SKIN);
            list.update(s);
            double[] with = new double[s.positions().length];
            double[] without = new double[with.length];
            double[] w = {Double.NaN};
            double eWith = kernel.energyAndForces(s, list, with, w);
            double eWithout = kernel.energyAndForces(s, list, without, null);
            assertEquals(eWith, eWithout, 0.0, provider.name() + " energy");
            assertArrayEquals(with, without, 0.0, provider.name() + " forces");
            assertTrue(Double.isFinite(w[0]), "virial " + w[0]);

            EnergyEvaluator ev = new EnergyEvaluator(s, model, provider, Case.SKIN);
            double wFresh = ev.virial();
            long before = ev.forceEvaluations();
            ev.computeForces(with);
            assertEquals(wFresh, ev.lastVirial(), 0.0, provider.name() + " virial on demand");
            assertEquals(before + 2, ev.forceEvaluations(), "the virial on demand is one more evaluation");
            assertEquals(wFresh, ev.lastVirial(), 0.0, "then stored");
            assertEquals(before + 2, ev.forceEvaluations(), "and not evaluated again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianProductMatchesForceDifferencesAndIsSymmetric(Case c) {
        EnergyEvaluator ev = evaluator(c);
        double[] x = ev.positions();
        double[] x0 = x.clone();
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 1000);
        double[] u = random(rng, x.length), v = random(rng, x.length);
        double[] hv = new double[x.length], hu = new double[x.length];
        ev.hessianProduct(v, hv);
        ev.hessianProduct(u, hu);
        double[] fdHv = fdVector(t -> {
            for (int i = 0; i < x.length; i++) x[i] = x0[i] + t * v[i];
            double[] f = new double[x.length];
            ev.computeForces(f);
            for (int i = 0; i < f.length; i++) f[i] = -f[i];
            return f;
        }, 1e-4);
        System.arraycopy(x0, 0, x, 0, x.length);
        double err = TestSystems.relativeError(hv, fdHv);
        assertTrue(err < FD_TOL, "Hv vs difference of forces relative error " + err);
        double uhv = dot(u, hv), vhu = dot(v, hu);
        double scale = Math.sqrt(dot(u, u) * dot(hv, hv));
        assertTrue(Math.abs(uhv - vhu) <= 1e-10 * scale, "u.Hv=" + uhv + " v.Hu=" + vhu);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parameterDerivativesMatchDifferencesInTheta(Case c) {
        EnergyEvaluator ev = evaluator(c);
        EnergyModel model = ev.model();
        List<String> names = model.parameterNames();
        double[] theta = model.parameterValues();
        int n = ev.positions().length;
        for (int k = 0; k < names.size(); k++) {
            final String name = names.get(k);
            final int kk = k;
            final double t0 = theta[k];
            final double h = 2e-4 * Math.max(1.0, Math.abs(t0));
            ev.setModel(model);
            double dE = ev.parameterEnergyDerivative(k);
            double[] dG = new double[n];
            ev.parameterGradient(k, dG);
            double d2E = ev.parameterSecondEnergyDerivative(k);
            double dW = ev.parameterVirialDerivative(k);

            double fdE = fd(t -> { ev.setModel(model.withParameter(name, t0 + t)); return ev.energy(); }, h);
            double[] fdG = fdVector(t -> {
                ev.setModel(model.withParameter(name, t0 + t));
                double[] f = new double[n];
                ev.computeForces(f);
                for (int i = 0; i < n; i++) f[i] = -f[i];
                return f;
            }, h);
            double fdE2 = fd(t -> { ev.setModel(model.withParameter(name, t0 + t)); return ev.parameterEnergyDerivative(kk); }, h);
            double fdW = fd(t -> { ev.setModel(model.withParameter(name, t0 + t)); return ev.virial(); }, h);
            ev.setModel(model);

            double scaleE = Math.max(Math.abs(fdE), 1e-3 * Math.abs(ev.energy()));
            assertEquals(fdE, dE, FD_TOL * Math.max(scaleE, 1e-12), "dE/d" + name);
            double errG = TestSystems.relativeError(dG, fdG);
            assertTrue(errG < FD_TOL || maxAbs(fdG) < 1e-12, "d(grad E)/d" + name + " relative error " + errG);
            double scale2 = Math.max(Math.abs(fdE2), 1e-3 * Math.abs(fdE));
            // the soft sphere keeps the interface's finite-difference second derivative (~1e-9 relative)
            assertEquals(fdE2, d2E, 1e-6 * Math.max(scale2, 1e-12), "d2E/d" + name + "2");
            double scaleW = Math.max(Math.abs(fdW), 1e-3 * Math.abs(ev.virial()));
            assertEquals(fdW, dW, FD_TOL * Math.max(scaleW, 1e-12), "dW/d" + name);
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void virialIsMinusScalingDerivativeAndItsGradientMatches(Case c) {
        EnergyEvaluator ev = evaluator(c);
        ParticleSystem s = ev.system();
        EnergyModel model = ev.model();
        double[] x0 = s.positions().clone();
        double w = ev.virial();
        // E(λ x, λ L): dE/dλ at λ = 1 is Σ r φ'(r) = −W
        double dEdLambda = fd(t -> {
            double lambda = 1 + t;
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) x[i] *= lambda;
            ParticleSystem scaled = new ParticleSystem(s.box().scaled(lambda), x, s.species(), s.speciesNames());
            return new EnergyEvaluator(scaled, model, ScalarKernelProvider.INSTANCE, 0).energy();
        }, 1e-4);
        assertEquals(-dEdLambda, w, FD_TOL * Math.max(Math.abs(w), 1e-3 * Math.abs(ev.energy())), "virial");
        double p = ev.pressure();
        if (c.periodic()) assertEquals(w / (s.dimension() * s.box().volume()), p, 1e-15 * Math.abs(p));
        else assertTrue(Double.isNaN(p), "pressure of an open box must be NaN, got " + p);

        double[] x = s.positions();
        double[] g = new double[x.length];
        ev.virialGradient(g);
        double[] fdG = new double[x.length];
        for (int q = 0; q < x.length; q++) {
            final int qq = q;
            fdG[q] = fd(t -> { x[qq] = x0[qq] + t; return ev.virial(); }, 2e-4);
            x[q] = x0[q];
        }
        double err = TestSystems.relativeError(g, fdG);
        assertTrue(err < FD_TOL, "virial gradient relative error " + err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void newtonsThirdLawTranslationInvarianceAndDeterminism(Case c) {
        EnergyEvaluator ev = evaluator(c);
        int d = c.dimension();
        double[] f = new double[ev.positions().length];
        double e = ev.computeForces(f);
        double[] sum = new double[d];
        double norm = 0;
        for (int i = 0; i < f.length; i++) {
            sum[i % d] += f[i];
            norm += Math.abs(f[i]);
        }
        for (int a = 0; a < d; a++) assertEquals(0, sum[a], 1e-12 * norm, "total force along " + a);

        // same inputs, same bits, also through a second evaluator
        double[] f2 = new double[f.length];
        assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(ev.computeForces(f2)));
        assertArrayEquals(f, f2);
        EnergyEvaluator other = new EnergyEvaluator(ev.system().copy(), ev.model(), ScalarKernelProvider.INSTANCE, Case.SKIN);
        double[] f3 = new double[f.length];
        assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(other.computeForces(f3)));
        assertArrayEquals(f, f3);

        // translate by a random vector (several box lengths when periodic: unwrapped positions)
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 7);
        double[] x = ev.positions();
        double[] shift = new double[d];
        for (int a = 0; a < d; a++) shift[a] = 30 * (rng.nextDouble() - 0.5);
        for (int i = 0; i < x.length; i++) x[i] += shift[i % d];
        double[] g = new double[f.length];
        double e2 = ev.computeForces(g);
        assertEquals(e, e2, 1e-12 * Math.abs(e) + 1e-14, "energy after translation");
        assertTrue(TestSystems.relativeError(g, f) < 1e-10, "forces after translation");
    }

    @Test
    void bondTermsMatchClosedFormForADimer() {
        // one bond, no pair interaction in range: E = k (r − r0)², F = −2k (r − r0) n
        ParticleSystem s = new ParticleSystem(Box.Periodic.cube(3, 20), new double[] {0.5, 0.5, 0.5, 19.5, 0.5, 0.5},
                new int[] {0, 0}, List.of("A"));
        HarmonicBonds b = new HarmonicBonds(new int[] {0}, new int[] {1}, new int[] {0}, List.of("t"),
                new double[] {2.5}, new double[] {0.4});
        EnergyEvaluator ev = new EnergyEvaluator(s, new EnergyModel(TestPotentials.Lj.single(0.5, false), b),
                ScalarKernelProvider.INSTANCE, 0.1);
        double[] f = new double[6];
        double e = ev.computeForces(f);
        double r = 1.0; // across the boundary
        assertEquals(2.5 * (r - 0.4) * (r - 0.4), e, 1e-15);
        // x0 − x1 is +1 under the minimum image; the stretched bond pulls particle 0 along −x
        assertEquals(-2 * 2.5 * (r - 0.4), f[0], 1e-14);
        assertEquals(-f[0], f[3], 0);
        int kIndex = ev.model().parameterIndex("bond_k[t]");
        int rIndex = ev.model().parameterIndex("bond_r0[t]");
        assertEquals((r - 0.4) * (r - 0.4), ev.parameterEnergyDerivative(kIndex), 1e-15);
        assertEquals(-2 * 2.5 * (r - 0.4), ev.parameterEnergyDerivative(rIndex), 1e-14);
        assertEquals(0, ev.parameterSecondEnergyDerivative(kIndex), 0);
        assertEquals(2 * 2.5, ev.parameterSecondEnergyDerivative(rIndex), 1e-15);
        assertEquals(-2 * 2.5 * (r - 0.4) * r, ev.virial(), 1e-14);
    }

    @Test
    void rejectsMismatchedSpeciesBondsAndSmallBoxes() {
        ParticleSystem s = new ParticleSystem(Box.Periodic.cube(2, 10), new double[] {1, 1, 3, 3}, new int[] {0, 0},
                List.of("X"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EnergyEvaluator(s,
                new EnergyModel(TestPotentials.Lj.single(2.5, false)), ScalarKernelProvider.INSTANCE, 0.3));
        assertTrue(e.getMessage().contains("species"), e.getMessage());

        ParticleSystem a = new ParticleSystem(Box.Periodic.cube(2, 10), new double[] {1, 1, 3, 3}, new int[] {0, 0},
                List.of("A"));
        HarmonicBonds far = new HarmonicBonds(new int[] {0}, new int[] {2}, new int[] {0}, List.of("t"),
                new double[] {1}, new double[] {1});
        e = assertThrows(IllegalArgumentException.class, () -> new EnergyEvaluator(a,
                new EnergyModel(TestPotentials.Lj.single(2.5, false), far), ScalarKernelProvider.INSTANCE, 0.3));
        assertTrue(e.getMessage().contains("bond"), e.getMessage());

        ParticleSystem small = new ParticleSystem(Box.Periodic.cube(2, 5), new double[] {1, 1, 3, 3}, new int[] {0, 0},
                List.of("A"));
        e = assertThrows(IllegalArgumentException.class, () -> new EnergyEvaluator(small,
                new EnergyModel(TestPotentials.Lj.single(2.5, false)), ScalarKernelProvider.INSTANCE, 0.3));
        assertTrue(e.getMessage().contains("2·(cutoff+skin)"), e.getMessage());
        // the default skin shrinks to fit the box
        EnergyEvaluator fits = new EnergyEvaluator(small, new EnergyModel(TestPotentials.Lj.single(2.4, false)));
        assertTrue(fits.skin() <= 0.1 + 1e-15 && fits.skin() >= 0, "skin " + fits.skin());
    }

    @Test
    void setModelKeepsTheListWhenTheCutoffIsUnchangedAndCountsEvaluations() {
        Case c = ModelCases.all().get(0);
        EnergyEvaluator ev = evaluator(c);
        var list = ev.neighborList();
        ev.setModel(ev.model().withParameter("epsilon[A,B]", 0.95));
        assertTrue(list == ev.neighborList(), "same cutoff keeps the neighbor list");
        ev.setModel(new EnergyModel(TestPotentials.Lj.binary(false).withParameter("sigma[A,A]", 1.01)));
        assertTrue(list == ev.neighborList());
        ev.setModel(new EnergyModel(TestPotentials.SoftSphere.binary(2.0)));
        assertTrue(list != ev.neighborList(), "a new maximum cutoff makes a new neighbor list");
        assertEquals(1.4, ev.neighborList().cutoff());
        long before = ev.forceEvaluations();
        ev.energy();
        ev.computeForces(new double[ev.positions().length]);
        assertEquals(before + 2, ev.forceEvaluations());
        assertEquals("scalar", ev.kernelName());
    }
}
