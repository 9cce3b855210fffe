package org.mdsens.md.kernel;

/** Which kernel family to use: a fixed rule ({@link #AUTO}) or a forced one. */
public enum KernelChoice {
    /** Vector kernels where the JDK and CPU are known (from benchmarks) to make them faster, else scalar. */
    AUTO,
    /** The scalar reference kernels. */
    SCALAR,
    /** The Vector API kernels; falls back to scalar with one warning if the incubator module is absent. */
    VECTOR;

    /** Parses {@code auto|scalar|vector} (case-insensitive). */
    public static KernelChoice parse(String s) {
        for (KernelChoice c : values()) if (c.name().equalsIgnoreCase(s)) return c;
        throw new IllegalArgumentException("kernel must be one of auto, scalar, vector, got '" + s + "'");
    }
}
