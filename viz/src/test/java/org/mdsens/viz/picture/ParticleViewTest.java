package org.mdsens.viz.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.viz.TestFigures;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.export.Drawable;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.export.PngExporter;
import org.mdsens.viz.export.SvgExporter;
import org.mdsens.viz.scene.ParticleScene;
import org.w3c.dom.Document;

class ParticleViewTest {

    @TempDir Path tmp;

    private static ViewOptions journal() {
        return Figures.viewOptions(FigurePreset.journalColumn());
    }

    private void keep(Path file) throws Exception {
        Path dir = TestFigures.checkDir();
        if (dir != null) Files.copy(file, dir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void bidisperse2dSeed7PngHasSizeDpiAndInk() throws Exception {
        ParticleScene scene = TestFigures.bidisperse2d(7);
        ParticleView view = new ParticleView(scene, journal().withTitle("bidisperse, seed 7"));
        Path png = tmp.resolve("view2d.png");
        PngExporter.write(Drawable.of(view), png, 1004, 753, 300);
        keep(png);
        BufferedImage img = TestFigures.readPng(png);
        assertEquals(1004, img.getWidth());
        assertEquals(753, img.getHeight());
        assertEquals(300, PngExporter.readDpi(png), 0.01);
        assertTrue(TestFigures.distinctColours(img) > 20, "anti-aliased figure with several colours");
        double ink = TestFigures.inkFraction(img);
        assertTrue(ink > 0.25 && ink < 0.9, "non-background fraction " + ink);
        // both species colours are present in quantity
        assertTrue(TestFigures.pixelsNear(img, 0x56B4E9, 6) > 5000, "species A (sky blue) drawn");
        assertTrue(TestFigures.pixelsNear(img, 0xE69F00, 6) > 5000, "species B (orange) drawn");
        assertTrue(TestFigures.pixelsNear(img, 0xEEEEEE, 3) > 300, "rattlers drawn light grey");
    }

    @Test
    void bidisperse2dSeed7SvgHasCountableParticlesArrowsAndRattlers() throws Exception {
        ParticleScene scene = TestFigures.bidisperse2d(7);
        ParticleView view = new ParticleView(scene, journal());
        Path svg = tmp.resolve("view2d.svg");
        SvgExporter.write(Drawable.of(view), svg, 1004, 753, 300);
        keep(svg);
        Document doc = TestFigures.parseSvg(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("85.01mm", doc.getDocumentElement().getAttribute("width"));
        assertEquals(scene.size(), TestFigures.groupsWithClass(doc, "particle"));
        assertEquals(3, TestFigures.groupsWithClass(doc, "rattler"));
        double[] m = scene.fieldMagnitudes();
        int nonZero = 0;
        for (double v : m) if (v > 0) nonZero++;
        assertEquals(scene.size() - 3, nonZero);
        assertEquals(nonZero, TestFigures.groupsWithClass(doc, "arrow"));
        assertEquals(1, TestFigures.groupsWithClass(doc, "legend"));
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("dx/d diameter[B]"), text);
        assertTrue(text.contains("rattlers (3)"), text);
        assertTrue(text.contains("5, 23, 40"), text);
        assertNotNull(findById(doc, "p0"), "particle groups carry ids");
    }

    private static Object findById(Document doc, String id) {
        var gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            if (id.equals(((org.w3c.dom.Element) gs.item(i)).getAttribute("id"))) return gs.item(i);
        }
        return null;
    }

    @Test
    void colourByMagnitudeSeed7ShowsViridisAndColourBar() throws Exception {
        ParticleScene scene = TestFigures.bidisperse2d(7);
        ParticleView view = new ParticleView(scene, journal().withColorByMagnitude(true));
        Path png = tmp.resolve("view2d-viridis.png");
        PngExporter.write(Drawable.of(view), png, 1004, 753, 300);
        keep(png);
        BufferedImage img = TestFigures.readPng(png);
        assertTrue(TestFigures.pixelsNear(img, 0x56B4E9, 4) < 200, "no species colours when colouring by |field|");
        String svg = SvgExporter.toSvg(Drawable.of(view), 1004, 753, 300);
        Document doc = TestFigures.parseSvg(svg);
        assertEquals(1, TestFigures.groupsWithClass(doc, "colorbar"));
        assertTrue(svg.contains("<linearGradient"), "colour bar is an SVG gradient");
    }

    @Test
    void zeroFieldHasFiniteScaleNoArrowsAndSaysSo() throws Exception {
        ParticleScene base = TestFigures.bidisperse2d(11);
        ParticleScene scene = base.withField(new double[2 * base.size()], "dx/d epsilon");
        ParticleView view = new ParticleView(scene, journal());
        ArrowScale s = view.arrowScale();
        assertTrue(s.zeroField());
        assertTrue(s.worldPerUnit() > 0 && Double.isFinite(s.worldPerUnit()));
        Document doc = TestFigures.parseSvg(SvgExporter.toSvg(Drawable.of(view), 900, 700, 96));
        assertEquals(0, TestFigures.groupsWithClass(doc, "arrow"));
        assertEquals(base.size(), TestFigures.groupsWithClass(doc, "particle"));
        assertTrue(TestFigures.texts(doc).contains("zero field: no arrows"));
    }

    /** One particle of diameter 1 at x = 0.01 in a 10×10 periodic box: it must show on both edges. */
    @Test
    void particleCrossingThePeriodicBoundaryIsDrawnOnBothEdges() throws Exception {
        ParticleSystem sys = new ParticleSystem(Box.Periodic.cube(2, 10), new double[] {0.01, 5.0, 5.0, 8.0},
                new int[] {0, 0}, List.of("A"));
        ParticleScene scene = ParticleScene.of(sys, new double[] {1.0});
        ParticleView view = new ParticleView(scene, ViewOptions.defaults().withSize(600, 600).withShowLegend(false));
        BufferedImage img = PngExporter.render(Drawable.of(view), 600, 600);
        int blue = 0x56B4E9;
        Point2D left = view.worldToScreen(new double[] {0.25, 5.0});
        Point2D right = view.worldToScreen(new double[] {9.75, 5.0});
        Point2D centre = view.worldToScreen(new double[] {5.0, 5.0});
        Point2D outside = view.worldToScreen(new double[] {-0.15, 5.0});
        assertTrue(TestFigures.near(rgb(img, left), blue, 4), "left edge shows the particle");
        assertTrue(TestFigures.near(rgb(img, right), blue, 4), "right edge shows its periodic image");
        assertTrue(TestFigures.near(rgb(img, centre), 0xFFFFFF, 2), "box centre is empty");
        assertTrue(TestFigures.near(rgb(img, outside), 0xFFFFFF, 2), "image clipped to the box");
        assertEquals(0, view.particleAt(right.getX(), right.getY()), "hit test finds the image");
        assertEquals(0, view.particleAt(left.getX(), left.getY()));
        Point2D p1 = view.particleOnScreen(1);
        assertEquals(1, view.particleAt(p1.getX(), p1.getY()));
        assertEquals(-1, view.particleAt(centre.getX(), centre.getY()));
        // SVG: the particle's group holds two disks (the particle and one image), the other particle one
        Document doc = TestFigures.parseSvg(SvgExporter.toSvg(Drawable.of(view), 600, 600, 96));
        assertEquals(2, shapesIn(doc, "p0") / shapesIn(doc, "p1"));
    }

    private static int shapesIn(Document doc, String id) {
        org.w3c.dom.Element g = (org.w3c.dom.Element) findById(doc, id);
        assertNotNull(g, "group " + id);
        return g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()
                + g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "ellipse").getLength();
    }

    private static int rgb(BufferedImage img, Point2D p) {
        return img.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xFFFFFF;
    }

    @Test
    void fcc3dSeed3PngAndSvgWithShadedSpheresAndArrows() throws Exception {
        ParticleScene scene = TestFigures.fcc3d(3);
        ParticleView view = new ParticleView(scene, journal().withTitle("fcc, seed 3"));
        Path png = tmp.resolve("view3d.png");
        PngExporter.write(Drawable.of(view), png, 1004, 753, 300);
        keep(png);
        BufferedImage img = TestFigures.readPng(png);
        assertEquals(1004, img.getWidth());
        assertEquals(753, img.getHeight());
        assertEquals(300, PngExporter.readDpi(png), 0.01);
        assertTrue(TestFigures.distinctColours(img) > 200, "shading gives many colours");
        double ink = TestFigures.inkFraction(img);
        assertTrue(ink > 0.2 && ink < 0.9, "non-background fraction " + ink);
        Path svg = tmp.resolve("view3d.svg");
        SvgExporter.write(Drawable.of(view), svg, 1004, 753, 300);
        keep(svg);
        String text = Files.readString(svg);
        Document doc = TestFigures.parseSvg(text);
        assertEquals(scene.size(), TestFigures.groupsWithClass(doc, "particle"));
        assertEquals(scene.size(), TestFigures.groupsWithClass(doc, "arrow"));
        assertTrue(text.contains("<radialGradient"), "spheres shaded by SVG radial gradients");
        assertEquals(2, TestFigures.groupsWithClass(doc, "box"), "box edges behind and in front");
    }

    @Test
    void fcc3dSeed3HitTestFindsTheFrontSphere() {
        ParticleScene scene = TestFigures.fcc3d(3);
        ParticleView view = new ParticleView(scene, ViewOptions.defaults());
        PngExporter.render(Drawable.of(view), 900, 700);
        // the sphere nearest to the camera is hit at its projected centre
        double[] pos = scene.positions();
        scene.box().wrap(pos);
        int nearest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < scene.size(); i++) {
            double dep = view.camera().depth(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
            if (dep < best) { best = dep; nearest = i; }
        }
        Point2D p = view.particleOnScreen(nearest);
        assertEquals(nearest, view.particleAt(p.getX(), p.getY()));
        assertEquals(-1, view.particleAt(2, 2), "corner of the drawing hits nothing");
        // after an orbit the projection changes and the hit test follows it
        view.camera().rotate(120, 40);
        Point2D q = view.particleOnScreen(nearest);
        assertNotEquals(p, q);
        int hit = view.particleAt(q.getX(), q.getY());
        assertNotEquals(-1, hit);
        double depHit = view.camera().depth(pos[3 * hit], pos[3 * hit + 1], pos[3 * hit + 2]);
        double depNearest = view.camera().depth(pos[3 * nearest], pos[3 * nearest + 1], pos[3 * nearest + 2]);
        assertTrue(depHit <= depNearest + 1e-12, "the hit is the front-most sphere under the point");
    }

    @Test
    void view2dHasNoCameraAnd3dHasOne() {
        assertNull(new ParticleView(TestFigures.bidisperse2d(1)).camera());
        assertNotNull(new ParticleView(TestFigures.fcc3d(1)).camera());
        assertFalse(new ParticleView(TestFigures.bidisperse2d(1)).arrowScale().zeroField());
    }

    @Test
    void openBoxSeed7FramesEveryParticleWithoutABox() throws Exception {
        ParticleScene s = TestFigures.bidisperse2d(7);
        ParticleScene open = new ParticleScene(s.positions(), 2, s.species(), s.speciesNames(), s.diameters(),
                new Box.Open(2), s.field(), s.fieldLabel(), s.rattlers());
        ParticleView view = new ParticleView(open, ViewOptions.defaults().withArrowScale(20));
        Document doc = TestFigures.parseSvg(SvgExporter.toSvg(Drawable.of(view), 900, 700, 96));
        assertEquals(0, TestFigures.groupsWithClass(doc, "box"));
        assertTrue(TestFigures.texts(doc).contains("(fixed scale)"));
        assertEquals(20, view.arrowScale().worldPerUnit());
        double[] pos = open.positions();
        double[] d = open.diameters();
        for (int i = 0; i < open.size(); i++) {
            Point2D c = view.particleOnScreen(i);
            Point2D edge = view.worldToScreen(new double[] {pos[2 * i] + 0.5 * d[i], pos[2 * i + 1] + 0.5 * d[i]});
            assertTrue(c.getX() > 0 && c.getX() < 900 && c.getY() > 0 && c.getY() < 700, "particle " + i);
            assertTrue(edge.getX() < 900 && edge.getY() > 0, "disk " + i + " inside the drawing");
            assertEquals(i, view.particleAt(c.getX(), c.getY()));
        }
    }

    @Test
    void viewOptionsAreValidated() {
        ViewOptions o = ViewOptions.defaults();
        assertTrue(o.automaticArrowScale());
        assertEquals("", o.withTitle(null).title());
        assertEquals(2.0, o.withFontSize(16).lineUnit());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> o.withSize(0, 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> o.withArrowScale(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> o.withFontSize(0));
    }
}
