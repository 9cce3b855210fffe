package org.mdsens.viz.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.viz.TestFigures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir Path tmp;

    private static final Drawable SQUARE = (g, w, h) -> {
        g.setPaint(new Color(0x0072B2));
        g.fill(new Rectangle2D.Double(w / 4.0, h / 4.0, w / 2.0, h / 2.0));
    };

    @Test
    void pngCarriesItsDpiAndSize() throws Exception {
        Path png = tmp.resolve("a.png");
        PngExporter.write(SQUARE, png, 320, 200, 96);
        assertEquals(96, PngExporter.readDpi(png), 0.02); // pHYs stores whole pixels per metre
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
        assertEquals(0x0072B2, img.getRGB(160, 100) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(5, 5) & 0xFFFFFF, "white background");
        assertEquals(0.25, TestFigures.inkFraction(img), 0.01);
        PngExporter.write(SQUARE, png, 100, 100, 600); // overwrite in place
        assertEquals(600, PngExporter.readDpi(png), 0.05);
    }

    @Test
    void pngWithoutPhysHasNoDpi() throws Exception {
        Path plain = tmp.resolve("plain.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", plain.toFile());
        assertTrue(Double.isNaN(PngExporter.readDpi(plain)));
    }

    @Test
    void writesLeaveNoTemporaryFilesAndUsualPermissions() throws Exception {
        Path png = tmp.resolve("sub/dir/a.png");
        Path svg = tmp.resolve("sub/dir/a.svg");
        PngExporter.write(SQUARE, png, 50, 40, 300);
        SvgExporter.write(SQUARE, svg, 50, 40, 300);
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(Set.of("a.png", "a.svg"), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Path reference = tmp.resolve("sub/dir/reference");
            Files.newOutputStream(reference).close();
            Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
            assertEquals(expected, Files.getPosixFilePermissions(png), "same mode as an ordinary new file");
            assertEquals(expected, Files.getPosixFilePermissions(svg));
        }
    }

    @Test
    void invalidSizesAndDpiAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PngExporter.render(SQUARE, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> SvgExporter.render(SQUARE, 10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> PngExporter.write(SQUARE, tmp.resolve("x.png"), 10, 10,
                Double.NaN));
    }

    @Test
    void svgHasPhysicalSizeViewBoxAndParses() throws Exception {
        String text = SvgExporter.toSvg(SQUARE, 1004, 753, 300);
        Document doc = TestFigures.parseSvg(text);
        Element root = doc.getDocumentElement();
        assertEquals("85.01mm", root.getAttribute("width"));
        assertEquals("63.75mm", root.getAttribute("height"));
        assertEquals("0 0 1004 753", root.getAttribute("viewBox"));
        assertEquals(1, doc.getElementsByTagNameNS(SVG_NS, "rect").getLength());
    }

    @Test
    void chartHintsBecomeNestedGroups() throws Exception {
        Drawable nested = (g, w, h) -> {
            g.setRenderingHint(ChartHints.KEY_BEGIN_ELEMENT, Map.of("id", "outer", "ref", "{\"k\": 1}"));
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            var copy = (java.awt.Graphics2D) g.create(); // copies share the group stack
            copy.setRenderingHint(ChartHints.KEY_BEGIN_ELEMENT, "inner");
            copy.fill(new Rectangle2D.Double(2, 2, 1, 1));
            copy.fill(new Rectangle2D.Double(4, 4, 1, 1));
            copy.setRenderingHint(ChartHints.KEY_END_ELEMENT, Boolean.TRUE);
            copy.dispose();
            g.fill(new Rectangle2D.Double(6, 6, 1, 1));
            g.setRenderingHint(ChartHints.KEY_END_ELEMENT, Boolean.TRUE);
            g.fill(new Rectangle2D.Double(8, 8, 1, 1));
        };
        Document doc = TestFigures.parseSvg(SvgExporter.toSvg(nested, 20, 20, 96));
        Element outer = byId(doc, "outer");
        assertEquals("{\"k\": 1}", outer.getAttribute("data-ref"));
        assertEquals(4, rects(outer), "outer holds its own two rectangles plus the inner group's two");
        assertEquals(2, rects(firstWithClass(outer, "inner")));
        assertEquals(5, rects(doc.getDocumentElement()), "the last rectangle is outside the groups");
    }

    /** A presentation property, as an attribute or inside the CSS style attribute (Batik writes CSS). */
    private static String property(Element e, String name) {
        if (e.hasAttribute(name)) return e.getAttribute(name);
        for (String decl : e.getAttribute("style").split(";")) {
            String[] kv = decl.split(":", 2);
            if (kv.length == 2 && kv[0].trim().equals(name)) return kv[1].trim();
        }
        return "";
    }

    private static int rects(Element e) {
        return e.getElementsByTagNameNS(SVG_NS, "rect").getLength();
    }

    private static Element byId(Document doc, String id) {
        NodeList gs = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            if (id.equals(((Element) gs.item(i)).getAttribute("id"))) return (Element) gs.item(i);
        }
        throw new AssertionError("no group " + id);
    }

    private static Element firstWithClass(Element parent, String cls) {
        NodeList gs = parent.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            if (cls.equals(((Element) gs.item(i)).getAttribute("class"))) return (Element) gs.item(i);
        }
        throw new AssertionError("no group of class " + cls);
    }

    @Test
    void multiStopGradientsBecomeSvgGradients() throws Exception {
        Drawable gradients = (g, w, h) -> {
            g.setPaint(new RadialGradientPaint(new Point2D.Double(10, 10), 5f, new Point2D.Double(8, 8),
                    new float[] {0f, 0.6f, 1f}, new Color[] {Color.WHITE, Color.RED, new Color(0, 0, 0, 128)},
                    MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(new Rectangle2D.Double(5, 5, 10, 10));
            g.setPaint(new LinearGradientPaint(0, 0, 0, 20, new float[] {0f, 0.5f, 1f},
                    new Color[] {Color.BLUE, Color.GREEN, Color.YELLOW}, MultipleGradientPaint.CycleMethod.REFLECT));
            g.fill(new Rectangle2D.Double(0, 0, 3, 20));
        };
        Document doc = TestFigures.parseSvg(SvgExporter.toSvg(gradients, 20, 20, 96));
        Element radial = (Element) doc.getElementsByTagNameNS(SVG_NS, "radialGradient").item(0);
        Element linear = (Element) doc.getElementsByTagNameNS(SVG_NS, "linearGradient").item(0);
        assertEquals("8", radial.getAttribute("fx"));
        assertEquals("5", radial.getAttribute("r"));
        assertEquals("userSpaceOnUse", radial.getAttribute("gradientUnits"));
        NodeList stops = radial.getElementsByTagNameNS(SVG_NS, "stop");
        assertEquals(3, stops.getLength());
        assertEquals("#ff0000", property((Element) stops.item(1), "stop-color"));
        assertEquals("0.502", property((Element) stops.item(2), "stop-opacity"));
        assertEquals("reflect", linear.getAttribute("spreadMethod"));
        assertEquals(3, linear.getElementsByTagNameNS(SVG_NS, "stop").getLength());
        String fillRef = "url(#" + radial.getAttribute("id") + ")";
        NodeList rects = doc.getElementsByTagNameNS(SVG_NS, "rect");
        boolean used = false;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            Element p = (Element) r.getParentNode();
            used |= (r.getAttribute("style") + p.getAttribute("style")).contains(fillRef);
        }
        assertTrue(used, "a rectangle is filled with " + fillRef);
    }
}
