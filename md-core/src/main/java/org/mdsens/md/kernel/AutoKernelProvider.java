package org.mdsens.md.kernel;

import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * {@link KernelChoice#AUTO} on a JVM with the vector kernels: per system, the vector kernel when
 * the neighbor list is dense enough for it, otherwise the scalar reference (see
 * {@link Kernels} for the rule and the measurements behind it). Named
 * {@code auto-<vector name>} (e.g. {@code auto-vector-512}); each kernel reports, once called,
 * the name of the kernel that served its last call.
 *
 * <p>Thread-safe; kernels are one per thread, like those of the providers it wraps.
 */
final class AutoKernelProvider implements KernelProvider {

    /**
     * Fewest expected neighbors per particle within cutoff + skin for the vector kernel: below
     * it the cluster kernel's fixed per-particle cost (a row of 8-lane entries that are mostly
     * empty, lane reductions) exceeds the scalar loop's few pairs.
     */
    static final double MIN_NEIGHBORS = 16;

    private final KernelProvider vector;

    AutoKernelProvider(KernelProvider vector) {
        this.vector = vector;
    }

    /** The vector provider behind this one. */
    KernelProvider vector() { return vector; }

    /** The vector provider's threads (used by the vector kernels; the scalar ones run on the caller). */
    Workers workers() { return Kernels.workers(vector); }

    @Override public String name() { return "auto-" + vector.name(); }

    @Override
    public ForceKernel pairKernel(PairPotential potential) {
        ForceKernel v = vector.pairKernel(potential);
        if (v instanceof ScalarForceKernel) return v;          // potentials the vector family serves with scalar
        return new Kernel(ScalarKernelProvider.INSTANCE.pairKernel(potential), v, name());
    }

    @Override public String toString() { return "AutoKernelProvider[" + vector + "]"; }

    /**
     * Expected neighbors per particle within {@code range}: ρ·V_d(range), ρ = N / V with V the
     * periodic lengths times, on open axes, the extent of the positions (at least {@code range}).
     */
    static double expectedNeighbors(ParticleSystem system, double range) {
        int d = system.dimension(), n = system.size();
        double[] len = system.box().imageLengths();
        double[] x = system.positions();
        double volume = 1;
        for (int a = 0; a < d; a++) {
            double l = len[a];
            if (!(l > 0)) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int i = a; i < x.length; i += d) {
                    lo = Math.min(lo, x[i]);
                    hi = Math.max(hi, x[i]);
                }
                l = n > 0 ? hi - lo : 0;
            }
            volume *= Math.max(l, range);
        }
        double ball = d == 3 ? 4.0 / 3.0 * Math.PI * range * range * range : d == 2 ? Math.PI * range * range : 2 * range;
        return n / volume * ball;
    }

    /** Chooses per system and neighbor-list build, and delegates every call. */
    static final class Kernel implements ForceKernel {
        private final ForceKernel scalar;
        private final ForceKernel vector;
        private final String autoName;
        private ForceKernel last;
        // the choice, kept for one system and one build of one list
        private ParticleSystem system;
        private NeighborList list;
        private int build = -1;
        private ForceKernel choice;

        Kernel(ForceKernel scalar, ForceKernel vector, String autoName) {
            this.scalar = scalar;
            this.vector = vector;
            this.autoName = autoName;
        }

        /** The kernel for this system and list: vector when enough neighbors are expected. */
        ForceKernel choose(ParticleSystem s, NeighborList l) {
            last = pick(s, l);
            return last;
        }

        /** As {@link #choose}, without recording the kernel as the one that served a call. */
        private ForceKernel pick(ParticleSystem s, NeighborList l) {
            if (s != system || l != list || l.rebuildCount() != build) {
                choice = expectedNeighbors(s, l.cutoff() + l.skin()) >= MIN_NEIGHBORS ? vector : scalar;
                system = s;
                list = l;
                build = l.rebuildCount();
            }
            return choice;
        }

        /** The name of the kernel that served the last call ({@code auto-...} before the first). */
        @Override public String name() { return last != null ? last.name() : autoName; }

        @Override
        public double energyAndForces(ParticleSystem s, NeighborList l, double[] forces, double[] virial) {
            return choose(s, l).energyAndForces(s, l, forces, virial);
        }

        @Override
        public boolean readsClusterPairs(ParticleSystem s, NeighborList l) {
            return pick(s, l).readsClusterPairs(s, l);
        }

        @Override
        public void hessianProduct(ParticleSystem s, NeighborList l, double[] v, double[] out) {
            choose(s, l).hessianProduct(s, l, v, out);
        }

        @Override
        public double parameterEnergyDerivative(ParticleSystem s, NeighborList l, int k) {
            return choose(s, l).parameterEnergyDerivative(s, l, k);
        }

        @Override
        public void parameterGradient(ParticleSystem s, NeighborList l, int k, double[] out) {
            choose(s, l).parameterGradient(s, l, k, out);
        }

        @Override public String toString() { return "AutoKernel[" + scalar + ", " + vector + "]"; }
    }
}
