package org.mdsens.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mdsens.viz.notebook.Notebook;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Acceptance test of {@code examples/notebooks/*.ipynb}: every code cell of every notebook runs in order
 * in one {@link JShell} per notebook (local execution engine, this test's class path, so the project's
 * classes and the basekernel), as IJava would run it, and the outputs are checked.
 *
 * <p>How it imitates IJava 1.3:
 * <ul>
 *   <li>Line magics ({@code %maven}, {@code %jars}, any line starting with {@code %}) are skipped and
 *       reported on standard output: the classes are already on the class path. Cell magics
 *       ({@code %%...}) would skip the cell; the notebooks have none.</li>
 *   <li>IJava's default imports are evaluated first ({@code java.util.*}, {@code java.io.*}, ...), then
 *       stand-ins for IJava's {@code display(Object)}, {@code display(Object, String...)},
 *       {@code render(Object)} and {@code render(Object, String...)} that call {@link NotebookSession},
 *       which holds a real {@code io.github.spencerpark.jupyter.kernel.display.Renderer}.</li>
 *   <li>A stand-in {@code io.github.spencerpark.ijava.IJava} (test class path only) reports that renderer
 *       as the running kernel's, so the notebooks' own {@code Notebook.enable()} registers the mdsens
 *       renderers with it; the test asserts it did.</li>
 *   <li>A cell's final value (a variable reference or an expression: the snippet kinds IJava displays)
 *       is rendered with the renderer, as IJava's execute_result.</li>
 * </ul>
 *
 * <p>Checks: the notebooks are stored with outputs cleared; no snippet is rejected, unresolved or throws
 * (the failure names the cell, the snippet and the diagnostics or exception); cells tagged
 * {@code figure} produce a decodable, non-blank PNG (or, tagged {@code svg}, a parseable SVG with
 * drawing in it); cells tagged {@code table} produce an HTML table; every PNG produced anywhere decodes.
 * Decoded figures are written to {@code target/notebook-figures/} for a look.
 */
class NotebooksTest {

    private static final Path NOTEBOOKS = Path.of(System.getProperty("basedir", ".")).resolve("notebooks");
    private static final Path FIGURES = Path.of(System.getProperty("basedir", ".")).resolve("target/notebook-figures");
    private static final MIMEType PNG = MIMEType.parse("image/png");
    private static final MIMEType SVG = MIMEType.parse("image/svg+xml");
    private static final MIMEType HTML = MIMEType.parse("text/html");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** IJava's startup imports (its init script), which notebooks may rely on. */
    private static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
            "java.util.regex.*", "java.util.stream.*");

    /** Stand-ins for io.github.spencerpark.ijava.runtime.Display's functions, backed by NotebookSession. */
    private static final List<String> DISPLAY_FUNCTIONS = List.of(
            "String display(Object o) { return org.mdsens.examples.NotebookSession.display(o); }",
            "String display(Object o, String... as) { return org.mdsens.examples.NotebookSession.display(o, as); }",
            "io.github.spencerpark.jupyter.kernel.display.DisplayData render(Object o) {"
                    + " return org.mdsens.examples.NotebookSession.render(o); }",
            "io.github.spencerpark.jupyter.kernel.display.DisplayData render(Object o, String... as) {"
                    + " return org.mdsens.examples.NotebookSession.render(o, as); }");

    record Cell(int index, String source, Set<String> tags) { }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    static List<Cell> codeCells(Path notebook) throws IOException {
        JsonNode root = JSON.readTree(notebook.toFile());
        List<Cell> cells = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cells")) {
            i++;
            if (!"code".equals(c.get("cell_type").asText())) continue;
            StringBuilder src = new StringBuilder();
            JsonNode s = c.get("source");
            if (s.isArray()) s.forEach(line -> src.append(line.asText()));
            else src.append(s.asText());
            Set<String> tags = new HashSet<>();
            JsonNode t = c.path("metadata").path("tags");
            t.forEach(tag -> tags.add(tag.asText()));
            cells.add(new Cell(i, src.toString(), tags));
        }
        return cells;
    }

    @Test
    void theTwoNotebooksExistAndAreStoredWithOutputsCleared() throws IOException {
        List<String> names = notebooks().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertTrue(names.containsAll(List.of("paper-sensitivity.ipynb", "sweep-and-plot.ipynb")), names.toString());
        for (Path nb : notebooks()) {
            JsonNode root = JSON.readTree(nb.toFile());
            assertEquals(4, root.get("nbformat").asInt(), nb + ": nbformat 4");
            assertEquals("java", root.path("metadata").path("kernelspec").path("language").asText(), nb + ": Java kernel");
            for (JsonNode c : root.get("cells")) {
                if (!"code".equals(c.get("cell_type").asText())) continue;
                assertEquals(0, c.get("outputs").size(), nb + ": outputs must be cleared");
                assertTrue(c.get("execution_count").isNull(), nb + ": execution counts must be cleared");
            }
            List<Cell> cells = codeCells(nb);
            assertTrue(cells.get(0).source().contains("%maven org.mdsens:mdsens-viz:"),
                    nb + ": the first cell adds mdsens with %maven");
            assertTrue(cells.stream().anyMatch(c -> c.tags().contains("figure")), nb + ": has figure cells");
            assertTrue(cells.stream().anyMatch(c -> c.tags().contains("svg")), nb + ": promises an SVG");
        }
    }

    /** About 30 s for the paper notebook and 12 s for the sweep on 2 shared cores (JShell compiles each snippet). */
    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> everyCellOfEveryNotebookRuns() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
    }

    private static void run(Path notebook) throws Exception {
        String name = notebook.getFileName().toString().replace(".ipynb", "");
        List<Cell> cells = codeCells(notebook);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        var renderer = NotebookSession.start();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(testClassPath());
            for (String imp : DEFAULT_IMPORTS) eval(shell, "import " + imp + ";", name + " startup");
            for (String f : DISPLAY_FUNCTIONS) eval(shell, f, name + " display stand-ins");
            NotebookSession.drain();
            int figures = 0;
            for (Cell cell : cells) {
                String where = name + " cell " + cell.index();
                long t0 = System.nanoTime();
                runCell(shell, cell, where);
                System.out.printf(Locale.ROOT, "%s: %.2f s%n", where, (System.nanoTime() - t0) * 1e-9);
                List<NotebookSession.Output> outputs = NotebookSession.drain();
                for (NotebookSession.Output o : outputs) {
                    System.out.println("  " + o.kind() + ": " + String.valueOf(o.data().getData(MIMEType.TEXT_PLAIN))
                            .replace("\n", "\n    "));
                }
                figures += check(cell, outputs, where, name);
            }
            assertTrue(Notebook.isRegistered(renderer), name + ": Notebook.enable() registered the mdsens renderers");
            assertTrue(figures > 0, name + ": produced figures");
        } finally {
            NotebookSession.stop();
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    /** Runs one cell snippet by snippet; renders the final value as IJava does. */
    private static void runCell(JShell shell, Cell cell, String where) {
        StringBuilder code = new StringBuilder();
        for (String line : cell.source().split("\n", -1)) {
            if (line.strip().startsWith("%%")) {
                System.out.println(where + ": skipped cell magic (classes are on the test class path): " + line.strip());
                return;
            }
            if (line.strip().startsWith("%")) {
                System.out.println(where + ": skipped line magic (classes are on the test class path): " + line.strip());
                code.append('\n');
            } else {
                code.append(line).append('\n');
            }
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code.toString();
        Snippet last = null;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!info.completeness().isComplete()) fail(where + ": incomplete source: " + info.remaining().strip());
            last = eval(shell, info.source(), where);
            remaining = info.remaining();
        }
        if (last == null) return;
        String value = switch (last.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> ((jdk.jshell.VarSnippet) last).name();
            case VAR_VALUE_SUBKIND -> ((jdk.jshell.ExpressionSnippet) last).name();
            default -> null;
        };
        if (value != null) eval(shell, "org.mdsens.examples.NotebookSession.result(" + value + ");", where + " (result)");
    }

    /** Evaluates one snippet; fails the test with the diagnostics or the exception when it does not run. */
    private static Snippet eval(JShell shell, String source, String where) {
        Snippet fresh = null;
        for (SnippetEvent e : shell.eval(source)) {
            if (e.causeSnippet() != null) continue;
            fresh = e.snippet();
            JShellException ex = e.exception();
            if (ex != null) fail(where + ": snippet threw\n" + source.strip() + "\n" + describe(ex));
            switch (e.status()) {
                case REJECTED -> fail(where + ": snippet rejected\n" + source.strip() + "\n"
                        + shell.diagnostics(e.snippet()).map(d -> "  " + d.getMessage(Locale.ROOT))
                                .collect(Collectors.joining("\n")));
                case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> fail(where + ": unresolved references in\n"
                        + source.strip() + "\n  " + (e.snippet() instanceof DeclarationSnippet d
                        ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "?"));
                default -> { }
            }
        }
        assertNotNull(fresh, where + ": no snippet for " + source);
        return fresh;
    }

    private static String describe(JShellException ex) {
        StringWriter w = new StringWriter();
        if (ex instanceof EvalException ee) w.append(ee.getExceptionClassName()).append(": ");
        if (ex instanceof UnresolvedReferenceException ur) w.append("unresolved ").append(ur.getSnippet().source());
        w.append(String.valueOf(ex.getMessage())).append('\n');
        ex.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** Checks a cell's outputs against its tags; returns the number of figures it produced. */
    private static int check(Cell cell, List<NotebookSession.Output> outputs, String where, String name)
            throws Exception {
        int pngs = 0;
        int svgs = 0;
        int tables = 0;
        int k = 0;
        for (NotebookSession.Output o : outputs) {
            DisplayData d = o.data();
            if (d.hasDataForType(PNG)) {
                Object data = d.getData(PNG);
                assertTrue(data instanceof String, where + ": image/png must be base64 text");
                byte[] bytes = Base64.getDecoder().decode((String) data);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
                assertNotNull(img, where + ": image/png does not decode");
                assertNotBlank(img, where);
                Files.createDirectories(FIGURES);
                Files.write(FIGURES.resolve(name + "-cell" + cell.index() + "-" + (k++) + ".png"), bytes);
                pngs++;
            }
            if (d.hasDataForType(SVG)) {
                assertSvg(String.valueOf(d.getData(SVG)), where);
                Files.createDirectories(FIGURES);
                Files.writeString(FIGURES.resolve(name + "-cell" + cell.index() + "-" + (k++) + ".svg"),
                        String.valueOf(d.getData(SVG)), StandardCharsets.UTF_8);
                svgs++;
            }
            if (d.hasDataForType(HTML) && String.valueOf(d.getData(HTML)).contains("<table")) tables++;
        }
        if (cell.tags().contains("svg")) {
            assertTrue(svgs > 0, where + ": promised an SVG, got outputs " + describe(outputs));
        } else if (cell.tags().contains("figure")) {
            assertTrue(pngs > 0, where + ": a figure cell must show a PNG, got outputs " + describe(outputs));
        }
        if (cell.tags().contains("table")) {
            assertTrue(tables > 0, where + ": a table cell must show an HTML table, got outputs " + describe(outputs));
        }
        return pngs + svgs;
    }

    private static String describe(List<NotebookSession.Output> outputs) {
        return outputs.stream().map(o -> o.kind() + " " + String.valueOf(o.data().getData(MIMEType.TEXT_PLAIN)))
                .collect(Collectors.joining("; ", "[", "]"));
    }

    /** Not blank: over 1% of the pixels differ from the corner colour, and at least 3 colours. */
    private static void assertNotBlank(BufferedImage img, String where) {
        int bg = img.getRGB(0, 0);
        long differ = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (c != bg) differ++;
                if (colours.size() < 16) colours.add(c);
            }
        }
        double fraction = differ / (double) (img.getWidth() * (long) img.getHeight());
        assertTrue(fraction > 0.01, where + ": PNG looks blank (" + fraction + " of the pixels differ)");
        assertTrue(colours.size() >= 3, where + ": PNG has only " + colours.size() + " colours");
    }

    /** A parseable SVG document (no external DTD fetched) whose root is svg and that draws something. */
    private static void assertSvg(String svg, String where) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName(), where + ": SVG root");
        int drawn = doc.getElementsByTagNameNS("*", "path").getLength() + doc.getElementsByTagNameNS("*", "circle").getLength()
                + doc.getElementsByTagNameNS("*", "ellipse").getLength() + doc.getElementsByTagNameNS("*", "line").getLength()
                + doc.getElementsByTagNameNS("*", "rect").getLength() + doc.getElementsByTagNameNS("*", "polygon").getLength()
                + doc.getElementsByTagNameNS("*", "polyline").getLength();
        assertTrue(drawn >= 20, where + ": SVG draws only " + drawn + " shapes");
        assertFalse(svg.contains("<!DOCTYPE"), where + ": SVG must not need an external DTD");
    }

    /** The test's class path (surefire's own list; java.class.path may be a manifest-only jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
