package org.mdsens.md.kernel.vector;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.neighbor.ClusterList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
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
 * <p>Energies and forces of a form with a 4×4 loop ({@link PairForm#hasPairLoop}: Lennard-Jones
 * without a switch and Morse on 8 lanes, one-species Lennard-Jones on 4) run instead on the half
 * cluster-pair list through {@link ClusterPairForces} (each pair once, 16 pairs per cluster pair:
 * about twice as fast on 8 lanes, 1.3× on 4); Hessian products and parameter derivatives stay on
 * the rows above.
 *
 * <p>Not thread-safe (one frame); it uses its {@link Workers} internally.
 */
final class ClusterForceKernel implements ForceKernel {

    /** Slots per block of work (a multiple of every lane count). */
    static final int BLOCK = 512;

    /** Fewest blocks for which the load and store phases use the worker threads. */
    static final int COPY_PARALLEL_BLOCKS = 8;

    private final PairPotential potential;
    private final PairForm form;
    private final PairForm[] derivatives;
    private final Workers workers;
    private final String name;
    private final Frame frame = new Frame();
    /** The 4×4 half cluster-pair path of energies and forces, or null when the form has none. */
    private final ClusterPairForces pairs;
    private double[] sums = new double[0];

    // the current call, read by run(b)
    private int phase;
    private PairForm current;
    private boolean hessian;
    private ClusterList layout;
    private double[] positions;
    private double[] input;
    private double[] output;
    private double scale;
    private final Workers.Blocks blocks = this::run;

    ClusterForceKernel(PairPotential potential, PairForm form, Workers workers, String name) {
        this.potential = potential;
        this.form = form;
        this.derivatives = new PairForm[potential.parameterNames().size()];
        this.workers = workers;
        this.name = name;
        this.pairs = form.hasPairLoop() ? new ClusterPairForces(form, workers) : null;
    }

    @Override public String name() { return name; }

    /** Whether energies and forces run on the 4×4 half cluster-pair path (else the 1×{@link Lanes#WIDTH} rows). */
    boolean usesClusterPairs() { return pairs != null; }

    @Override
    public boolean readsClusterPairs(ParticleSystem system, NeighborList list) { return pairs != null; }

    private int bind(ParticleSystem system, NeighborList list) {
        if (system.speciesCount() > form.species) {
            throw new IllegalArgumentException("system species count must be at most the potential's "
                    + form.species + ", got " + system.speciesCount());
        }
        ClusterList cl = list.clusters(Lanes.WIDTH, workers);
        if (cl.particleCount() != system.size() || cl.dimension() != system.dimension()) {
            throw new IllegalArgumentException("neighbor list must be built for " + system.size() + " particles in "
                    + system.dimension() + "D, got " + cl.particleCount() + " in " + cl.dimension() + "D");
        }
        frame.bind(cl, system.species());
        int count = (frame.primarySlots + BLOCK - 1) / BLOCK;
        if (sums.length < 2 * count) sums = new double[2 * count];
        return count;
    }

    private void run(int b, int worker) {
        switch (phase) {
            case LOAD -> {
                int from = b * BLOCK, to = Math.min(frame.slots, from + BLOCK);
                layout.loadPositions(positions, frame.xs, frame.ys, frame.zs, from, to);
                if (input != null) layout.loadVectors(input, frame.vx, frame.vy, frame.vz, from, to);
            }
            case COMPUTE -> {
                int from = b * BLOCK, to = Math.min(frame.primarySlots, from + BLOCK);
                if (hessian) current.hessian(frame, from, to); else current.forces(frame, from, to, sums, b);
            }
            default -> {
                int from = b * BLOCK, to = Math.min(layout.particleCount(), from + BLOCK);
                layout.storeVectors(frame.fx, frame.fy, frame.fz, scale, output, from, to);
            }
        }
    }

    private static final int LOAD = 0, COMPUTE = 1, STORE = 2;

    /**
     * One kernel call in three parallel phases over fixed blocks: load the slot buffers
     * (positions, and {@code v} for a Hessian product), compute the rows, store
     * {@code scale}·(row results) into {@code out} in particle order (skipped when null).
     */
    private void execute(ParticleSystem system, NeighborList list, PairForm f, boolean hessianProduct, double[] v,
                         double[] out, double outScale) {
        int count = bind(system, list);
        layout = list.clusters(Lanes.WIDTH, workers);
        positions = system.positions();
        input = v;
        if (v != null) frame.allocateVectors();
        phase = LOAD;
        int loads = (frame.slots + BLOCK - 1) / BLOCK;
        copyWorkers(loads).run(blocks, loads);
        current = f;
        hessian = hessianProduct;
        phase = COMPUTE;
        workers.run(blocks, count);
        if (out != null) {
            output = out;
            scale = outScale;
            phase = STORE;
            int stores = (system.size() + BLOCK - 1) / BLOCK;
            copyWorkers(stores).run(blocks, stores);
        }
        positions = null;
        input = null;
        output = null;
    }

    /**
     * The threads for a copying phase (load, store) of {@code count} blocks: the caller alone
     * below {@value #COPY_PARALLEL_BLOCKS} blocks, where handing blocks to another core (and
     * reading its writes back) costs more than the copy (2 threads were 6 % slower than 1 on
     * lj3d-256 when the load of its ~4 blocks was split).
     */
    private Workers copyWorkers(int count) {
        return count >= COPY_PARALLEL_BLOCKS ? workers : Workers.single();
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
        if (pairs != null) return pairs.energyAndForces(system, list, forces, virial);
        frame.virial = virial != null;
        execute(system, list, form, false, null, forces, 1.0);
        int count = (frame.primarySlots + BLOCK - 1) / BLOCK;
        if (virial != null) virial[0] = 0.5 * total(count, 1);
        return 0.5 * total(count, 0);
    }

    @Override
    public void hessianProduct(ParticleSystem system, NeighborList list, double[] v, double[] out) {
        execute(system, list, form, true, v, out, 1.0);
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
        frame.virial = false;
        execute(system, list, d, false, null, null, 0.0);
        return 0.5 * total((frame.primarySlots + BLOCK - 1) / BLOCK, 0);
    }

    @Override
    public void parameterGradient(ParticleSystem system, NeighborList list, int k, double[] out) {
        PairForm d = derivative(k);
        frame.virial = false;
        execute(system, list, d, false, null, out, -1.0);
    }

    @Override public String toString() { return "ClusterForceKernel[" + name + ", " + potential + "]"; }
}
