package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.mdsens.viz.TestFigures;
import org.mdsens.viz.scene.ParticleScene;

class ParticlePanelTest {

    private static ParticlePanel panel(ParticleScene scene) {
        ParticlePanel p = new ParticlePanel();
        p.setSize(700, 520);
        p.setScene(scene);
        paint(p);
        return p;
    }

    private static BufferedImage paint(ParticlePanel p) {
        BufferedImage img = new BufferedImage(p.getWidth(), p.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            p.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The panel point of particle i's centre: the view's screen point under the panel's zoom and pan. */
    private static Point2D onPanel(ParticlePanel p, int i, double zoom, double px, double py) {
        Point2D s = p.view().particleOnScreen(i);
        return new Point2D.Double(px + zoom * s.getX(), py + zoom * s.getY());
    }

    @Test
    void hitTestFollowsZoomAboutTheCursorSeed21() {
        ParticleScene scene = TestFigures.bidisperse2d(21);
        ParticlePanel p = panel(scene);
        int i = 10;
        Point2D c = onPanel(p, i, 1, 0, 0);
        assertEquals(i, p.particleAt((int) Math.round(c.getX()), (int) Math.round(c.getY())));
        // zoom 2x about (300, 200): a drawing point q goes to 300 + 2 (q - 300)
        p.zoomAt(2, 300, 200);
        assertEquals(2, p.zoom(), 1e-12);
        paint(p);
        Point2D z = onPanel(p, i, 2, 300 - 2 * 300, 200 - 2 * 200);
        assertEquals(i, p.particleAt((int) Math.round(z.getX()), (int) Math.round(z.getY())));
        p.resetView();
        assertEquals(1, p.zoom(), 0);
    }

    @Test
    void tooltipNamesIndexSpeciesAndFieldMagnitudeAndRattlersSeed22() {
        ParticleScene scene = TestFigures.bidisperse2d(22);
        ParticlePanel p = panel(scene);
        double[] m = scene.fieldMagnitudes();
        String d = p.describe(0);
        String species = scene.speciesNames().get(scene.species()[0]);
        assertTrue(d.startsWith("particle 0, species " + species + ", |" + scene.fieldLabel() + "| = "), d);
        assertEquals(m[0], Double.parseDouble(d.substring(d.lastIndexOf("= ") + 2)), 1e-3 * m[0] + 1e-12);
        int r = scene.rattlers()[0];
        assertTrue(p.describe(r).contains(", rattler"), p.describe(r));
        assertNull(p.describe(-1));
    }

    @Test
    void arrowCountLeavesOutRattlersAndZeroVectorsAndSceneChangesKeepTheZoomSeed23() {
        ParticleScene scene = TestFigures.bidisperse2d(23);
        ParticlePanel p = panel(scene);
        double[] m = scene.fieldMagnitudes();
        boolean[] r = scene.rattlerMask();
        int expected = 0;
        for (int i = 0; i < m.length; i++) if (!r[i] && m[i] > 0) expected++;
        assertEquals(expected, p.arrowCount());
        assertTrue(expected > 0);
        p.zoomAt(1.5, 100, 100);
        p.setScene(scene.withoutField());
        assertEquals(0, p.arrowCount());
        assertEquals(1.5, p.zoom(), 1e-12, "same system: the zoom stays");
        p.setScene(TestFigures.bidisperse2d(24).withoutField());
        assertEquals(1.5, p.zoom(), 1e-12, "same size and dimension: the zoom stays");
        p.setScene(null);
        assertEquals(1, p.zoom(), 0);
        assertEquals(0, p.arrowCount());
    }

    @Test
    void paintsTheSceneAndATextWithoutOneSeed25() {
        ParticlePanel p = panel(TestFigures.bidisperse2d(25));
        BufferedImage img = paint(p);
        int colours = TestFigures.distinctColours(img);
        assertTrue(colours > 20, "colours " + colours);
        p.setScene(null);
        int empty = TestFigures.distinctColours(paint(p));
        assertTrue(empty < colours, "empty " + empty);
    }

    @Test
    void rotationIn3dIsKeptWhenTheFieldChangesSeed26() {
        ParticleScene scene = TestFigures.fcc3d(26);
        ParticlePanel p = panel(scene);
        Point2D before = p.view().particleOnScreen(5);
        double[] initialEye = p.view().camera().eye(new double[3]);
        p.rotate(80, 30);
        paint(p);
        Point2D rotated = p.view().particleOnScreen(5);
        assertTrue(rotated.distance(before) > 1, "the drag must turn the scene: " + before + " -> " + rotated);
        double[] eye = p.view().camera().eye(new double[3]);
        p.setScene(scene.hasField() ? scene.withoutField() : scene.withField(new double[3 * scene.size()], "zero"));
        assertArrayEquals(eye, p.view().camera().eye(new double[3]), 1e-9, "a new view of the same system keeps the orbit");
        p.resetView();
        assertArrayEquals(initialEye, p.view().camera().eye(new double[3]), 1e-9, "reset: the initial camera");
    }
}
