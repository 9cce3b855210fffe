package org.mdsens.md.kernel;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mdsens.md.parallel.Workers;

/**
 * Chooses the {@link KernelProvider} once at start-up, in the manner of Lucene's
 * {@code VectorizationProvider}: the Vector API provider
 * ({@value #VECTOR_PROVIDER_CLASS}) is loaded reflectively, and only when the
 * {@code jdk.incubator.vector} module is in the boot layer; otherwise the scalar reference is used.
 *
 * <ul>
 *   <li>{@link KernelChoice#SCALAR}: always {@link ScalarKernelProvider}.</li>
 *   <li>{@link KernelChoice#AUTO}: when the vector provider is loadable and its optional
 *       {@code public static boolean preferredByDefault()} returns true (or is absent; the Vector
 *       API provider asks for vectors of at least 256 bits), a provider named
 *       {@code auto-<vector name>} whose kernels apply the fixed rule below per system;
 *       otherwise scalar, silently.</li>
 *   <li>{@link KernelChoice#VECTOR}: the vector provider when loadable; otherwise scalar and ONE
 *       warning on stderr per JVM naming the fix
 *       ({@code run with --add-modules jdk.incubator.vector on JDK 17+}).</li>
 * </ul>
 *
 * <p><b>The {@code auto} rule</b> (fixed, never a timing): a system gets the vector kernel when
 * at least {@value AutoKernelProvider#MIN_NEIGHBORS} neighbors per particle are expected within
 * the list range, ρ·V_d(cutoff + skin) ≥ 16 (ρ = N/V; open axes measured over the positions),
 * and the scalar kernel otherwise; the same on JDK 17 and 25. The cluster kernel does rows of
 * 8-lane entries (AVX-512) with a fixed cost per particle (lane reductions, broadcasts), so it
 * wins when rows are long and loses when they are short. Measured (benchmarks/README.md, table
 * A; forces, one thread, ns per atom, scalar / vector): 3D Lennard-Jones, 78 neighbors, 2.0–3.0×
 * faster; 2D Lennard-Jones at density 0.8, 20 neighbors, 1.7× (N = 1024); soft disks at
 * φ = 0.9, 7 neighbors: 0.66–0.8× for N ≤ 4096 (scalar 33, vector 42–50); 3D soft spheres at
 * φ = 0.64, 13 neighbors: 0.7× for N ≤ 4096; WCA fcc, 10 neighbors: 0.5×. Above about 8000
 * particles in random order the scalar loop slows down (its neighbors are scattered in memory)
 * and the vector kernel would win also for soft spheres (1.4–1.6× at N = 16384); the rule gives
 * that up rather than depend on the particle order. Hessian products follow the same pattern.
 * The kernels report the name of the kernel that served their last call ({@code scalar} or
 * {@code vector-512}).
 *
 * <p>The system property {@value #PROPERTY} ({@code auto|scalar|vector}), when set, overrides the
 * argument. A vector provider class must be public with a public no-argument constructor, and a
 * public {@code (int threads)} constructor for {@link #select(KernelChoice, int)}.
 *
 * <p>Thread-safe; the result depends only on the JVM, the argument and the property.
 */
public final class Kernels {

    /** System property overriding the requested choice: {@code auto}, {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "mdsens.kernel";

    /** Fully qualified name of the optional Vector API provider. */
    public static final String VECTOR_PROVIDER_CLASS = "org.mdsens.md.kernel.vector.VectorKernelProvider";

    /** The module whose presence allows the vector provider to load. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Kernels() { }

    /**
     * The provider for {@code choice}, or for the {@value #PROPERTY} system property when it is
     * set. Throws {@link IllegalArgumentException} for an unparseable property value.
     */
    public static KernelProvider select(KernelChoice choice) {
        return select(choice, 1);
    }

    /**
     * As {@link #select(KernelChoice)}, with kernels that split each call over {@code threads}
     * threads (≥ 1, the caller included; see {@link #availableThreads()}). Results do not depend
     * on the thread count. Only the vector provider runs threads; the scalar reference kernels
     * are single-threaded whatever is asked.
     */
    public static KernelProvider select(KernelChoice choice, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return select(choice, System.getProperty(PROPERTY), System.err, VECTOR_PROVIDER_CLASS, vectorModulePresent(),
                threads);
    }

    /** The processors available to this JVM: the default thread count. */
    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** As {@link #select(KernelChoice)}, with the property value and warning stream given (for tests). */
    static KernelProvider select(KernelChoice choice, String property, PrintStream warnings) {
        return select(choice, property, warnings, VECTOR_PROVIDER_CLASS, vectorModulePresent());
    }

    /** As {@link #select(KernelChoice)}, with every input given (for tests). */
    static KernelProvider select(KernelChoice choice, String property, PrintStream warnings, String providerClass,
                                 boolean modulePresent) {
        return select(choice, property, warnings, providerClass, modulePresent, 1);
    }

    /** As {@link #select(KernelChoice, int)}, with every input given (for tests). */
    static KernelProvider select(KernelChoice choice, String property, PrintStream warnings, String providerClass,
                                 boolean modulePresent, int threads) {
        KernelChoice effective = choice == null ? KernelChoice.AUTO : choice;
        if (property != null && !property.isBlank()) effective = KernelChoice.parse(property.trim());
        if (effective == KernelChoice.SCALAR) return ScalarKernelProvider.INSTANCE;
        KernelProvider vector = modulePresent ? loadVectorProvider(providerClass, threads) : null;
        if (effective == KernelChoice.AUTO) {
            return vector != null && preferredByDefault(vector) ? new AutoKernelProvider(vector) : ScalarKernelProvider.INSTANCE;
        }
        if (vector == null && WARNED.compareAndSet(false, true) && warnings != null) {
            warnings.println(modulePresent
                    ? "mdsens: vector kernels requested but " + providerClass
                            + " is not available in this build; using scalar kernels"
                    : "mdsens: vector kernels requested but the " + VECTOR_MODULE
                            + " module is absent; using scalar kernels (run with --add-modules "
                            + VECTOR_MODULE + " on JDK 17+)");
        }
        return vector != null ? vector : ScalarKernelProvider.INSTANCE;
    }

    /**
     * The threads of a kernel family, for the work around its kernel calls (neighbor-layout
     * builds, integrator updates): the provider's public {@code workers()} when it has one (the
     * vector provider, which splits its calls over the threads asked of
     * {@link #select(KernelChoice, int)}), otherwise {@link Workers#single()} (the scalar
     * reference, wrappers). Read once per integrator; never null.
     */
    public static Workers workers(KernelProvider provider) {
        if (provider == null) return Workers.single();
        if (provider instanceof AutoKernelProvider auto) return workers(auto.vector());
        try {
            Method m = provider.getClass().getMethod("workers");
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Workers.class) return Workers.single();
            Workers w = (Workers) m.invoke(provider);
            return w != null ? w : Workers.single();
        } catch (NoSuchMethodException e) {
            return Workers.single();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Workers.single();
        }
    }

    /** Re-arms the once-per-JVM warning (tests only). */
    static void resetWarning() { WARNED.set(false); }

    /** True when {@code jdk.incubator.vector} is in the boot module layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static KernelProvider loadVectorProvider(String providerClass, int threads) {
        try {
            Class<?> c = Class.forName(providerClass, true, Kernels.class.getClassLoader());
            if (!KernelProvider.class.isAssignableFrom(c)) return null;
            if (threads != 1) {
                try {
                    return (KernelProvider) c.getConstructor(int.class).newInstance(threads);
                } catch (NoSuchMethodException e) {
                    // a provider without threads
                }
            }
            return (KernelProvider) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static boolean preferredByDefault(KernelProvider vector) {
        try {
            Method m = vector.getClass().getMethod("preferredByDefault");
            if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != boolean.class) return true;
            return (Boolean) m.invoke(null);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
