package org.mdsens.md.kernel.vector;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.ScalarForceKernel;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.potential.Wca;

/**
 * The Vector API kernels ({@code jdk.incubator.vector}), named {@code vector-<bits>} after the
 * preferred vector width of the CPU. Loaded reflectively by
 * {@link org.mdsens.md.kernel.Kernels#select} only when the incubator module is present.
 *
 * <p>Built-in potentials (Lennard-Jones cut, shifted and switched, WCA, soft sphere, Morse; up to
 * {@value PairForm#MAX_SPECIES} species) get the cluster kernel ({@link ClusterForceKernel}):
 * energies and forces, Hessian-vector products and parameter derivatives, optionally on several
 * threads with results independent of the thread count. With 8-lane vectors, energies and forces
 * of Lennard-Jones (cut, shifted, WCA) and Morse run on the 4×4 half cluster-pair list
 * ({@link org.mdsens.md.neighbor.ClusterPairList}, {@link ClusterPairForces}); the rest, and
 * every Hessian product and parameter derivative, on the 1×{@link Lanes#WIDTH} full cluster
 * rows ({@link org.mdsens.md.neighbor.ClusterList}). Other potentials (user formulas through
 * AD, more species) get the scalar reference kernel, single-threaded.
 *
 * <p>Thread-safe; {@link #pairKernel} returns a new kernel per call (one per thread). The worker
 * threads (daemons, {@link Workers#shared}) are shared by every provider asking for the same
 * count, started on first parallel use, and also run the cluster-layout builds of the kernels'
 * neighbor lists.
 */
public final class VectorKernelProvider implements KernelProvider {

    private final Workers workers;

    /** A single-threaded provider. */
    public VectorKernelProvider() { this(1); }

    /** A provider whose kernels split each call over {@code threads} threads (≥ 1; the caller is one of them). */
    public VectorKernelProvider(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (Lanes.WIDTH < 2) throw new UnsupportedOperationException("no double vectors on this CPU");
        this.workers = Workers.shared(threads);
    }

    /**
     * The fixed rule behind {@code auto} (DESIGN.md §7), from the benchmarks in
     * {@code benchmarks/README.md}: vectors of at least 256 bits (4 doubles), on any JDK from 17.
     * Measured on AVX-512 (Zen 5): the cluster kernel ran 2.1–3.0× the scalar kernel for 3D
     * Lennard-Jones on JDK 17 and 25 alike (forces), 1.5–1.7× for Hessian products, and still
     * about 2× when limited to 256-bit vectors ({@code -XX:MaxVectorSize=32}); it is slower
     * when particles have few neighbors (soft spheres, WCA), which {@code auto} then serves with
     * the scalar kernel (the rule in {@link org.mdsens.md.kernel.Kernels}). Depends only on the
     * JVM and CPU, never on a timing.
     */
    public static boolean preferredByDefault() {
        return Lanes.BITS >= 256;
    }

    /** Threads used by this provider's kernels. */
    public int threads() { return workers.threads(); }

    /**
     * The threads of this provider's kernels ({@link Workers#shared}), for the work around the
     * kernel calls (read through {@code Kernels.workers(provider)}).
     */
    public Workers workers() { return workers; }

    @Override public String name() { return "vector-" + Lanes.BITS; }

    @Override
    public ForceKernel pairKernel(PairPotential potential) {
        if (potential == null) throw new IllegalArgumentException("pair potential must not be null");
        PairForm form = formOf(potential);
        if (form == null) return new ScalarForceKernel(potential);
        return new ClusterForceKernel(potential, form, workers, name());
    }

    /** The vector arithmetic for a built-in potential, or null when the scalar kernel must serve it. */
    static PairForm formOf(PairPotential p) {
        if (p.speciesNames().size() > PairForm.MAX_SPECIES) return null;
        if (p instanceof LennardJones lj) return LjForm.of(lj);
        if (p instanceof Wca wca) return LjForm.of(wca);
        if (p instanceof SoftSphere ss) return SoftSphereForm.of(ss);
        if (p instanceof Morse m) return MorseForm.of(m);
        return null;
    }

    @Override public String toString() { return "VectorKernelProvider[" + name() + ", threads " + threads() + "]"; }
}
