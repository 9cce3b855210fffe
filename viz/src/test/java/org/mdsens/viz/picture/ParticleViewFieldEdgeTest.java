package org.mdsens.viz.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
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

/** Round-off fields, and arrows and particles at the edge of the view (user reports on the viz API). */
class ParticleViewFieldEdgeTest {

    @TempDir Path tmp;

    private static final int W = 1004, H = 753;

    private static ViewOptions journal() {
        return Figures.viewOptions(FigurePreset.journalColumn());
    }

    private void keep(Path file) throws Exception {
        Path dir = TestFigures.checkDir();
        if (dir != null) Files.copy(file, dir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A perfect monodisperse triangular crystal (8×8, spacing 1.12, periodic) with a seeded ~1e-10 field. */
    private static ParticleScene roundOffCrystal(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int nx = 8, ny = 8, n = nx * ny;
        double a = 1.12, h = a * Math.sqrt(3) / 2;
        double[] x = new double[2 * n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                x[2 * (j * nx + i)] = (i + 0.5 * (j % 2)) * a;
                x[2 * (j * nx + i) + 1] = j * h;
            }
        }
        double[] f = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) f[k] = 2e-10 * (rng.nextDouble() - 0.5);
        ParticleSystem sys = new ParticleSystem(new Box.Periodic(new double[] {nx * a, ny * h}), x, new int[n],
                List.of("A"));
        return ParticleScene.of(sys, new double[] {1.0}).withField(f, "dx/d sigma[A,A]");
    }

    private Document svgOf(ParticleView view, String name) throws Exception {
        Path svg = tmp.resolve(name + ".svg");
        SvgExporter.write(Drawable.of(view), svg, W, H, 300);
        keep(svg);
        return TestFigures.parseSvg(svg);
    }

    @Test
    void roundOffFieldSeed3DrawsNoArrowsAndSaysWhy() throws Exception {
        ParticleScene scene = roundOffCrystal(3);
        ParticleView view = new ParticleView(scene, journal());
        assertTrue(view.arrowScale().zeroField());
        Document doc = svgOf(view, "roundoff");
        assertEquals(0, TestFigures.groupsWithClass(doc, "arrow"), "round-off drawn as arrows");
        assertEquals(0, TestFigures.groupsWithClass(doc, "scale-arrow"));
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("zero field: no arrows"), text);
        assertTrue(text.contains("10⁻⁸"), "the threshold is stated: " + text);
        assertFalse(text.contains("= 1×10⁻¹⁰") || text.contains("= 5×10⁻¹¹"), text);

        // override: τ = 0 draws the round-off (someone who wants to see it can)
        view.setOptions(journal().withZeroFieldThreshold(0));
        assertFalse(view.arrowScale().zeroField());
        assertEquals(scene.size(), TestFigures.groupsWithClass(svgOf(view, "roundoff-tau0"), "arrow"));
        // colour by magnitude does not paint round-off on viridis: every particle gets the zero colour
        ParticleView byMag = new ParticleView(scene, journal().withColorByMagnitude(true).withShowLegend(false));
        BufferedImage img = PngExporter.render(Drawable.of(byMag), W, H);
        int zero = TestFigures.pixelsNear(img, Palette.viridis(0).getRGB() & 0xFFFFFF, 4);
        int top = TestFigures.pixelsNear(img, Palette.viridis(1).getRGB() & 0xFFFFFF, 30);
        assertTrue(zero > 20000 && top == 0, "zero colour " + zero + " px, top colour " + top + " px");
    }

    /** Counts dark (arrow-black) pixels within r px of (x, y). */
    private static int darkNear(BufferedImage img, double x, double y, int r) {
        int c = 0;
        for (int py = (int) y - r; py <= (int) y + r; py++) {
            for (int px = (int) x - r; px <= (int) x + r; px++) {
                if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) continue;
                int rgb = img.getRGB(px, py) & 0xFFFFFF;
                if (TestFigures.near(rgb, 0x000000, 60)) c++;
            }
        }
        return c;
    }

    /** Dark pixels in the outermost {@code frame} rows and columns of the image. */
    private static int darkOnBorder(BufferedImage img, int frame) {
        int c = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                boolean edge = x < frame || y < frame || x >= img.getWidth() - frame || y >= img.getHeight() - frame;
                if (edge && TestFigures.near(img.getRGB(x, y) & 0xFFFFFF, 0x000000, 60)) c++;
            }
        }
        return c;
    }

    /** A point 40 % back from the tip towards the start: on the shaft, so it must be black if drawn. */
    private static Point2D nearTip(Point2D start, Point2D tip) {
        return new Point2D.Double(tip.getX() + 0.25 * (start.getX() - tip.getX()),
                tip.getY() + 0.25 * (start.getY() - tip.getY()));
    }

    /**
     * A 4×4 grid (spacing 1.1, diameter 1) with a field that points outwards at the edge particles and is
     * small inside, so the automatic scale gives edge arrows of up to three diameters.
     */
    private static ParticleScene outwardField(Box box, double offset) {
        int n = 16;
        double[] x = new double[2 * n];
        double[] f = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double px = (k % 4) * 1.1 + offset, py = (k / 4) * 1.1 + offset;
            x[2 * k] = px;
            x[2 * k + 1] = py;
            double ux = (k % 4) - 1.5, uy = (k / 4) - 1.5;
            double edge = (k % 4 == 0 || k % 4 == 3 || k / 4 == 0 || k / 4 == 3) ? 1 : 0.05;
            f[2 * k] = edge * ux;
            f[2 * k + 1] = edge * uy;
        }
        ParticleSystem sys = new ParticleSystem(box, x, new int[n], List.of("A"));
        return ParticleScene.of(sys, new double[] {1.0}).withField(f, "dx/d p");
    }

    private void checkTipsDrawnWhole(ParticleView view, ParticleScene scene, String name) throws Exception {
        Path png = tmp.resolve(name + ".png");
        PngExporter.write(Drawable.of(view), png, W, H, 300);
        keep(png);
        BufferedImage img = TestFigures.readPng(png);
        assertEquals(0, darkOnBorder(img, 3), name + ": ink on the image border (clipped)");
        double[] p = scene.positions(), f = scene.field();
        double s = view.arrowScale().worldPerUnit();
        double[] wrapped = p.clone();
        scene.box().wrap(wrapped);
        for (int i = 0; i < scene.size(); i++) {
            Point2D a = view.worldToScreen(new double[] {wrapped[2 * i], wrapped[2 * i + 1]});
            Point2D b = view.worldToScreen(new double[] {wrapped[2 * i] + s * f[2 * i],
                                                         wrapped[2 * i + 1] + s * f[2 * i + 1]});
            assertTrue(b.getX() > 0 && b.getX() < W && b.getY() > 0 && b.getY() < H, name + ": tip " + i + " " + b);
            if (a.distance(b) > 30) {
                Point2D q = nearTip(a, b);
                assertTrue(darkNear(img, q.getX(), q.getY(), 2) > 0, name + ": arrow " + i + " cut before its tip "
                        + b + " (checked at " + q + ")");
            }
        }
    }

    @Test
    void openBoxViewHoldsEveryArrowTip() throws Exception {
        ParticleScene scene = outwardField(new Box.Open(2), 0);
        // automatic scale: with 16 particles q95 is the maximum, so the corner arrows are one diameter
        ParticleView auto = new ParticleView(scene, journal());
        assertEquals(1.0, auto.arrowScale().worldPerUnit() * 1.5 * Math.sqrt(2), 1e-9);
        checkTipsDrawnWhole(auto, scene, "open-auto");
        // a fixed scale of 1: corner arrows 2.1 diameters long, reaching well past the particles
        checkTipsDrawnWhole(new ParticleView(scene, journal().withArrowScale(1.0)), scene, "open-fixed");
        checkTipsDrawnWhole(new ParticleView(scene, journal().withArrowScale(1.0).withShowLegend(false)), scene,
                "open-fixed-nolegend");
    }

    @Test
    void periodicArrowsCrossingTheBoxStayInThePlotArea() throws Exception {
        // the grid fills a 4.4-wide periodic box; at scale 1 the edge arrows cross every side of the box by
        // up to one diameter: towards the legend on the right, the title on top, the image edge below
        ParticleScene scene = outwardField(new Box.Periodic(new double[] {4.4, 4.4}), 0.55);
        ViewOptions o = journal().withArrowScale(1.0);
        ParticleView view = new ParticleView(scene, o);
        checkTipsDrawnWhole(view, scene, "periodic-fixed");
        checkTipsDrawnWhole(new ParticleView(scene, o.withTitle("periodic")), scene, "periodic-fixed-title");
        checkTipsDrawnWhole(new ParticleView(scene, o.withShowLegend(false)), scene, "periodic-fixed-nolegend");
        checkTipsDrawnWhole(new ParticleView(scene, journal()), scene, "periodic-auto");
        // the box is drawn inside the plot area with room around it for the arrows
        Point2D lo = view.worldToScreen(new double[] {0, 0});
        Point2D hi = view.worldToScreen(new double[] {4.4, 4.4});
        double k = (lo.getY() - hi.getY()) / 4.4;
        assertTrue(lo.getY() + 0.95 * k < H && hi.getY() - 0.95 * k > 0, "room for the arrows: " + lo + " " + hi);
    }

    @Test
    void openCluster3dFramesItsArrowTips() throws Exception {
        // a 3×3×3 cluster (spacing 1.1, diameter 1) in open space with an outward field, fixed scale 1:
        // the corner arrows reach 1.9 diameters past the particles
        int n = 27;
        double[] x = new double[3 * n];
        double[] f = new double[3 * n];
        for (int k = 0; k < n; k++) {
            int[] g = {k % 3, (k / 3) % 3, k / 9};
            for (int a = 0; a < 3; a++) {
                x[3 * k + a] = 1.1 * g[a];
                f[3 * k + a] = 1.1 * (g[a] - 1);
            }
        }
        ParticleSystem sys = new ParticleSystem(new Box.Open(3), x, new int[n], List.of("A"));
        ParticleScene scene = ParticleScene.of(sys, new double[] {1.0}).withField(f, "dx/d p");
        ParticleView view = new ParticleView(scene, journal().withArrowScale(1.0));
        Path png = tmp.resolve("open3d.png");
        PngExporter.write(Drawable.of(view), png, W, H, 300);
        keep(png);
        BufferedImage img = TestFigures.readPng(png);
        assertEquals(0, darkOnBorder(img, 3), "ink on the image border (clipped)");
        double legendLeft = W - 7.5 * journal().fontSize(); // the legend is at least 7.5 font sizes wide
        for (int k = 0; k < n; k++) {
            Point2D c = view.particleOnScreen(k);
            Point2D tip = view.worldToScreen(new double[] {x[3 * k] + f[3 * k], x[3 * k + 1] + f[3 * k + 1],
                                                           x[3 * k + 2] + f[3 * k + 2]});
            assertTrue(tip.getX() > 0 && tip.getY() > 0 && tip.getY() < H && tip.getX() < legendLeft,
                    "tip " + k + " at " + tip + " (centre " + c + ")");
        }
    }
}
