package org.mdsens.md.kernel;

import org.mdsens.md.potential.PairPotential;

/** Stand-ins for the future Vector API provider, to test reflective loading. */
final class FakeVectorProviders {

    private FakeVectorProviders() { }

    /** Loadable, no {@code preferredByDefault}: AUTO takes it. */
    public static final class Plain implements KernelProvider {
        public Plain() { }
        @Override public String name() { return "vector-fake"; }
        @Override public ForceKernel pairKernel(PairPotential potential) { return new ScalarForceKernel(potential); }
    }

    /** Loadable, but not preferred by the fixed AUTO rule. */
    public static final class NotPreferred implements KernelProvider {
        public NotPreferred() { }
        public static boolean preferredByDefault() { return false; }
        @Override public String name() { return "vector-slow"; }
        @Override public ForceKernel pairKernel(PairPotential potential) { return new ScalarForceKernel(potential); }
    }

    /** Fails in its constructor (as a provider would on an unsupported CPU). */
    public static final class Broken implements KernelProvider {
        public Broken() { throw new UnsupportedOperationException("no SIMD here"); }
        @Override public String name() { return "broken"; }
        @Override public ForceKernel pairKernel(PairPotential potential) { return null; }
    }
}
