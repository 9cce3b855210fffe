package org.mdsens.viz.desktop;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;

import org.mdsens.viz.picture.Camera3D;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.picture.ViewOptions;
import org.mdsens.viz.scene.ParticleScene;

/**
 * A Swing component showing a {@link ParticleScene} through a {@link ParticleView}, with the mouse
 * controls a physicist expects:
 * <ul>
 *   <li>2D: the wheel zooms about the cursor, dragging pans, a double click resets the view;</li>
 *   <li>3D: dragging orbits the camera ({@link Camera3D#rotate}), the wheel moves it closer or
 *       farther ({@link Camera3D#zoom}), a right or shift drag pans, a double click resets;</li>
 *   <li>hovering shows a tooltip with the particle's index (0-based, input order), species and
 *       |dx/dθ| of the field shown (rattlers say so).</li>
 * </ul>
 * Setting a new scene of the same system (another parameter's field) keeps the zoom, pan and 3D
 * orientation. The drawing is the exporters' drawing, so what is on screen is what a PNG or SVG
 * export shows at the same size.
 *
 * <p>Event thread only, like every Swing component.
 */
public final class ParticlePanel extends JComponent {

    private static final long serialVersionUID = 1L;
    private static final double WHEEL_FACTOR = 1.15;

    private transient ParticleView view;
    private transient ParticleScene scene;
    private transient double[] magnitudes;
    private transient boolean[] rattler;
    private transient ViewOptions options = ViewOptions.defaults().withFontSize(13);
    private String emptyText = "no system loaded";

    // 2D zoom and pan: screen = pan + zoom * drawing
    private double zoom = 1;
    private double panX;
    private double panY;
    // 3D: the camera moves since the last reset, replayed on a new view of the same system
    private final List<double[]> rotations = new ArrayList<>();
    private double cameraZoom = 1;

    private Point dragFrom;

    public ParticlePanel() {
        setOpaque(true);
        setBackground(Color.WHITE);
        setPreferredSize(new Dimension(640, 560));
        setFocusable(true);
        ToolTipManager.sharedInstance().registerComponent(this);
        MouseAdapter mouse = new MouseAdapter() {
            @Override public void mousePressed(MouseEvent e) {
                dragFrom = e.getPoint();
                requestFocusInWindow();
            }

            @Override public void mouseReleased(MouseEvent e) { dragFrom = null; }

            @Override public void mouseDragged(MouseEvent e) {
                if (dragFrom == null || view == null) return;
                int dx = e.getX() - dragFrom.x;
                int dy = e.getY() - dragFrom.y;
                dragFrom = e.getPoint();
                boolean pan = scene.dimension() == 2 || SwingUtilities.isRightMouseButton(e)
                        || SwingUtilities.isMiddleMouseButton(e) || e.isShiftDown();
                if (pan) {
                    panX += dx;
                    panY += dy;
                } else {
                    rotate(dx, dy);
                }
                repaint();
            }

            @Override public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) resetView();
            }

            @Override public void mouseWheelMoved(MouseWheelEvent e) {
                if (view == null) return;
                double f = Math.pow(WHEEL_FACTOR, -e.getPreciseWheelRotation());
                zoomAt(f, e.getX(), e.getY());
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    /**
     * Shows a scene (or nothing for null). The zoom, pan and 3D orientation are kept when the new
     * scene has the same particle count and dimension as the old one, and reset otherwise.
     */
    public void setScene(ParticleScene newScene) {
        boolean sameSystem = scene != null && newScene != null && scene.size() == newScene.size()
                && scene.dimension() == newScene.dimension();
        if (!sameSystem) {
            zoom = 1;
            panX = 0;
            panY = 0;
            rotations.clear();
            cameraZoom = 1;
        }
        scene = newScene;
        if (newScene == null) {
            view = null;
            magnitudes = null;
            rattler = null;
        } else {
            view = new ParticleView(newScene, options);
            magnitudes = newScene.fieldMagnitudes();
            rattler = newScene.rattlerMask();
            Camera3D camera = view.camera();
            if (camera != null) {
                for (double[] r : rotations) camera.setViewport((int) r[2], (int) r[3]).rotate(r[0], r[1]);
                if (cameraZoom != 1) camera.zoom(cameraZoom);
            }
        }
        repaint();
    }

    /** The scene shown, or null. */
    public ParticleScene scene() { return scene; }

    /** The view drawing the scene, or null (event thread only). */
    public ParticleView view() { return view; }

    /** Drawing options (size is ignored: the panel's size is used). */
    public ViewOptions options() { return options; }

    /** Replaces the drawing options (colour by |field|, arrow scale, legend...) and redraws. */
    public void setOptions(ViewOptions newOptions) {
        if (newOptions == null) throw new IllegalArgumentException("options must not be null");
        options = newOptions;
        if (view != null) view.setOptions(newOptions);
        repaint();
    }

    /** The text shown when there is no scene. */
    public void setEmptyText(String text) {
        emptyText = text == null ? "" : text;
        repaint();
    }

    /** The number of arrows drawn: particles that are not rattlers with a non-zero field vector. */
    public int arrowCount() {
        if (scene == null || !scene.hasField()) return 0;
        int count = 0;
        for (int i = 0; i < magnitudes.length; i++) if (!rattler[i] && magnitudes[i] > 0) count++;
        return count;
    }

    /** The 2D zoom factor (1 after a reset). */
    public double zoom() { return zoom; }

    /** Back to the whole system in view: zoom 1, no pan, the initial 3D camera. */
    public void resetView() {
        zoom = 1;
        panX = 0;
        panY = 0;
        rotations.clear();
        cameraZoom = 1;
        if (scene != null) {
            ParticleScene s = scene;
            scene = null; // force a fresh view (and camera)
            setScene(s);
        }
        repaint();
    }

    /** Zooms by {@code factor} (&gt; 1 in) keeping the point (x, y) of the panel fixed (2D), or moves the 3D camera. */
    public void zoomAt(double factor, double x, double y) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive and finite, got " + factor);
        }
        if (view == null) return;
        if (view.camera() != null) {
            view.camera().zoom(factor);
            cameraZoom *= factor;
        } else {
            double z = Math.max(0.05, Math.min(200, zoom * factor));
            double f = z / zoom;
            panX = x - (x - panX) * f;
            panY = y - (y - panY) * f;
            zoom = z;
        }
        repaint();
    }

    /** Orbits the 3D camera for a drag of (dx, dy) pixels (no-op in 2D). */
    public void rotate(double dx, double dy) {
        if (view == null || view.camera() == null) return;
        Camera3D camera = view.camera();
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        camera.setViewport(w, h).rotate(dx, dy);
        rotations.add(new double[] {dx, dy, w, h});
        repaint();
    }

    /** The particle under panel point (x, y), or -1. */
    public int particleAt(int x, int y) {
        if (view == null) return -1;
        return view.particleAt((x - panX) / zoom, (y - panY) / zoom);
    }

    @Override public String getToolTipText(MouseEvent e) {
        int i = particleAt(e.getX(), e.getY());
        if (i < 0) return null;
        return describe(i);
    }

    /** "particle 17, species B, |dx/d diameter[B]| = 0.0123" (and "rattler" where it is one). */
    public String describe(int i) {
        if (scene == null || i < 0 || i >= scene.size()) return null;
        String species = scene.speciesNames().get(scene.species()[i]);
        StringBuilder sb = new StringBuilder();
        sb.append("particle ").append(i).append(", species ").append(species);
        if (rattler[i]) sb.append(", rattler");
        if (scene.hasField()) {
            sb.append(String.format(Locale.ROOT, ", |%s| = %.4g", scene.fieldLabel(), magnitudes[i]));
        }
        return sb.toString();
    }

    @Override protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            int w = getWidth();
            int h = getHeight();
            g2.setColor(getBackground());
            g2.fillRect(0, 0, w, h);
            if (view == null || w <= 0 || h <= 0) {
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g2.setColor(Color.GRAY);
                int tw = g2.getFontMetrics().stringWidth(emptyText);
                g2.drawString(emptyText, (w - tw) / 2, h / 2);
                return;
            }
            g2.translate(panX, panY);
            g2.scale(zoom, zoom);
            view.draw(g2, w, h);
        } finally {
            g2.dispose();
        }
    }
}
