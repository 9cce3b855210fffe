package org.mdsens.viz.notebook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.jfree.chart.JFreeChart;
import org.mdsens.viz.picture.ParticleView;

/**
 * Registers mdsens render functions with a Jupyter kernel's {@code Renderer}, by reflection only, so
 * neither IJava (jupyter-jvm-basekernel, {@code io.github.spencerpark.jupyter.kernel.display}) nor JJava
 * ({@code org.dflib.jjava.jupyter.kernel.display}) is needed to compile or load mdsens. Both renderers
 * have the same shape, which is all this class relies on:
 * {@code renderer.createRegistration(Class).preferring(String...).supporting(String...).register(RenderFunction)},
 * {@code RenderFunction.render(Object, RenderContext)}, {@code RenderContext.getOutputContainer()} and
 * {@code wantsDataRenderedAs(MIMEType)}, {@code MIMEType.parse(String)} and
 * {@code DisplayData.putData(String, Object)}, all looked up in the renderer's own package and class loader.
 *
 * <p>Registered types: {@link Displayable} (every mdsens figure, table and result), and
 * {@link JFreeChart} and {@link ParticleView}, shown through {@link Figure}. A render function emits the
 * requested types that the object lists in {@link Displayable#displayTypes()}; when none of those was
 * requested (an explicit {@code renderAs}), the requested ones it supports.
 *
 * <p>Each renderer is registered at most once per copy of this class (a weak identity set), so repeated
 * calls add nothing. Thread-safe.
 */
final class KernelRenderers {

    /** Every MIME type an mdsens object may offer; the registration prefers all of them (objects choose). */
    static final String[] TYPES = {Displayable.PNG, Displayable.SVG, Displayable.HTML, Displayable.MARKDOWN};

    /** The classes registered, in registration order. */
    static final List<Class<?>> REGISTERED_TYPES = List.of(Displayable.class, JFreeChart.class, ParticleView.class);

    /** A kernel entry point: a class with a static method returning the kernel (which has getRenderer()). */
    record EntryPoint(String kernel, String className, String method) { }

    /** Where IJava 1.3 and the JJava versions keep their running kernel, tried in this order. */
    static final List<EntryPoint> ENTRY_POINTS = List.of(
            new EntryPoint("IJava", "io.github.spencerpark.ijava.IJava", "getKernelInstance"),
            new EntryPoint("JJava", "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel"),
            new EntryPoint("JJava", "org.dflib.jjava.kernel.JavaNotebookStatics", "kernel"),
            new EntryPoint("JJava", "org.dflib.jjava.JJava", "getKernelInstance"));

    /** A running kernel's renderer and the kernel's name. */
    record Found(String kernel, Object renderer) { }

    private static final Map<Object, Boolean> DONE = Collections.synchronizedMap(new WeakHashMap<>());

    private KernelRenderers() { }

    /** The first running kernel reachable from the loaders, or null. Never throws. */
    static Found find(List<ClassLoader> loaders) {
        for (EntryPoint e : ENTRY_POINTS) {
            for (ClassLoader loader : loaders) {
                if (loader == null) continue;
                Object kernel;
                try {
                    Class<?> c = Class.forName(e.className(), true, loader);
                    Method m = c.getMethod(e.method());
                    kernel = m.invoke(null);
                } catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
                    continue; // absent, or present without a running kernel (JJava throws then)
                }
                if (kernel == null) continue;
                try {
                    Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
                    if (renderer != null) return new Found(e.kernel(), renderer);
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    // a kernel without a renderer: try the next entry point
                }
            }
        }
        return null;
    }

    /** True if this renderer already has the mdsens functions (from this copy of the class). */
    static boolean isRegistered(Object renderer) { return DONE.containsKey(renderer); }

    /**
     * Registers the mdsens render functions with a renderer, unless already done.
     *
     * @return true when registered by this call, false when it already was
     * @throws IllegalArgumentException when the object does not have the shape of a basekernel renderer
     */
    static boolean register(Object renderer) {
        if (renderer == null) throw new IllegalArgumentException("renderer must not be null");
        synchronized (DONE) {
            if (DONE.containsKey(renderer)) return false;
            Api api = Api.of(renderer);
            for (Class<?> type : REGISTERED_TYPES) api.register(renderer, type);
            DONE.put(renderer, Boolean.TRUE);
            return true;
        }
    }

    /** The object as a {@link Displayable}, or null if it is none of the registered types. */
    static Displayable adapt(Object value) {
        if (value instanceof Displayable d) return d;
        if (value instanceof JFreeChart c) return Figure.of(c);
        if (value instanceof ParticleView v) return Figure.of(v);
        return null;
    }

    /** The MIME types to emit for an object, given which of its supported types were requested. */
    static List<String> select(Displayable d, List<String> requested) {
        List<String> preferred = new ArrayList<>();
        for (String t : d.displayTypes()) if (requested.contains(t)) preferred.add(t);
        return preferred.isEmpty() ? requested : preferred;
    }

    /** Reflective handles on one renderer family's API (basekernel or JJava). */
    private record Api(Method createRegistration, Method preferring, Method supporting, Method register,
                       Class<?> renderFunction, Method parseMime) {

        static Api of(Object renderer) {
            try {
                Class<?> rc = rendererClass(renderer.getClass());
                String pkg = rc.getPackageName();
                ClassLoader loader = rc.getClassLoader();
                Method create = rc.getMethod("createRegistration", Class.class);
                Class<?> registration = create.getReturnType();
                Class<?> function = Class.forName(pkg + ".RenderFunction", false, loader);
                Class<?> mime = Class.forName(pkg + ".mime.MIMEType", false, loader);
                return new Api(create, registration.getMethod("preferring", String[].class),
                        registration.getMethod("supporting", String[].class),
                        registration.getMethod("register", function), function, mime.getMethod("parse", String.class));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalArgumentException("renderer must be a jupyter-jvm-basekernel or JJava Renderer, got "
                        + renderer.getClass().getName() + " (" + e + ")", e);
            }
        }

        /** The class in the hierarchy that declares createRegistration(Class). */
        private static Class<?> rendererClass(Class<?> c) throws NoSuchMethodException {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                try {
                    k.getDeclaredMethod("createRegistration", Class.class);
                    return k;
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            throw new NoSuchMethodException(c.getName() + ".createRegistration(Class)");
        }

        void register(Object renderer, Class<?> type) {
            try {
                Object reg = createRegistration.invoke(renderer, type);
                reg = preferring.invoke(reg, (Object) TYPES.clone());
                reg = supporting.invoke(reg, (Object) TYPES.clone());
                Object fn = Proxy.newProxyInstance(renderFunction.getClassLoader(), new Class<?>[] {renderFunction},
                        new Handler(parseMime));
                register.invoke(reg, fn);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("registering the " + type.getSimpleName() + " renderer failed: "
                        + (e.getCause() != null ? e.getCause() : e), e);
            }
        }
    }

    /** The RenderFunction proxy: render(value, context) → putData for each selected MIME type. */
    private static final class Handler implements InvocationHandler {
        private final Method parseMime;

        Handler(Method parseMime) { this.parseMime = parseMime; }

        @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "render":
                    if (args != null && args.length == 2) {
                        try {
                            render(args[0], args[1]);
                        } catch (InvocationTargetException e) {
                            throw e.getCause(); // what the figure or the kernel threw
                        }
                        return null;
                    }
                    break;
                case "equals":
                    return args != null && args.length == 1 && proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "mdsens render function";
                default:
                    break;
            }
            throw new UnsupportedOperationException(method.toString());
        }

        private void render(Object value, Object context) throws ReflectiveOperationException {
            Displayable d = adapt(value);
            if (d == null) return;
            Class<?> cc = context.getClass();
            Object out = cc.getMethod("getOutputContainer").invoke(context);
            Method wants = cc.getMethod("wantsDataRenderedAs", parseMime.getReturnType());
            List<String> requested = new ArrayList<>();
            for (String t : d.supportedDisplayTypes()) {
                if ((Boolean) wants.invoke(context, parseMime.invoke(null, t))) requested.add(t);
            }
            Method put = out.getClass().getMethod("putData", String.class, Object.class);
            for (String t : select(d, requested)) put.invoke(out, t, d.displayData(t));
        }
    }
}
