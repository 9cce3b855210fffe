package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * TEST STAND-IN for IJava's entry point ({@code io.github.spencerpark.ijava.IJava}, IJava 1.3), on the
 * examples test class path only: while a notebook runs in {@code org.mdsens.examples.NotebooksTest},
 * {@link #getKernelInstance()} returns a kernel whose {@code getRenderer()} is that session's real
 * jupyter-jvm-basekernel {@link Renderer}, so {@code Notebook.enable()} in a notebook finds it exactly as
 * it finds IJava's; otherwise it returns null (no kernel running), as IJava's does outside a kernel.
 */
public final class IJava {

    /** The stand-in kernel: a renderer and a display sink. */
    public static final class JavaKernel {
        private final Renderer renderer;
        private final java.util.function.Consumer<DisplayData> sink;

        JavaKernel(Renderer renderer, java.util.function.Consumer<DisplayData> sink) {
            this.renderer = renderer;
            this.sink = sink;
        }

        public Renderer getRenderer() { return renderer; }

        public void display(DisplayData data) { sink.accept(data); }
    }

    private static volatile JavaKernel kernel;

    private IJava() { }

    /** The running stand-in kernel, or null. */
    public static JavaKernel getKernelInstance() { return kernel; }

    /** Starts (non-null arguments) or stops (null) the stand-in kernel. */
    public static void run(Renderer renderer, java.util.function.Consumer<DisplayData> sink) {
        kernel = renderer == null ? null : new JavaKernel(renderer, sink);
    }
}
