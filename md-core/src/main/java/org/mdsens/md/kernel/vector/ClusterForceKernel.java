package org.mdsens.md.kernel.vector;

import java.util.Arrays;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.neighbor.ClusterList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * The Vector API force kernel: full-list sums over the {@link ClusterList} layout of the
 * neighbor list (each particle against clusters of {@link Lanes#WIDTH} spatially sorted
 * particles and their periodic images: contiguous loads, no gathers, no minimum image), with the
 * arithmetic of a {@link PairForm}. Each particle's sum is independent of the others, so the
 * work splits into fixed blocks of {@value #BLOCK} slots; energies and virials are summed per
 * block with compensation and the blocks reduced in block order, so results are bitwise the same
 * for any thread count. Values agree with {@link org.mdsens.md.kernel.ScalarForceKernel} to
 * round-off (the summation order differs). A pair at r = 0 is skipped (the scalar kernel returns
 * NaN there; load-time checks reject coincident particles).
 *
 * <p>Energies are E = ½ Σ_i Σ_j φ(r_ij) over the full rows (each pair twice), forces
 * F_i = −Σ_j φ'(r_ij) n_ij, Hessian products and ∂(∇E)/∂θ as in {@link ForceKernel}.
 *
 * <p>Not thread-safe (one frame); it uses its {@link Workers} internally.
 */
final class ClusterForceKernel implements ForceKernel {

    /** Slots per block of work (a multiple of every lane count). */
    static final int BLOCK = 512;

    private final PairPotential potential;
    private final PairForm form;
    private final PairForm[] derivatives;
    private final Workers workers;
    private final String name;
    private final Frame frame = new Frame();
    private double[] sums = new double[0];

    // the current call, read by run(b)
    private PairForm current;
    private boolean hessian;
    private final Workers.Blocks blocks = this::run;

    ClusterForceKernel(PairPotential potential, PairForm form, Workers workers, String name) {
        this.potential = potential;
        this.form = form;
        this.derivatives = new PairForm[potential.parameterNames().size()];
        this.workers = workers;
        this.name = name;
    }

    @Override public String name() { return name; }

    private int bind(ParticleSystem system, NeighborList list) {
        if (system.speciesCount() > form.species) {
            throw new IllegalArgumentException("system species count must be at most the potential's "
                    + form.species + ", got " + system.speciesCount());
        }
        ClusterList cl = list.clusters(Lanes.WIDTH);
        if (cl.particleCount() != system.size() || cl.dimension() != system.dimension()) {
            throw new IllegalArgumentException("neighbor list must be built for " + system.size() + " particles in "
                    + system.dimension() + "D, got " + cl.particleCount() + " in " + cl.dimension() + "D");
        }
        frame.bind(cl, system.species());
        int count = (frame.primarySlots + BLOCK - 1) / BLOCK;
        if (sums.length < 2 * count) sums = new double[2 * count];
        return count;
    }

    private void run(int b) {
        int from = b * BLOCK, to = Math.min(frame.primarySlots, from + BLOCK);
        if (hessian) current.hessian(frame, from, to); else current.forces(frame, from, to, sums, b);
    }

    private void execute(PairForm f, boolean hessianProduct, int count) {
        current = f;
        hessian = hessianProduct;
        workers.run(blocks, count);
    }

    /** Σ over blocks of sums[2b + which], in block order, compensated. */
    private double total(int count, int which) {
        double s = 0, c = 0;
        for (int b = 0; b < count; b++) {
            double v = sums[2 * b + which];
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        return s + c;
    }

    @Override
    public double energyAndForces(ParticleSystem system, NeighborList list, double[] forces, double[] virial) {
        int count = bind(system, list);
        ClusterList cl = list.clusters(Lanes.WIDTH);
        cl.loadPositions(system.positions(), frame.xs, frame.ys, frame.zs);
        frame.virial = virial != null;
        execute(form, false, count);
        cl.storeVectors(frame.fx, frame.fy, frame.fz, 1.0, forces, 0, system.size());
        if (virial != null) virial[0] = 0.5 * total(count, 1);
        return 0.5 * total(count, 0);
    }

    @Override
    public void hessianProduct(ParticleSystem system, NeighborList list, double[] v, double[] out) {
        int count = bind(system, list);
        ClusterList cl = list.clusters(Lanes.WIDTH);
        frame.allocateVectors();
        cl.loadPositions(system.positions(), frame.xs, frame.ys, frame.zs);
        cl.loadVectors(v, frame.vx, frame.vy, frame.vz);
        execute(form, true, count);
        cl.storeVectors(frame.fx, frame.fy, frame.fz, 1.0, out, 0, system.size());
    }

    private PairForm derivative(int k) {
        if (k < 0 || k >= derivatives.length) {
            throw new IllegalArgumentException("parameter index must be in [0, " + derivatives.length + "), got " + k);
        }
        PairForm d = derivatives[k];
        if (d == null) {
            d = form.derivative(potential, k);
            derivatives[k] = d;
        }
        return d;
    }

    @Override
    public double parameterEnergyDerivative(ParticleSystem system, NeighborList list, int k) {
        PairForm d = derivative(k);
        int count = bind(system, list);
        list.clusters(Lanes.WIDTH).loadPositions(system.positions(), frame.xs, frame.ys, frame.zs);
        execute(d, false, count);
        return 0.5 * total(count, 0);
    }

    @Override
    public void parameterGradient(ParticleSystem system, NeighborList list, int k, double[] out) {
        PairForm d = derivative(k);
        int count = bind(system, list);
        ClusterList cl = list.clusters(Lanes.WIDTH);
        cl.loadPositions(system.positions(), frame.xs, frame.ys, frame.zs);
        execute(d, false, count);
        cl.storeVectors(frame.fx, frame.fy, frame.fz, -1.0, out, 0, system.size());
    }

    @Override public String toString() { return "ClusterForceKernel[" + name + ", " + potential + "]"; }

    static void clear(double[] a) { Arrays.fill(a, 0.0); }
}
