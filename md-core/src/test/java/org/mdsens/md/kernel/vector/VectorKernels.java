package org.mdsens.md.kernel.vector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;

/** Test access to the vector provider, skipping (with the reason) when the incubator module is absent. */
final class VectorKernels {

    private VectorKernels() { }

    static final String ABSENT = "jdk.incubator.vector is not in this JVM: vector kernels are tested by the "
            + "-Pvector pass (mvn -Pvector ..., which adds --add-modules jdk.incubator.vector); CI runs both";

    /** Skips the calling test unless the Vector API is present. */
    static void assumeVectorApi() {
        assumeTrue(Kernels.vectorModulePresent(), ABSENT);
    }

    /** The vector provider with {@code threads} threads (after {@link #assumeVectorApi()}). */
    static KernelProvider provider(int threads) {
        assumeVectorApi();
        try {
            return (KernelProvider) Class.forName(Kernels.VECTOR_PROVIDER_CLASS).getConstructor(int.class)
                    .newInstance(threads);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the vector provider must load when the module is present", e);
        }
    }
}
