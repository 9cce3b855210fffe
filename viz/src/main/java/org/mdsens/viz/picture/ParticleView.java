package org.mdsens.viz.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.mdsens.md.space.Box;
import org.mdsens.viz.scene.ParticleScene;

/**
 * Draws a {@link ParticleScene} into any {@link Graphics2D}: the same code path serves the screen,
 * PNG and SVG.
 *
 * <p>2D: particles are disks of their drawing diameter, filled by species (Okabe–Ito, {@link Palette})
 * or, with {@link ViewOptions#colorByMagnitude()}, by |field| on viridis with a colour bar; thin dark
 * outlines. A periodic box is drawn as a rectangle, particles are wrapped into it, and a disk that
 * crosses a periodic boundary is drawn at each image that overlaps the box, clipped to the box. The
 * y axis points up (physics convention). Open boundaries frame the particles' bounding box.
 *
 * <p>View bounds and clipping (one rule for both boundary kinds): the world rectangle shown is the
 * periodic box, or the particles' extents (centre ± radius) for open boundaries, grown to hold every
 * non-rattler arrow tip at the chosen scale, plus a margin of D̄/4 (D̄ = mean diameter) on every side of
 * an open scene and on each side of a periodic box that an arrow crosses. Arrows start at the (wrapped)
 * centre and are drawn whole; they are clipped to that plot area only, never to the image edge, the
 * legend or the title, and the clip cuts only arrows reaching more than max(3 D̄, half the box or extent)
 * past it (a large fixed scale or a rattler). In 3D the initial camera is framed so that the same tips
 * project inside the viewport.
 *
 * <p>3D: a {@link Camera3D} (perspective, orbit) projects the wrapped centres; spheres are shaded by a
 * radial gradient (light from the upper left) and drawn back to front; the box is its 12 projected
 * edges (edges behind the box centre before the spheres, the others after). Periodic images are not
 * drawn in 3D.
 *
 * <p>Field: one arrow per particle with |v| &gt; 0, from the particle centre to centre + s·v, with s from
 * {@link ArrowScale} (automatic or {@link ViewOptions#arrowScale()}); arrows are black with a thin white
 * halo so they read on any fill. The legend shows a scale arrow with its length in field units, or says
 * that the field is zero: a field whose largest non-rattler magnitude is at most the round-off threshold
 * ({@link ViewOptions#zeroFieldThreshold()}, default 10⁻⁸ · D̄, see {@link ArrowScale}) counts as zero.
 * Rattlers are drawn very light grey with a grey cross and listed in the legend.
 *
 * <p>SVG structure: every particle is a group {@code <g id="p17" class="particle species-A">} (plus
 * {@code rattler}), every arrow {@code <g id="a17" class="arrow">}, and the box, legend and title have
 * groups of their own, through the {@link org.jfree.chart.ChartHints} element hints.
 *
 * <p>Mutable (options, camera, last layout for {@link #particleAt}); confine to one thread, the Swing
 * event thread in the desktop app. The scene itself is immutable.
 */
public final class ParticleView {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Ellipse2D UNIT_CIRCLE = new Ellipse2D.Double(-1, -1, 2, 2);
    private static final int MAX_LISTED_RATTLERS = 12;

    private final ParticleScene scene;
    private final int n;
    private final int d;
    private final double[] pos;      // wrapped into a periodic box, xyz-interleaved
    private final double[] radius;   // drawing radius per particle
    private final int[] species;
    private final double[] field;    // null without a field
    private final double[] magnitudes;
    private final boolean[] rattler;
    private final double[] boxLengths; // null for open boundaries
    private final double maxMagnitude;
    private final Camera3D camera;
    private ViewOptions options;
    private ArrowScale arrowScale;
    private Layout last;

    /** A view with {@link ViewOptions#defaults()}. */
    public ParticleView(ParticleScene scene) {
        this(scene, ViewOptions.defaults());
    }

    public ParticleView(ParticleScene scene, ViewOptions options) {
        if (scene == null || options == null) throw new IllegalArgumentException("scene and options must not be null");
        this.scene = scene;
        this.n = scene.size();
        this.d = scene.dimension();
        this.pos = scene.positions();
        this.boxLengths = scene.box() instanceof Box.Periodic p ? p.lengths() : null;
        scene.box().wrap(pos);
        double[] diam = scene.diameters();
        this.radius = new double[n];
        for (int i = 0; i < n; i++) radius[i] = 0.5 * diam[i];
        this.species = scene.species();
        this.field = scene.field();
        this.magnitudes = scene.fieldMagnitudes();
        this.rattler = scene.rattlerMask();
        double mx = 0;
        for (int i = 0; i < n; i++) if (!rattler[i]) mx = Math.max(mx, magnitudes[i]);
        this.maxMagnitude = mx;
        this.arrowScale = scaleFor(options);
        if (d == 3) {
            this.camera = framedCamera(bounds3());
        } else {
            this.camera = null;
        }
        setOptions(options);
    }

    public ParticleScene scene() { return scene; }
    public ViewOptions options() { return options; }

    /** Replaces the options (and recomputes the arrow scale). */
    public void setOptions(ViewOptions newOptions) {
        if (newOptions == null) throw new IllegalArgumentException("options must not be null");
        this.options = newOptions;
        this.arrowScale = scaleFor(newOptions);
        this.last = null;
    }

    private ArrowScale scaleFor(ViewOptions o) {
        double meanD = scene.meanDiameter();
        double tau = Double.isNaN(o.zeroFieldThreshold()) ? ArrowScale.defaultZeroThreshold(meanD)
                : o.zeroFieldThreshold();
        return o.automaticArrowScale()
                ? ArrowScale.automatic(magnitudes, rattler, meanD, tau)
                : ArrowScale.fixed(o.arrowScale(), magnitudes, rattler, meanD, tau);
    }

    /** The camera of a 3D view (live: rotate or zoom it, then redraw); {@code null} for a 2D view. */
    public Camera3D camera() { return camera; }

    /** The arrow scale in effect (before the legend shortens its reference arrow to fit). */
    public ArrowScale arrowScale() { return arrowScale; }

    /** The preferred size from the options, for exporters: {width, height}. */
    public int[] preferredSize() { return new int[] {options.width(), options.height()}; }

    /**
     * Draws the scene into {@code g} filling the rectangle (0, 0, width, height) of its user space.
     * The graphics state of {@code g} is left unchanged.
     */
    public void draw(Graphics2D g, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("drawing size must be positive, got " + width + "x" + height);
        }
        Layout lay = layout(width, height);
        last = lay;
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Groups.begin(g2, "background", "background");
            g2.setPaint(Color.WHITE);
            g2.fill(new Rectangle2D.Double(0, 0, width, height));
            Groups.end(g2);
            if (d == 2) draw2d(g2, lay);
            else draw3d(g2, lay);
            if (options.showLegend()) drawLegend(g2, lay);
            if (!options.title().isEmpty()) drawTitle(g2, lay, width);
        } finally {
            g2.dispose();
        }
    }

    /**
     * The particle under screen point (x, y) of the last drawing (or of a drawing at the preferred size
     * if none was made yet), or -1. In 2D the hit whose centre is nearest relative to its radius wins
     * (periodic images count); in 3D the sphere nearest to the camera along the ray.
     */
    public int particleAt(double x, double y) {
        Layout lay = last != null ? last : layout(options.width(), options.height());
        if (d == 3) {
            camera.setViewport(lay.viewW, lay.viewH);
            return camera.pick(x - lay.viewX, y - lay.viewY, pos, radius);
        }
        double wx = lay.worldX(x);
        double wy = lay.worldY(y);
        int best = -1;
        double bestRel = Double.POSITIVE_INFINITY;
        int images = boxLengths != null ? 1 : 0;
        for (int i = 0; i < n; i++) {
            for (int ix = -images; ix <= images; ix++) {
                for (int iy = -images; iy <= images; iy++) {
                    double cx = pos[2 * i] + (images == 0 ? 0 : ix * boxLengths[0]);
                    double cy = pos[2 * i + 1] + (images == 0 ? 0 : iy * boxLengths[1]);
                    double rel = Math.hypot(wx - cx, wy - cy) / radius[i];
                    if (rel <= 1 && rel < bestRel) {
                        bestRel = rel;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Screen position of a world point (length d, used as given, not wrapped) in the last drawing (or one at the preferred size), or null if it is behind the 3D camera.
     */
    public Point2D worldToScreen(double[] point) {
        if (point == null || point.length != d) {
            throw new IllegalArgumentException("point must have " + d + " coordinates, got "
                    + (point == null ? "null" : point.length));
        }
        Layout lay = last != null ? last : layout(options.width(), options.height());
        if (d == 2) return new Point2D.Double(lay.sx(point[0]), lay.sy(point[1]));
        camera.setViewport(lay.viewW, lay.viewH);
        double[] p = new double[3];
        if (!camera.project(point[0], point[1], point[2], p)) return null;
        return new Point2D.Double(lay.viewX + p[0], lay.viewY + p[1]);
    }

    /** Screen position of particle {@code i}'s centre (wrapped into a periodic box), as {@link #worldToScreen}. */
    public Point2D particleOnScreen(int i) {
        if (i < 0 || i >= n) throw new IllegalArgumentException("particle index must be in [0, " + n + "), got " + i);
        return worldToScreen(java.util.Arrays.copyOfRange(pos, d * i, d * i + d));
    }

    // ------------------------------------------------------------------ layout

    /** Where everything goes for one drawing size. */
    private static final class Layout {
        int width, height;
        double pad;
        double titleHeight;
        // picture panel (2D: the world rectangle; 3D: the camera viewport)
        double picX, picY, picW, picH;
        int viewX, viewY, viewW, viewH;
        double k, xmin, ymax; // 2D world → screen
        double legendX, legendY, legendW;
        ArrowScale arrows;    // with the legend's reference arrow fitted

        double sx(double wx) { return picX + (wx - xmin) * k; }
        double sy(double wy) { return picY + (ymax - wy) * k; }
        double worldX(double sx) { return (sx - picX) / k + xmin; }
        double worldY(double sy) { return ymax - (sy - picY) / k; }
    }

    private Layout layout(int width, int height) {
        Layout lay = new Layout();
        lay.width = width;
        lay.height = height;
        double fs = options.fontSize();
        lay.pad = 0.8 * fs;
        lay.titleHeight = options.title().isEmpty() ? 0 : 1.9 * fs;
        lay.legendW = options.showLegend() ? legendWidth(width) : 0;
        double gap = lay.legendW > 0 ? lay.pad : 0;
        double areaW = Math.max(1, width - 2 * lay.pad - lay.legendW - gap);
        double areaH = Math.max(1, height - 2 * lay.pad - lay.titleHeight);
        double areaY = lay.pad + lay.titleHeight;
        if (d == 2) {
            double[] w = world2d();
            lay.xmin = w[0];
            lay.ymax = w[3];
            double ww = w[1] - w[0], wh = w[3] - w[2];
            lay.k = Math.min(areaW / ww, areaH / wh);
            lay.picW = lay.k * ww;
            lay.picH = lay.k * wh;
        } else {
            double side = Math.min(areaW, areaH);
            lay.picW = side;
            lay.picH = side;
        }
        double total = lay.picW + gap + lay.legendW;
        lay.picX = Math.max(lay.pad, 0.5 * (width - total));
        lay.picY = areaY + 0.5 * (areaH - lay.picH);
        lay.viewX = (int) Math.round(lay.picX);
        lay.viewY = (int) Math.round(lay.picY);
        lay.viewW = Math.max(1, (int) Math.round(lay.picW));
        lay.viewH = Math.max(1, (int) Math.round(lay.picH));
        lay.legendX = lay.picX + lay.picW + gap;
        lay.legendY = options.showLegend()
                ? Math.max(areaY, Math.min(lay.picY, height - lay.pad - legendHeight())) : lay.picY;
        // the reference arrow must fit in the legend: world length at most (legend width - label) / scale
        double pxPerWorld = d == 2 ? lay.k : pxPerWorld3d(lay);
        double maxArrowPx = Math.max(2 * fs, lay.legendW - 5 * fs);
        lay.arrows = arrowScale.withReferenceAtMost(maxArrowPx / pxPerWorld);
        return lay;
    }

    /** Pixels per world length at the target depth (3D, for the legend's reference arrow). */
    private double pxPerWorld3d(Layout lay) {
        camera.setViewport(lay.viewW, lay.viewH);
        return camera.focalLength() / camera.distance();
    }

    /**
     * {xmin, xmax, ymin, ymax} of the 2D world shown: the base rectangle (periodic box, or the particles'
     * extents for open boundaries) grown to hold the non-rattler arrow tips at the current scale (by at
     * most {@link #maxOverhang} per side), plus a margin of D̄/4 on every side of an open scene and on each
     * side of a periodic box that an arrow crosses.
     */
    private double[] world2d() {
        if (n == 0 && boxLengths == null) return new double[] {0, 1, 0, 1};
        double[] base = new double[4];
        if (boxLengths != null) {
            base = new double[] {0, boxLengths[0], 0, boxLengths[1]};
        } else {
            base = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                                 Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < n; i++) {
                base[0] = Math.min(base[0], pos[2 * i] - radius[i]);
                base[1] = Math.max(base[1], pos[2 * i] + radius[i]);
                base[2] = Math.min(base[2], pos[2 * i + 1] - radius[i]);
                base[3] = Math.max(base[3], pos[2 * i + 1] + radius[i]);
            }
        }
        double[] w = base.clone();
        growByArrowTips(w, base, 2);
        double m = 0.25 * scene.meanDiameter();
        boolean open = boxLengths == null;
        if (open || w[0] < base[0]) w[0] -= m;
        if (open || w[1] > base[1]) w[1] += m;
        if (open || w[2] < base[2]) w[2] -= m;
        if (open || w[3] > base[3]) w[3] += m;
        return w;
    }

    /**
     * The largest distance an arrow tip may reach beyond the base rectangle along an axis whose base
     * extent is {@code extent}: max(3 D̄, extent / 2). Three mean diameters is the longest arrow of the
     * automatic scale, so only a large fixed scale (or a rattler) can reach past it; such arrows are clipped
     * at the plot area.
     */
    private double maxOverhang(double extent) {
        return Math.max(3 * scene.meanDiameter(), 0.5 * extent);
    }

    /**
     * Grows {@code w} = {min₀, max₀, min₁, max₁, …} (2·dim entries) to hold every non-rattler arrow tip
     * (wrapped centre + s·v), each side by at most {@link #maxOverhang} beyond {@code base}.
     */
    private void growByArrowTips(double[] w, double[] base, int dim) {
        if (field == null || arrowScale.zeroField()) return;
        double s = arrowScale.worldPerUnit();
        for (int i = 0; i < n; i++) {
            if (rattler[i] || !(magnitudes[i] > 0)) continue;
            for (int a = 0; a < dim; a++) {
                double tip = pos[d * i + a] + s * field[d * i + a];
                w[2 * a] = Math.min(w[2 * a], tip);
                w[2 * a + 1] = Math.max(w[2 * a + 1], tip);
            }
        }
        for (int a = 0; a < dim; a++) {
            double cap = maxOverhang(base[2 * a + 1] - base[2 * a]);
            w[2 * a] = Math.max(w[2 * a], base[2 * a] - cap);
            w[2 * a + 1] = Math.min(w[2 * a + 1], base[2 * a + 1] + cap);
        }
    }

    /** {min[3], max[3]} of the 3D world: the periodic box or the particles' bounding box. */
    private double[][] bounds3() {
        if (n == 0 && boxLengths == null) return new double[][] {{0, 0, 0}, {1, 1, 1}};
        double[] lo = new double[3], hi = new double[3];
        for (int a = 0; a < 3; a++) {
            if (boxLengths != null) {
                hi[a] = boxLengths[a];
                continue;
            }
            lo[a] = Double.POSITIVE_INFINITY;
            hi[a] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo[a] = Math.min(lo[a], pos[3 * i + a] - radius[i]);
                hi[a] = Math.max(hi[a], pos[3 * i + a] + radius[i]);
            }
        }
        return new double[][] {lo, hi};
    }

    /**
     * A camera framing {@code b} (see {@link Camera3D#framing}) whose view also holds every non-rattler
     * arrow tip at the scale of the options the view is made with (tips capped as in 2D): while a tip
     * projects outside 96 % of a square viewport, the framed bounds grow about their centre by that
     * overshoot (at most 4 rounds).
     */
    private Camera3D framedCamera(double[][] b) {
        Camera3D cam = Camera3D.framing(b[0], b[1]);
        if (field == null || arrowScale.zeroField()) return cam;
        double[] base = {b[0][0], b[1][0], b[0][1], b[1][1], b[0][2], b[1][2]};
        double[] w = base.clone();
        growByArrowTips(w, base, 3);
        double s = arrowScale.worldPerUnit();
        double[] lo = b[0].clone(), hi = b[1].clone();
        double[] p = new double[3];
        double[] tip = new double[3];
        int side = 1000;
        for (int round = 0; round < 4; round++) {
            cam.setViewport(side, side);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                if (rattler[i] || !(magnitudes[i] > 0)) continue;
                for (int a = 0; a < 3; a++) {
                    tip[a] = Math.max(w[2 * a], Math.min(w[2 * a + 1], pos[3 * i + a] + s * field[3 * i + a]));
                }
                double over = cam.project(tip[0], tip[1], tip[2], p)
                        ? Math.max(Math.abs(p[0] - 0.5 * side), Math.abs(p[1] - 0.5 * side)) / (0.48 * side)
                        : 2;
                worst = Math.max(worst, over);
            }
            if (worst <= 1) break;
            double grow = Math.min(worst, 3) * 1.02;
            for (int a = 0; a < 3; a++) {
                double c = 0.5 * (lo[a] + hi[a]), h = 0.5 * (hi[a] - lo[a]) * grow;
                lo[a] = c - h;
                hi[a] = c + h;
            }
            cam = Camera3D.framing(lo, hi);
        }
        return cam;
    }

    // ------------------------------------------------------------------ 2D

    private void draw2d(Graphics2D g, Layout lay) {
        double u = options.lineUnit();
        Rectangle2D plotRect = new Rectangle2D.Double(lay.picX, lay.picY, lay.picW, lay.picH);
        Rectangle2D boxRect = boxLengths == null ? plotRect
                : new Rectangle2D.Double(lay.sx(0), lay.sy(boxLengths[1]), boxLengths[0] * lay.k,
                        boxLengths[1] * lay.k);
        Shape savedClip = g.getClip();
        Groups.begin(g, "particles", "particles");
        if (boxLengths != null) g.clip(boxRect);
        BasicStroke outline = new BasicStroke((float) (0.5 * u));
        BasicStroke cross = new BasicStroke((float) (0.7 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        int images = boxLengths != null ? 1 : 0;
        Ellipse2D disk = new Ellipse2D.Double();
        for (int i = 0; i < n; i++) {
            Groups.begin(g, "p" + i, particleClass(i));
            for (int ix = -images; ix <= images; ix++) {
                for (int iy = -images; iy <= images; iy++) {
                    double cx = pos[2 * i] + (images == 0 ? 0 : ix * boxLengths[0]);
                    double cy = pos[2 * i + 1] + (images == 0 ? 0 : iy * boxLengths[1]);
                    double r = radius[i];
                    if (images == 1 && (cx + r <= 0 || cx - r >= boxLengths[0] || cy + r <= 0
                            || cy - r >= boxLengths[1])) {
                        continue;
                    }
                    double sx = lay.sx(cx), sy = lay.sy(cy), sr = r * lay.k;
                    disk.setFrame(sx - sr, sy - sr, 2 * sr, 2 * sr);
                    g.setPaint(fillColor(i));
                    g.fill(disk);
                    g.setStroke(outline);
                    g.setPaint(rattler[i] ? Palette.RATTLER_INK : Palette.OUTLINE);
                    g.draw(disk);
                    if (rattler[i]) {
                        g.setStroke(cross);
                        double c = 0.45 * sr;
                        g.draw(new Line2D.Double(sx - c, sy - c, sx + c, sy + c));
                        g.draw(new Line2D.Double(sx - c, sy + c, sx + c, sy - c));
                    }
                }
            }
            Groups.end(g);
        }
        g.setClip(savedClip);
        Groups.end(g);
        if (boxLengths != null && options.showBox()) {
            Groups.begin(g, "box", "box");
            g.setStroke(new BasicStroke((float) (1.0 * u)));
            g.setPaint(Palette.BOX);
            g.draw(boxRect);
            Groups.end(g);
        }
        if (field != null && !lay.arrows.zeroField()) {
            Groups.begin(g, "arrows", "arrows");
            // arrows start at wrapped centres and may leave a periodic box: the view reserves room for their
            // tips (world2d); only over-long ones (past maxOverhang) are cut, at the plot area, never at the
            // image edge, the legend or the title
            g.clip(plotRect);
            double s = lay.arrows.worldPerUnit();
            for (int i = 0; i < n; i++) {
                if (!(magnitudes[i] > 0)) continue;
                double x0 = pos[2 * i], y0 = pos[2 * i + 1];
                double x1 = x0 + s * field[2 * i], y1 = y0 + s * field[2 * i + 1];
                Groups.begin(g, "a" + i, "arrow");
                drawArrow(g, lay.sx(x0), lay.sy(y0), lay.sx(x1), lay.sy(y1), u);
                Groups.end(g);
            }
            g.setClip(savedClip);
            Groups.end(g);
        }
    }

    private String particleClass(int i) {
        return "particle species-" + scene.speciesNames().get(species[i]) + (rattler[i] ? " rattler" : "");
    }

    private Color fillColor(int i) {
        if (rattler[i]) return Palette.RATTLER_FILL;
        if (options.colorByMagnitude() && field != null) {
            return Palette.viridis(maxMagnitude > 0 && !arrowScale.zeroField() ? magnitudes[i] / maxMagnitude : 0);
        }
        return Palette.species(species[i]);
    }

    /** A black arrow with a white halo from (x0, y0) to (x1, y1), screen pixels; u = line unit. */
    static void drawArrow(Graphics2D g, double x0, double y0, double x1, double y1, double u) {
        Shape arrow = arrowShape(x0, y0, x1, y1, 0.9 * u);
        if (arrow == null) return;
        g.setStroke(new BasicStroke((float) (1.2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(new Color(255, 255, 255, 200));
        g.draw(arrow);
        g.setPaint(Color.BLACK);
        g.fill(arrow);
    }

    /** The outline of an arrow with shaft width w, or null if it is shorter than 1e-6 px. */
    static Shape arrowShape(double x0, double y0, double x1, double y1, double w) {
        double dx = x1 - x0, dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (!(len > 1e-6)) return null;
        double ux = dx / len, uy = dy / len;
        double nx = -uy, ny = ux;
        double head = Math.min(0.5 * len, 5.0 * w);
        double half = Math.max(0.5 * w, 0.45 * head);
        double shaft = Math.min(0.5 * w, half);
        double bx = x1 - head * ux, by = y1 - head * uy;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x0 + shaft * nx, y0 + shaft * ny);
        p.lineTo(bx + shaft * nx, by + shaft * ny);
        p.lineTo(bx + half * nx, by + half * ny);
        p.lineTo(x1, y1);
        p.lineTo(bx - half * nx, by - half * ny);
        p.lineTo(bx - shaft * nx, by - shaft * ny);
        p.lineTo(x0 - shaft * nx, y0 - shaft * ny);
        p.closePath();
        return p;
    }

    // ------------------------------------------------------------------ 3D

    private void draw3d(Graphics2D g, Layout lay) {
        double u = options.lineUnit();
        camera.setViewport(lay.viewW, lay.viewH);
        Shape savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(lay.viewX, lay.viewY, lay.viewW, lay.viewH));
        AffineTransform base = g.getTransform();
        g.translate(lay.viewX, lay.viewY);

        double[] depth = new double[n];
        for (int i = 0; i < n; i++) depth[i] = camera.depth(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
        int[] order = sortDescending(depth);

        double[][] edges = boxEdges();
        double centreDepth = Double.NaN;
        if (edges.length > 0) {
            centreDepth = camera.depth(0.5 * boxLengths[0], 0.5 * boxLengths[1], 0.5 * boxLengths[2]);
            drawEdges(g, edges, centreDepth, true, u);
        }

        RadialGradientPaint[] speciesPaint = new RadialGradientPaint[scene.speciesNames().size()];
        RadialGradientPaint rattlerPaint = spherePaint(Palette.RATTLER_FILL);
        BasicStroke outline = new BasicStroke((float) (0.4 * u));
        BasicStroke cross = new BasicStroke((float) (0.7 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Ellipse2D disk = new Ellipse2D.Double();
        double[] p = new double[3];
        double[] q = new double[3];
        double s = lay.arrows.worldPerUnit();
        boolean arrows = field != null && !lay.arrows.zeroField();
        Groups.begin(g, "particles", "particles");
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (!camera.project(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2], p)) continue;
            double sr = camera.projectedRadius(radius[i], p[2]);
            Groups.begin(g, "p" + i, particleClass(i));
            RadialGradientPaint paint;
            if (rattler[i]) {
                paint = rattlerPaint;
            } else if (options.colorByMagnitude() && field != null) {
                paint = spherePaint(fillColor(i));
            } else {
                if (speciesPaint[species[i]] == null) speciesPaint[species[i]] = spherePaint(Palette.species(species[i]));
                paint = speciesPaint[species[i]];
            }
            AffineTransform t = g.getTransform();
            g.translate(p[0], p[1]);
            g.scale(sr, sr);
            g.setPaint(paint);
            g.fill(UNIT_CIRCLE);
            g.setTransform(t);
            disk.setFrame(p[0] - sr, p[1] - sr, 2 * sr, 2 * sr);
            g.setStroke(outline);
            g.setPaint(rattler[i] ? Palette.RATTLER_INK : Palette.OUTLINE);
            g.draw(disk);
            if (rattler[i]) {
                g.setStroke(cross);
                double c = 0.45 * sr;
                g.draw(new Line2D.Double(p[0] - c, p[1] - c, p[0] + c, p[1] + c));
                g.draw(new Line2D.Double(p[0] - c, p[1] + c, p[0] + c, p[1] - c));
            }
            Groups.end(g);
            if (arrows && magnitudes[i] > 0) {
                double x1 = pos[3 * i] + s * field[3 * i];
                double y1 = pos[3 * i + 1] + s * field[3 * i + 1];
                double z1 = pos[3 * i + 2] + s * field[3 * i + 2];
                if (camera.project(x1, y1, z1, q)) {
                    Groups.begin(g, "a" + i, "arrow");
                    drawArrow(g, p[0], p[1], q[0], q[1], u);
                    Groups.end(g);
                }
            }
        }
        Groups.end(g);
        if (edges.length > 0) drawEdges(g, edges, centreDepth, false, u);
        g.setTransform(base);
        g.setClip(savedClip);
    }

    /** A sphere shading on the unit circle at the origin: highlight to the upper left, darker rim. */
    private static RadialGradientPaint spherePaint(Color c) {
        return new RadialGradientPaint(new Point2D.Double(0, 0), 1f, new Point2D.Double(-0.35, -0.4),
                new float[] {0f, 0.6f, 1f},
                new Color[] {Palette.lighter(c, 0.65), c, Palette.darker(c, 0.35)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE);
    }

    /** The 12 edges of a periodic 3D box as {x0, y0, z0, x1, y1, z1}; none if open or hidden. */
    private double[][] boxEdges() {
        if (boxLengths == null || !options.showBox()) return new double[0][];
        List<double[]> e = new ArrayList<>(12);
        double[] l = boxLengths;
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3, c = (a + 2) % 3;
            for (int mb = 0; mb < 2; mb++) {
                for (int mc = 0; mc < 2; mc++) {
                    double[] p0 = new double[3], p1 = new double[3];
                    p0[b] = p1[b] = mb * l[b];
                    p0[c] = p1[c] = mc * l[c];
                    p0[a] = 0;
                    p1[a] = l[a];
                    e.add(new double[] {p0[0], p0[1], p0[2], p1[0], p1[1], p1[2]});
                }
            }
        }
        return e.toArray(new double[0][]);
    }

    private void drawEdges(Graphics2D g, double[][] edges, double centreDepth, boolean behind, double u) {
        Groups.begin(g, behind ? "box-back" : "box-front", "box");
        g.setStroke(new BasicStroke((float) (0.9 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(Palette.BOX);
        double[] a = new double[3], b = new double[3];
        for (double[] e : edges) {
            double mid = camera.depth(0.5 * (e[0] + e[3]), 0.5 * (e[1] + e[4]), 0.5 * (e[2] + e[5]));
            if ((mid > centreDepth) != behind) continue;
            if (camera.project(e[0], e[1], e[2], a) && camera.project(e[3], e[4], e[5], b)) {
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
            }
        }
        Groups.end(g);
    }

    /** Indices sorted by key, largest first (stable merge sort; no boxing). */
    static int[] sortDescending(double[] key) {
        int m = key.length;
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = i;
        int[] tmp = new int[m];
        for (int width = 1; width < m; width *= 2) {
            for (int lo = 0; lo < m - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, m);
                int a = lo, b = mid, k = lo;
                while (a < mid && b < hi) tmp[k++] = key[idx[b]] > key[idx[a]] ? idx[b++] : idx[a++];
                while (a < mid) tmp[k++] = idx[a++];
                while (b < hi) tmp[k++] = idx[b++];
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }

    // ------------------------------------------------------------------ legend and title

    private Font font() { return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) options.fontSize()); }

    private static double textWidth(Font f, String s) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    private List<String> speciesLabels() {
        List<String> names = scene.speciesNames();
        double[] lo = new double[names.size()], hi = new double[names.size()];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        int[] count = new int[names.size()];
        for (int i = 0; i < n; i++) {
            int s = species[i];
            count[s]++;
            lo[s] = Math.min(lo[s], 2 * radius[i]);
            hi[s] = Math.max(hi[s], 2 * radius[i]);
        }
        List<String> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            if (count[s] == 0) {
                out.add(null);
            } else if (lo[s] == hi[s]) {
                out.add(names.get(s) + "  (d = " + Labels.format(lo[s]) + ")");
            } else {
                out.add(names.get(s) + "  (d = " + Labels.format(lo[s]) + "–" + Labels.format(hi[s]) + ")");
            }
        }
        return out;
    }

    private List<String> rattlerLines() {
        int[] r = scene.rattlers();
        List<String> lines = new ArrayList<>();
        if (r.length == 0) return lines;
        lines.add("rattlers (" + r.length + ")");
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(r.length, MAX_LISTED_RATTLERS); k++) {
            if (k > 0) sb.append(", ");
            sb.append(r[k]);
        }
        if (r.length > MAX_LISTED_RATTLERS) sb.append(", …");
        // wrap into lines of at most 4 indices so the legend stays narrow
        String[] parts = sb.toString().split(", ");
        StringBuilder line = new StringBuilder();
        int inLine = 0;
        for (String part : parts) {
            if (inLine == 4) {
                lines.add(line.append(',').toString());
                line = new StringBuilder();
                inLine = 0;
            }
            if (inLine > 0) line.append(", ");
            line.append(part);
            inLine++;
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** For a field zeroed by the round-off rule: "(max |v| 2×10⁻¹⁰ ≤ 10⁻⁸)"; null otherwise. */
    private String zeroFieldDetail() {
        if (field == null || !arrowScale.zeroField() || !(arrowScale.maxMagnitude() > 0)) return null;
        return "(max " + Labels.format(arrowScale.maxMagnitude()) + " ≤ " + Labels.format(arrowScale.zeroThreshold())
                + ")";
    }

    private String fieldHeader() { return field == null ? null : scene.fieldLabel(); }

    private double legendWidth(int width) {
        Font f = font();
        double fs = options.fontSize();
        double swatch = 1.6 * fs;
        double w = 7 * fs;
        for (String s : speciesLabels()) if (s != null) w = Math.max(w, swatch + textWidth(f, s));
        List<String> rl = rattlerLines();
        for (int k = 0; k < rl.size(); k++) w = Math.max(w, (k == 0 ? swatch : 0.5 * fs) + textWidth(f, rl.get(k)));
        if (field != null) {
            w = Math.max(w, textWidth(f, fieldHeader()));
            w = Math.max(w, textWidth(f, "zero field: no arrows"));
            String rl2 = zeroFieldDetail();
            if (rl2 != null) w = Math.max(w, textWidth(f, rl2));
            if (options.colorByMagnitude()) w = Math.max(w, textWidth(f, "|" + fieldHeader() + "|"));
        }
        return Math.min(w + 0.5 * fs, 0.42 * width);
    }

    /** Height of the legend with a full-size colour bar. */
    private double legendHeight() {
        double fs = options.fontSize();
        double rows = 0;
        for (String l : speciesLabels()) if (l != null) rows++;
        rows += rattlerLines().size();
        double extra = 0;
        if (field != null) {
            rows += 2.5;
            if (arrowScale.zeroField() ? zeroFieldDetail() != null : !options.automaticArrowScale()) rows += 1;
            if (options.colorByMagnitude()) {
                rows += 1.5;
                extra = 6.9 * fs;
            }
        }
        return rows * 1.45 * fs + extra;
    }

    private void drawLegend(Graphics2D g, Layout lay) {
        Font f = font();
        double fs = options.fontSize();
        double u = options.lineUnit();
        double row = 1.45 * fs;
        double x = lay.legendX;
        double y = lay.legendY;
        double swatchR = 0.45 * fs;
        double textX = x + 1.6 * fs;
        Groups.begin(g, "legend", "legend");
        g.setFont(f);
        BasicStroke outline = new BasicStroke((float) (0.5 * u));
        List<String> labels = speciesLabels();
        boolean byMagnitude = options.colorByMagnitude() && field != null;
        for (int s = 0; s < labels.size(); s++) {
            if (labels.get(s) == null) continue;
            double cy = y + 0.5 * row;
            Ellipse2D sw = new Ellipse2D.Double(x + 0.7 * fs - swatchR, cy - swatchR, 2 * swatchR, 2 * swatchR);
            if (!byMagnitude) {
                g.setPaint(Palette.species(s));
                g.fill(sw);
            }
            g.setStroke(outline);
            g.setPaint(Palette.OUTLINE);
            g.draw(sw);
            text(g, labels.get(s), textX, cy);
            y += row;
        }
        List<String> rl = rattlerLines();
        if (!rl.isEmpty()) {
            double cy = y + 0.5 * row;
            double cx = x + 0.7 * fs;
            Ellipse2D sw = new Ellipse2D.Double(cx - swatchR, cy - swatchR, 2 * swatchR, 2 * swatchR);
            g.setPaint(Palette.RATTLER_FILL);
            g.fill(sw);
            g.setStroke(outline);
            g.setPaint(Palette.RATTLER_INK);
            g.draw(sw);
            g.setStroke(new BasicStroke((float) (0.7 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double c = 0.45 * swatchR;
            g.draw(new Line2D.Double(cx - c, cy - c, cx + c, cy + c));
            g.draw(new Line2D.Double(cx - c, cy + c, cx + c, cy - c));
            text(g, rl.get(0), textX, cy);
            y += row;
            for (int k = 1; k < rl.size(); k++) {
                text(g, rl.get(k), x + 0.5 * fs, y + 0.5 * row);
                y += row;
            }
        }
        if (field != null) {
            y += 0.5 * row;
            text(g, fieldHeader(), x, y + 0.5 * row);
            y += row;
            if (lay.arrows.zeroField()) {
                text(g, "zero field: no arrows", x, y + 0.5 * row);
                y += row;
                String detail = zeroFieldDetail();
                if (detail != null) {
                    text(g, detail, x, y + 0.5 * row);
                    y += row;
                }
            } else {
                double pxPerWorld = d == 2 ? lay.k : camera.focalLength() / camera.distance();
                double len = lay.arrows.referenceValue() * lay.arrows.worldPerUnit() * pxPerWorld;
                double cy = y + 0.5 * row;
                Groups.begin(g, "scale-arrow", "scale-arrow");
                drawArrow(g, x + 0.2 * fs, cy, x + 0.2 * fs + len, cy, u);
                Groups.end(g);
                g.setPaint(Palette.INK);
                text(g, "= " + Labels.format(lay.arrows.referenceValue()), x + 0.6 * fs + len, cy);
                y += row;
                if (!options.automaticArrowScale()) {
                    text(g, "(fixed scale)", x, y + 0.5 * row);
                    y += row;
                }
            }
            if (byMagnitude) {
                y += 0.5 * row;
                text(g, "|" + fieldHeader() + "|", x, y + 0.5 * row);
                y += row;
                double barTop = y + 0.3 * fs;
                double barH = Math.max(2.5 * fs, Math.min(6 * fs, lay.height - lay.pad - 0.6 * fs - barTop));
                drawColorBar(g, x + 0.2 * fs, barTop, 0.9 * fs, barH, u);
            }
        }
        Groups.end(g);
    }

    private void drawColorBar(Graphics2D g, double x, double y, double w, double h, double u) {
        Groups.begin(g, "colorbar", "colorbar");
        float[] fractions = new float[10];
        Color[] colors = new Color[10];
        for (int k = 0; k < 10; k++) {
            fractions[k] = k / 9f;
            colors[k] = Palette.viridis(1 - k / 9.0); // top = maximum
        }
        g.setPaint(new LinearGradientPaint(new Point2D.Double(x, y), new Point2D.Double(x, y + h), fractions, colors));
        Rectangle2D bar = new Rectangle2D.Double(x, y, w, h);
        g.fill(bar);
        g.setStroke(new BasicStroke((float) (0.5 * u)));
        g.setPaint(Palette.OUTLINE);
        g.draw(bar);
        double top = arrowScale.zeroField() ? 0 : maxMagnitude;
        double[] values = {top, 0.5 * top, 0};
        for (int k = 0; k < 3; k++) {
            double ty = y + h * k / 2.0;
            g.draw(new Line2D.Double(x + w, ty, x + w + 0.3 * options.fontSize(), ty));
            g.setPaint(Palette.INK);
            text(g, Labels.format(values[k]), x + w + 0.5 * options.fontSize(), ty);
            g.setPaint(Palette.OUTLINE);
        }
        Groups.end(g);
    }

    private void drawTitle(Graphics2D g, Layout lay, int width) {
        Font f = font().deriveFont(Font.BOLD, (float) (1.15 * options.fontSize()));
        Groups.begin(g, "title", "title");
        g.setFont(f);
        g.setPaint(Palette.INK);
        double w = textWidth(f, options.title());
        g.drawString(options.title(), (float) Math.max(lay.pad, 0.5 * (width - w)),
                (float) (lay.pad + 1.15 * options.fontSize()));
        Groups.end(g);
    }

    /** Draws {@code s} left-aligned at x, vertically centred on {@code cy}. */
    private void text(Graphics2D g, String s, double x, double cy) {
        Font f = g.getFont();
        var lm = f.getLineMetrics(s, FRC);
        g.setPaint(Palette.INK);
        g.drawString(s, (float) x, (float) (cy + 0.5 * (lm.getAscent() - lm.getDescent())));
    }
}
