package org.mdsens.viz.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/**
 * Registration with a real jupyter-jvm-basekernel 2.3.0 {@link Renderer}: MIME types produced, repeated
 * registration, and kernel discovery with kernel classes absent, present without a running kernel, and
 * running (IJava- and JJava-shaped stand-ins compiled at test time).
 */
class RegistrationTest {

    private static final MIMEType PNG = MIMEType.parse(Displayable.PNG);
    private static final MIMEType SVG = MIMEType.parse(Displayable.SVG);
    private static final MIMEType HTML = MIMEType.parse(Displayable.HTML);

    /** A figure whose drawing counts how often it is drawn. */
    private static Figure countingFigure(AtomicInteger draws) {
        return Figure.of((g, w, h) -> {
            draws.incrementAndGet();
            g.setColor(Color.BLUE);
            g.fillOval(w / 4, h / 4, w / 2, h / 2);
            g.setColor(Color.RED);
            g.fillRect(0, 0, w / 5, h / 5);
        }, "test disk", 120, 80, 96);
    }

    private static JFreeChart lineChart() {
        XYSeries s = new XYSeries("y = x²");
        for (int i = 0; i <= 10; i++) s.add(i, i * i);
        return ChartFactory.createXYLineChart("parabola", "x", "y", new XYSeriesCollection(s));
    }

    @Test
    void figureRendersAsPngByDefaultAndSvgOrHtmlOnRequest() {
        Renderer r = new Renderer();
        assertTrue(Notebook.register(r));
        AtomicInteger draws = new AtomicInteger();
        Figure f = countingFigure(draws);

        DisplayData plain = r.render(f);
        assertTrue(plain.hasDataForType(PNG), "plain display carries image/png");
        assertFalse(plain.hasDataForType(SVG), "plain display of a PNG figure carries no SVG");
        assertFalse(plain.hasDataForType(HTML));
        assertTrue(String.valueOf(plain.getData(MIMEType.TEXT_PLAIN)).startsWith("Figure[test disk"));
        var img = Images.decodeBase64(plain.getData(PNG));
        assertEquals(120, img.getWidth());
        assertEquals(80, img.getHeight());
        Images.assertNotBlank(img);

        DisplayData svg = r.renderAs(f, Displayable.SVG);
        assertTrue(String.valueOf(svg.getData(SVG)).contains("<svg"));
        assertFalse(svg.hasDataForType(PNG));

        DisplayData vector = r.render(f.asSvg());
        assertTrue(vector.hasDataForType(SVG));
        assertFalse(vector.hasDataForType(PNG), "an asSvg() figure shows as SVG only");

        DisplayData html = r.renderAs(f, Displayable.HTML);
        assertTrue(String.valueOf(html.getData(HTML)).startsWith("<img src=\"data:image/png;base64,"));
    }

    @Test
    void tablesRenderAsHtmlAndChartsAsPng() {
        Renderer r = new Renderer();
        Notebook.register(r);
        Table t = Table.of("numbers", List.of("n", "n²"), List.of(List.of(2, 4.0), List.of(3, 9.0)));
        DisplayData d = r.render(t);
        String html = String.valueOf(d.getData(HTML));
        assertTrue(html.startsWith("<table") && html.contains("<caption>numbers</caption>") && html.contains(">9.0<"), html);
        assertFalse(d.hasDataForType(PNG));
        assertEquals(t.toString(), d.getData(MIMEType.TEXT_PLAIN));
        assertTrue(String.valueOf(r.renderAs(t, Displayable.MARKDOWN).getData(MIMEType.parse(Displayable.MARKDOWN)))
                .contains("| n | n² |"));

        DisplayData chart = r.render(lineChart());
        Images.assertNotBlank(Images.decodeBase64(chart.getData(PNG)));
        assertEquals(Figure.NOTEBOOK.width(), Images.decodeBase64(chart.getData(PNG)).getWidth());
    }

    @Test
    void unregisteredRendererShowsOnlyText() {
        Renderer r = new Renderer();
        DisplayData d = r.render(countingFigure(new AtomicInteger()));
        assertFalse(d.hasDataForType(PNG), "without registration the kernel falls back to toString()");
        assertFalse(Notebook.isRegistered(r));
    }

    @Test
    void registeringTwiceAddsNothing() {
        Renderer r = new Renderer();
        assertTrue(Notebook.register(r));
        assertFalse(Notebook.register(r), "second registration is refused");
        assertTrue(Notebook.isRegistered(r));
        AtomicInteger draws = new AtomicInteger();
        DisplayData d = r.render(countingFigure(draws));
        assertTrue(d.hasDataForType(PNG));
        assertEquals(1, draws.get(), "one render function ran, so the drawing was drawn once");
    }

    @Test
    void notARendererIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.register("renderer"));
        assertTrue(e.getMessage().contains("must be a jupyter-jvm-basekernel or JJava Renderer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Notebook.register(null));
    }

    @Test
    void withoutKernelClassesEnableSaysSoAndReturnsFalse() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a loader that sees the JDK only: neither IJava nor JJava nor the basekernel
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            boolean on = Notebook.enable(List.of(bare), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertFalse(on);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("no IJava or JJava kernel") && message.contains("toPng()"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        // and the public entry point in this JVM (basekernel present, no kernel running) is false too
        assertFalse(Notebook.enable());
    }

    @Test
    void ijavaKernelClassPresentButNotRunningIsNoKernel(@TempDir java.nio.file.Path dir) throws Exception {
        try (URLClassLoader loader = StandInKernels.ijava(dir, false)) {
            assertNull(KernelRenderers.find(List.of(loader)));
            assertFalse(Notebook.enable(List.of(loader), quiet(), quiet()));
        }
    }

    @Test
    void runningIJavaKernelIsFoundAndRegisteredOnce(@TempDir java.nio.file.Path dir) throws Exception {
        try (URLClassLoader loader = StandInKernels.ijava(dir, true)) {
            KernelRenderers.Found found = KernelRenderers.find(List.of(loader));
            assertEquals("IJava", found.kernel());
            Renderer renderer = (Renderer) found.renderer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream info = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertTrue(Notebook.enable(List.of(loader), info, quiet()));
            assertTrue(Notebook.enable(List.of(loader), info, quiet()), "second enable is still true");
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("enabled for IJava") && said.contains("already enabled for IJava"), said);
            AtomicInteger draws = new AtomicInteger();
            DisplayData d = renderer.render(countingFigure(draws));
            Images.assertNotBlank(Images.decodeBase64(d.getData(PNG)));
            assertEquals(1, draws.get());
        }
    }

    @Test
    void runningJJavaShapedKernelIsFoundAndRendersThroughItsOwnApi(@TempDir java.nio.file.Path dir) throws Exception {
        try (URLClassLoader loader = StandInKernels.jjava(dir)) {
            KernelRenderers.Found found = KernelRenderers.find(List.of(loader));
            assertEquals("JJava", found.kernel());
            assertTrue(Notebook.enable(List.of(loader), quiet(), quiet()));
            Object renderer = found.renderer();
            Table t = Table.of("", List.of("a"), List.of(List.of(1)));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> data = (java.util.Map<String, Object>) renderer.getClass()
                    .getMethod("renderToMap", Object.class).invoke(renderer, t);
            assertTrue(String.valueOf(data.get(Displayable.HTML)).startsWith("<table"), data.toString());
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> fig = (java.util.Map<String, Object>) renderer.getClass()
                    .getMethod("renderToMap", Object.class).invoke(renderer, countingFigure(new AtomicInteger()));
            Images.assertNotBlank(Images.decodeBase64(fig.get(Displayable.PNG)));
            assertFalse(fig.containsKey(Displayable.SVG));
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
