package org.mdsens.md.kernel;

import org.mdsens.md.potential.PairPotential;

/**
 * The scalar reference kernels ({@link ScalarForceKernel}), named {@code scalar}: the oracle for
 * every other provider and the fallback when the Vector API is absent. Stateless and
 * thread-safe; every {@link #pairKernel} call returns a new kernel (one per thread).
 */
public final class ScalarKernelProvider implements KernelProvider {

    /** The shared instance (the provider is stateless). */
    public static final ScalarKernelProvider INSTANCE = new ScalarKernelProvider();

    @Override public String name() { return "scalar"; }

    @Override public ForceKernel pairKernel(PairPotential potential) { return new ScalarForceKernel(potential); }

    @Override public String toString() { return "ScalarKernelProvider"; }
}
