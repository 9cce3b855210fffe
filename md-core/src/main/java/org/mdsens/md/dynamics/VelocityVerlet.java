package org.mdsens.md.dynamics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.neighbor.ClusterPairList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.system.ParticleSystem;

/**
 * Velocity-Verlet integration in the microcanonical ensemble (NVE; LAMMPS {@code fix nve}):
 * per step, v ← v + (Δt/2m) F, x ← x + Δt v, F ← −∇E(x), v ← v + (Δt/2m) F, with the masses
 * of the system's species and the forces of an {@link EnergyEvaluator} (any model and kernel).
 * Reduced units (ε = σ = m = k_B = 1 for Lennard-Jones) unless the model says otherwise.
 *
 * <p>Neighbor list policy: the list is rebuilt unconditionally every {@code rebuildEvery} steps
 * (LAMMPS {@code neigh_modify delay 0 every N}); with {@link RebuildPolicy#SAFE} (the default) the
 * evaluator also rebuilds whenever a particle has moved more than skin/2 since the last build,
 * which {@link #safetyRebuilds()} counts; with {@link RebuildPolicy#FIXED} it does not
 * ({@code check no}), and {@link #dangerousRebuilds()} counts the scheduled builds that came too
 * late.
 *
 * <p>Positions are integrated in place in the system (unwrapped: the neighbor list and kernels
 * accept unwrapped coordinates); velocities are xyz-interleaved, length d·N, in input order.
 * The updates run over fixed blocks of {@value #BLOCK} particles on the threads of the kernel
 * family ({@link Kernels#workers}), claimed with {@link Workers#runAffine} (in slot order, see
 * below, each thread then mostly updates the particles whose forces it folded): each coordinate
 * is updated by the same operations whatever the thread count. Deterministic: the same system,
 * velocities and kernel give the same bits, for any number of threads. Mutable, not thread-safe:
 * one integrator per thread.
 *
 * <p>Large, long {@link RebuildPolicy#FIXED} runs (at least {@value #REORDER_FROM} particles and
 * {@value #REORDER_MIN_STEPS} steps) on a kernel that reads the half cluster-pair list keep the
 * particles in that list's slot order
 * between builds: the integrator gathers positions, species, velocities and forces into copies
 * it owns, in the order of the clusters, and renumbers the neighbor list
 * ({@link NeighborList#renumber}), so that the kernel loads and stores them in sequence instead
 * of scattering across memory (on 2 threads, scattered stores into lines the other core reads
 * cost more than the copies). Each scheduled rebuild reorders the copies; {@link #run} puts
 * everything back in input order before it returns, and the system's own arrays (its species
 * in particular) are never permuted. The trajectory is that of the input-order run: each
 * particle gets the same operations on the same values, and the kernel sums per slot.
 *
 * <p>Reference: Swope, Andersen, Berens &amp; Wilson, J. Chem. Phys. 76, 637 (1982).
 */
public final class VelocityVerlet {

    private final EnergyEvaluator evaluator;
    private final ParticleSystem system;
    private final double timestep;
    private final int rebuildEvery;
    private final double[] velocities;
    private final double[] forces;
    private final double[] inverseMass;   // per species
    private final RebuildPolicy policy;
    private final ForceKernel kernel;     // FIXED only: the pair kernel, called without the evaluator's check
    private double potentialEnergy = Double.NaN;
    private long steps;
    private long scheduledRebuilds;
    private long safetyRebuilds;
    private long dangerousRebuilds;
    private boolean forcesCurrent;
    private final Workers workers;
    private int phase;
    private final Workers.Blocks update = this::updateBlock;
    // the arrays the updates run over: the system's, or the slot-ordered copies
    private double[] ux, uv, uf;
    private int[] usp;
    /** Whether eligible runs work in slot order (package access: tests compare with the input-order path). */
    boolean reorder = true;
    /** Runs done in slot order (tests). */
    long slotOrderRuns;
    // slot-order runs: a copy of the system (positions and species in slot order), velocities, forces,
    // order[i] = the input index of copy particle i; scratch
    private ParticleSystem work;
    private double[] workVelocities, workForces, spare;
    private int[] order, nextOrder, rank, spareSpecies;

    /**
     * Fewest particles for which a {@link RebuildPolicy#FIXED} run on a cluster-pair kernel works
     * in the list's slot order (below it the data sit in cache and the reordering does not pay).
     */
    static final int REORDER_FROM = 16384;

    /**
     * Fewest steps of a {@link #run} that works in slot order: going into slot order and back
     * costs about a third of a step (a run of one step at N = 32000 on 2 threads: 126-135 ns per
     * atom-step in slot order against 84 in input order, JDK 25; equal at 20 steps), and the
     * slot order saves a few per cent of every step, so short runs stay in input order.
     */
    static final int REORDER_MIN_STEPS = 50;
    /** {@link #REORDER_MIN_STEPS}, lowered by tests to put short runs in slot order. */
    int reorderMinSteps = REORDER_MIN_STEPS;

    /** Particles per block of the integration updates (fixed: blocks do not depend on the thread count). */
    static final int BLOCK = 4096;
    private static final int KICK_DRIFT = 0, KICK_KICK_DRIFT = 1, KICK = 2;

    /**
     * @param evaluator    forces of the system to integrate (its system is moved in place)
     * @param timestep     Δt &gt; 0
     * @param rebuildEvery steps between unconditional neighbor-list rebuilds (≥ 1)
     */
    public VelocityVerlet(EnergyEvaluator evaluator, double timestep, int rebuildEvery) {
        this(evaluator, timestep, rebuildEvery, RebuildPolicy.SAFE);
    }

    /**
     * @param evaluator    forces of the system to integrate (its system is moved in place); a
     *                     pair-only model for {@link RebuildPolicy#FIXED}
     * @param timestep     Δt &gt; 0
     * @param rebuildEvery steps between unconditional neighbor-list rebuilds (≥ 1)
     * @param policy       whether the list is also rebuilt when needed between scheduled builds
     */
    public VelocityVerlet(EnergyEvaluator evaluator, double timestep, int rebuildEvery, RebuildPolicy policy) {
        if (evaluator == null) throw new IllegalArgumentException("evaluator must not be null");
        if (policy == null) throw new IllegalArgumentException("rebuild policy must not be null");
        if (policy == RebuildPolicy.FIXED && evaluator.model().bonds().size() > 0) {
            throw new IllegalArgumentException("rebuild policy FIXED must have a pair-only model, got "
                    + evaluator.model().bonds().size() + " bonds; use SAFE");
        }
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw new IllegalArgumentException("timestep must be > 0 and finite, got " + timestep);
        }
        if (rebuildEvery < 1) throw new IllegalArgumentException("rebuild interval must be >= 1 step, got " + rebuildEvery);
        this.evaluator = evaluator;
        this.system = evaluator.system();
        this.timestep = timestep;
        this.rebuildEvery = rebuildEvery;
        this.velocities = new double[system.positions().length];
        this.forces = new double[velocities.length];
        this.inverseMass = new double[system.speciesCount()];
        for (int s = 0; s < inverseMass.length; s++) inverseMass[s] = 1 / system.speciesMass(s);
        this.policy = policy;
        this.kernel = policy == RebuildPolicy.FIXED ? evaluator.provider().pairKernel(evaluator.model().pair()) : null;
        this.workers = Kernels.workers(evaluator.provider());
    }

    /** The live velocity array (xyz-interleaved, length d·N); callers may set it between runs. */
    public double[] velocities() { return velocities; }

    /** Copies {@code v} (length d·N) into the velocities. */
    public void setVelocities(double[] v) {
        if (v.length != velocities.length) {
            throw new IllegalArgumentException("velocities length must be d·N = " + velocities.length + ", got " + v.length);
        }
        System.arraycopy(v, 0, velocities, 0, v.length);
    }

    /**
     * Draws velocities from the Maxwell–Boltzmann distribution at {@code temperature} (seeded
     * Gaussian components of variance T/m), removes the centre-of-mass velocity and rescales so
     * that the kinetic temperature ({@link #temperature()}, d·N − d degrees of freedom) is exactly
     * {@code temperature}: LAMMPS {@code velocity all create T seed mom yes rot no}, with a
     * Gaussian instead of LAMMPS's uniform draw and no bitwise parity with its generator.
     */
    public void createVelocities(double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 and finite, got " + temperature);
        }
        int d = system.dimension();
        int n = system.size();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] momentum = new double[d];
        double mass = 0;
        for (int i = 0; i < n; i++) {
            double m = system.mass(i);
            double scale = Math.sqrt(1 / m);
            for (int a = 0; a < d; a++) {
                double v = scale * gauss.sample();
                velocities[d * i + a] = v;
                momentum[a] += m * v;
            }
            mass += m;
        }
        for (int i = 0; i < n && mass > 0; i++) {
            for (int a = 0; a < d; a++) velocities[d * i + a] -= momentum[a] / mass;
        }
        double current = temperature();
        double factor = current > 0 ? Math.sqrt(temperature / current) : 0;
        for (int q = 0; q < velocities.length; q++) velocities[q] *= factor;
    }

    /** Kinetic energy ½ Σ m v². */
    public double kineticEnergy() {
        int d = system.dimension();
        int[] sp = system.species();
        double sum = 0;
        for (int i = 0; i < sp.length; i++) {
            double v2 = 0;
            for (int a = 0; a < d; a++) v2 += velocities[d * i + a] * velocities[d * i + a];
            sum += v2 / inverseMass[sp[i]];
        }
        return 0.5 * sum;
    }

    /** Kinetic temperature 2 KE / (d·N − d) (k_B = 1; momentum conserved); NaN for one particle. */
    public double temperature() {
        int dof = system.dimension() * (system.size() - 1);
        return dof > 0 ? 2 * kineticEnergy() / dof : Double.NaN;
    }

    /** Potential energy at the current positions (evaluated once if no step was taken yet). */
    public double potentialEnergy() {
        if (!forcesCurrent) refreshForces();
        return potentialEnergy;
    }

    /** Total energy KE + PE. */
    public double totalEnergy() { return kineticEnergy() + potentialEnergy(); }

    /** Steps integrated so far. */
    public long stepCount() { return steps; }

    /** Unconditional rebuilds done on schedule (every {@code rebuildEvery} steps). */
    public long scheduledRebuilds() { return scheduledRebuilds; }

    /** Rebuilds forced by a particle moving more than skin/2 between scheduled ones ({@link RebuildPolicy#SAFE}). */
    public long safetyRebuilds() { return safetyRebuilds; }

    /**
     * Scheduled rebuilds at which some particle had moved more than skin/2 since the previous
     * build, so that pairs may have been missed in between ({@link RebuildPolicy#FIXED}; always
     * 0 with {@link RebuildPolicy#SAFE}).
     */
    public long dangerousRebuilds() { return dangerousRebuilds; }

    /** The rebuild policy. */
    public RebuildPolicy policy() { return policy; }

    /** The current forces (live array, −∇E at the current positions once a step or energy call was made). */
    public double[] forces() {
        if (!forcesCurrent) refreshForces();
        return forces;
    }

    private void refreshForces() {
        NeighborList list = evaluator.neighborList();
        if (kernel != null && list.rebuildCount() > 0) {
            potentialEnergy = kernel.energyAndForces(system, list, forces, null);
        } else {
            int before = list.rebuildCount();
            potentialEnergy = evaluator.computeForces(forces);
            if (list.rebuildCount() != before && steps > 0) safetyRebuilds++;
        }
        forcesCurrent = true;
    }

    /**
     * Integrates {@code count} steps (≥ 0). Positions may be unwrapped afterwards. The closing
     * half kick of one step and the opening kick and drift of the next run as one pass over the
     * particles (the same operations in the same order: the same bits as two passes).
     *
     * <p>With {@link RebuildPolicy#FIXED}, at least {@value #REORDER_FROM} particles and
     * {@value #REORDER_MIN_STEPS} steps, and a kernel
     * that {@link ForceKernel#readsClusterPairs reads the half cluster-pair list}, the run works
     * on copies in that list's slot order (see the class comment); the system, the velocities,
     * the forces and the neighbor list are back in input order when it returns, also by an
     * exception.
     */
    public void run(int count) {
        if (count < 0) throw new IllegalArgumentException("step count must be >= 0, got " + count);
        if (!forcesCurrent) refreshForces();
        if (count == 0) return;
        if (count >= reorderMinSteps && reordering()) {
            slotOrderRuns++;
            runInSlotOrder(count);
        } else {
            bindArrays(system.positions(), velocities, forces, system.species());
            integrate(count, system, forces);
        }
    }

    /** Whether this run works in the slot order of the cluster-pair list. */
    private boolean reordering() {
        return reorder && kernel != null && system.size() >= REORDER_FROM
                && evaluator.neighborList().rebuildCount() > 0
                && kernel.readsClusterPairs(system, evaluator.neighborList());
    }

    /** The steps of {@link #run} on {@code target} (the system or its slot-ordered copy), forces into {@code f}. */
    private void integrate(int count, ParticleSystem target, double[] f) {
        final int blocks = (target.size() + BLOCK - 1) / BLOCK;
        final boolean slotOrder = target != system;
        for (int step = 0; step < count; step++) {
            phase = step == 0 ? KICK_DRIFT : KICK_KICK_DRIFT;
            workers.runAffine(update, blocks);
            steps++;
            if (steps % rebuildEvery == 0) {
                NeighborList list = evaluator.neighborList();
                if (kernel != null && list.needsRebuild(target)) dangerousRebuilds++;
                list.rebuild(target);
                scheduledRebuilds++;
                if (slotOrder) reorderToSlots(list);
            }
            if (slotOrder) {
                potentialEnergy = kernel.energyAndForces(target, evaluator.neighborList(), f, null);
                forcesCurrent = true;
            } else {
                refreshForces();
            }
        }
        phase = KICK;
        workers.runAffine(update, blocks);
    }

    /**
     * {@link #run} in the slot order of the half cluster-pair list: the positions and species
     * are gathered into a copy of the system owned by this integrator, the velocities and forces
     * into its own arrays, and the list is renumbered to match; each scheduled rebuild reorders
     * them again; at the end (or on an exception) they are scattered back into input order and the
     * list renumbered back. Each particle's updates are the same operations on the same values,
     * and the force kernel sums per slot in the same order whatever the numbering, so the
     * trajectory is the one of the unpermuted run (a build breaks ties in its sort by particle
     * index: particles exactly level along the sort axis within a column may fall in another
     * order, which changes only the order of force sums).
     */
    private void runInSlotOrder(int count) {
        final int n = system.size(), d = system.dimension();
        NeighborList list = evaluator.neighborList();
        if (work == null) {
            work = system.copy();
            workVelocities = new double[d * n];
            workForces = new double[d * n];
            spare = new double[d * n];
            order = new int[n];
            nextOrder = new int[n];
            rank = new int[n];
            spareSpecies = new int[n];
        }
        // enter: the particle in slot order i is input particle order[i]
        slotOrder(list, nextOrder);
        final int[] o = nextOrder;
        final double[] x = system.positions(), wx = work.positions();
        final int[] sp = system.species(), wsp = work.species();
        for (int i = 0; i < n; i++) {
            int p = o[i];
            for (int a = 0; a < d; a++) {
                wx[d * i + a] = x[d * p + a];
                workVelocities[d * i + a] = velocities[d * p + a];
                workForces[d * i + a] = forces[d * p + a];
            }
            wsp[i] = sp[p];
            rank[p] = i;
        }
        System.arraycopy(o, 0, order, 0, n);
        list.renumber(rank);
        try {
            bindArrays(wx, workVelocities, workForces, wsp);
            integrate(count, work, workForces);
        } finally {
            // leave: back to input order, the list too (work particle i becomes input particle order[i])
            final double[] v = workVelocities, f = workForces;
            for (int i = 0; i < n; i++) {
                int p = order[i];
                for (int a = 0; a < d; a++) {
                    x[d * p + a] = wx[d * i + a];
                    velocities[d * p + a] = v[d * i + a];
                    forces[d * p + a] = f[d * i + a];
                }
            }
            list.renumber(order);
            bindArrays(null, null, null, null);
        }
    }

    /** Writes into {@code out} (length N) the particles of {@code list}'s cluster pairs in slot order (padding skipped). */
    private void slotOrder(NeighborList list, int[] out) {
        ClusterPairList pairs = list.clusterPairs(workers);
        final int[] slots = pairs.slotParticle();
        final int total = ClusterPairList.SIZE * pairs.clusterCount();
        int i = 0;
        for (int s = 0; s < total; s++) {
            int p = slots[s];
            if (p >= 0) out[i++] = p;
        }
        if (i != out.length) throw new IllegalStateException("cluster pairs hold " + i + " particles, expected " + out.length);
    }

    /**
     * After a rebuild in slot order: gathers the copies (positions, species, velocities; forces
     * are recomputed next) into the new build's slot order, and renumbers the list to match.
     */
    private void reorderToSlots(NeighborList list) {
        final int n = work.size(), d = work.dimension();
        final int[] step = rank;                       // step[i]: the current index of the particle that becomes i
        slotOrder(list, step);
        final double[] wx = work.positions(), v = workVelocities, nx = spare, nv = workForces;
        final int[] wsp = work.species(), nsp = spareSpecies;
        for (int i = 0; i < n; i++) {
            int p = step[i];
            for (int a = 0; a < d; a++) {
                nx[d * i + a] = wx[d * p + a];
                nv[d * i + a] = v[d * p + a];
            }
            nsp[i] = wsp[p];
            nextOrder[i] = order[p];
        }
        System.arraycopy(nx, 0, wx, 0, wx.length);
        System.arraycopy(nsp, 0, wsp, 0, n);
        System.arraycopy(nv, 0, v, 0, v.length);   // the forces array served as scratch: they are recomputed next
        int[] t = order;
        order = nextOrder;
        nextOrder = t;
        for (int i = 0; i < n; i++) t[step[i]] = i;   // t: current index -> new index
        list.renumber(t);
    }

    private void bindArrays(double[] x, double[] v, double[] f, int[] sp) {
        ux = x;
        uv = v;
        uf = f;
        usp = sp;
    }

    /** The velocity and position updates of particles [b·BLOCK, (b+1)·BLOCK), in the current phase. */
    private void updateBlock(int b, int worker) {
        final int d = system.dimension();
        final int from = b * BLOCK, to = Math.min(system.size(), from + BLOCK);
        final double dt = timestep;
        final double half = 0.5 * timestep;
        final double[] x = ux;
        final double[] v = uv;
        final double[] f = uf;
        final int[] sp = usp;
        final double[] im = inverseMass;
        switch (phase) {
            case KICK_DRIFT -> {
                for (int i = from; i < to; i++) {
                    double h = half * im[sp[i]];
                    for (int q = d * i, end = q + d; q < end; q++) {
                        double vq = v[q] + h * f[q];
                        v[q] = vq;
                        x[q] += dt * vq;
                    }
                }
            }
            case KICK_KICK_DRIFT -> {
                for (int i = from; i < to; i++) {
                    double h = half * im[sp[i]];
                    for (int q = d * i, end = q + d; q < end; q++) {
                        double hf = h * f[q];
                        double vq = (v[q] + hf) + hf;
                        v[q] = vq;
                        x[q] += dt * vq;
                    }
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    double h = half * im[sp[i]];
                    for (int q = d * i, end = q + d; q < end; q++) v[q] += h * f[q];
                }
            }
        }
    }
}
