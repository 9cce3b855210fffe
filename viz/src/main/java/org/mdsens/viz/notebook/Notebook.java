package org.mdsens.viz.notebook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;

/**
 * Inline display of mdsens figures, tables and results in Jupyter, with the IJava kernel
 * (SpencerPark/IJava 1.3, jupyter-jvm-basekernel 2.3) or its maintained fork JJava.
 *
 * <pre>{@code
 * %maven org.mdsens:mdsens-viz:0.1.0-SNAPSHOT
 * import org.mdsens.viz.notebook.*;
 * Notebook.enable();                       // once per kernel; harmless to repeat
 * var minimum = Mdsens.softSpheres2D(128).diameters(1.0, 1.4).packingFraction(0.9).seed(7).minimize();
 * minimum.convergenceChart()               // a cell ending in a figure shows it (image/png)
 * }</pre>
 *
 * <p>{@link #enable()} finds the running kernel by reflection (IJava's
 * {@code IJava.getKernelInstance()}, JJava's {@code BaseKernel.notebookKernel()} and its older entry
 * points), takes its {@code Renderer} and registers render functions for {@link Displayable} (every
 * {@link Figure}, {@link Table} and result of this package: {@code image/png}, {@code image/svg+xml},
 * {@code text/html}, {@code text/markdown}), and for plain JFreeChart charts and particle views. Nothing of
 * either kernel is needed to compile or load mdsens. Without a kernel it returns false and says so on
 * standard error; figures still work through {@link Figure#toPng()}, {@link Figure#toSvg()},
 * {@link Figure#toHtml()}, {@link Figure#image()} (IJava displays a {@code BufferedImage} by itself) and
 * {@link Figure#save(java.nio.file.Path)}.
 *
 * <p>JJava's automatic {@code org.dflib.jjava.jupyter.Extension} service is not provided: implementing it
 * needs JJava's interface at compile time, which this build does not have; call {@code Notebook.enable()}
 * in JJava too.
 *
 * <p>Vector kernels: mdsens uses the Vector API force kernels when the kernel JVM runs with
 * {@code --add-modules jdk.incubator.vector} (kernel.json {@code argv}, or {@code JDK_JAVA_OPTIONS}) and
 * the scalar ones otherwise; {@link #enable()} reports which. Thread-safe.
 */
public final class Notebook {

    private Notebook() { }

    /**
     * Registers the mdsens renderers with the running IJava or JJava kernel, once; prints one line saying
     * what happened.
     *
     * @return true when the kernel's renderer has the mdsens renderers (now or from an earlier call),
     *         false when no kernel is running in this JVM
     */
    public static boolean enable() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Notebook.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && !loaders.contains(context)) loaders.add(context);
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (!loaders.contains(system)) loaders.add(system);
        return enable(loaders, System.out, System.err);
    }

    /** {@link #enable()} looking for the kernel through the given class loaders (for tests). */
    static boolean enable(List<ClassLoader> loaders, PrintStream info, PrintStream warnings) {
        KernelRenderers.Found found = KernelRenderers.find(loaders);
        if (found == null) {
            warnings.println("mdsens: no IJava or JJava kernel is running in this JVM, so inline display is off; "
                    + "use figure.toPng(), toSvg(), toHtml(), image() or save(path)");
            return false;
        }
        boolean now = KernelRenderers.register(found.renderer());
        info.println("mdsens: inline display " + (now ? "enabled" : "already enabled") + " for " + found.kernel()
                + " (image/png, image/svg+xml, text/html); force kernels: " + kernelDescription());
        return true;
    }

    /**
     * Registers the mdsens renderers with a given renderer (an IJava/basekernel or JJava
     * {@code Renderer}), once: a second call with the same renderer adds nothing.
     *
     * @return true when registered by this call, false when it already was
     * @throws IllegalArgumentException when the object is not such a renderer
     */
    public static boolean register(Object renderer) { return KernelRenderers.register(renderer); }

    /** True when the given renderer already has the mdsens renderers. */
    public static boolean isRegistered(Object renderer) { return KernelRenderers.isRegistered(renderer); }

    /**
     * Which force kernels this JVM uses for {@link KernelChoice#AUTO}, with a hint when the Vector API
     * module is absent.
     */
    public static String kernelDescription() {
        String name = Kernels.select(KernelChoice.AUTO).name();
        if (Kernels.vectorModulePresent()) return name;
        return name + " (add --add-modules " + Kernels.VECTOR_MODULE + " to the kernel JVM for vector kernels)";
    }
}
