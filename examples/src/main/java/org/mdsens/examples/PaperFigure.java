package org.mdsens.examples;

import java.awt.Graphics2D;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mdsens.viz.export.Drawable;
import org.mdsens.viz.notebook.Figure;
import org.mdsens.viz.notebook.Mdsens;
import org.mdsens.viz.notebook.Minimum;
import org.mdsens.viz.notebook.Sensitivity;
import org.mdsens.viz.notebook.SoftSpheres;
import org.mdsens.viz.notebook.Table;

/**
 * The molecular-dynamics example of Blondel et al., "Efficient and Modular Implicit Differentiation"
 * (NeurIPS 2022, §4 and Fig. 5, after JAX-MD): a 2D bidisperse soft-sphere packing, N = 128 particles,
 * diameters 1.0 and 1.4 in equal numbers, packing fraction 0.9, harmonic contacts (α = 2, ε = 1),
 * minimized to a largest force of 1e-10 (plus Newton polish), and dx*&#47;dD_B: how every particle's
 * equilibrium position moves when the large particles grow.
 *
 * <pre>{@code
 * Minimum m = PaperFigure.packing(7).setup().newtonPolish(true).minimize();
 * Figure f = PaperFigure.of(m.sensitivity(PaperFigure.PARAMETER));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the notebook {@code examples/notebooks/paper-sensitivity.ipynb} uses it.
 */
public final class PaperFigure {

    /** Number of particles. */
    public static final int COUNT = 128;
    /** Packing fraction φ (area fraction). */
    public static final double PACKING_FRACTION = 0.9;
    /** Diameters of species A and B. */
    public static final double DIAMETER_A = 1.0;
    public static final double DIAMETER_B = 1.4;
    /** Soft-sphere exponent (harmonic). */
    public static final double ALPHA = 2.0;
    /** The differentiated parameter. */
    public static final String PARAMETER = "diameter[B]";

    private PaperFigure() { }

    /** The paper's packing with a given seed (positions and species assignment). */
    public static SoftSpheres packing(long seed) {
        return Mdsens.softSpheres2D(COUNT).diameters(DIAMETER_A, DIAMETER_B).composition(0.5, 0.5)
                .packingFraction(PACKING_FRACTION).alpha(ALPHA).seed(seed);
    }

    /**
     * The figure: the packing with dx*&#47;dθ arrows (left) and the histogram of |dx*_i/dθ| (right),
     * side by side.
     */
    public static Figure of(Sensitivity sensitivity) {
        Figure picture = sensitivity.picture();
        Figure histogram = sensitivity.histogram();
        int width = picture.width() + histogram.width();
        int height = Math.max(picture.height(), histogram.height());
        Drawable both = (g, w, h) -> {
            double sx = w / (double) width;
            double sy = h / (double) height;
            drawAt(g, picture, 0, 0, sx, sy);
            drawAt(g, histogram, picture.width(), (height - histogram.height()) / 2.0, sx, sy);
        };
        return Figure.of(both, "paper figure: " + sensitivity.parameter(), width, height, picture.dpi());
    }

    private static void drawAt(Graphics2D g, Figure f, double x, double y, double sx, double sy) {
        Graphics2D part = (Graphics2D) g.create();
        try {
            part.scale(sx, sy);
            part.translate(x, y);
            part.clipRect(0, 0, f.width(), f.height());
            f.drawable().draw(part, f.width(), f.height());
        } finally {
            part.dispose();
        }
    }

    /**
     * Trust, but verify: the implicit derivatives against central finite differences of re-minimized
     * systems (θ ± h, each minimized from this minimum as a warm start): dE*&#47;dθ, and the relative
     * difference of dx*&#47;dθ over the backbone (mean displacement removed, rattlers excluded).
     *
     * @param h the finite-difference step (1e-6 is a good start for minima polished to round-off)
     */
    public static Table check(Minimum minimum, String parameter, double h) {
        Sensitivity s = minimum.sensitivity(parameter);
        double theta = minimum.setup().parameter(parameter);
        Minimum up = minimum.withParameter(parameter, theta + h).minimize();
        Minimum down = minimum.withParameter(parameter, theta - h).minimize();
        double fdEnergy = (up.energy() - down.energy()) / (2 * h);
        double[] fd = Checks.centralDifference(up.positions(), down.positions(), h, minimum.system().box());
        double relative = Checks.relativeDifference(s.dx(), fd, s.rattlers(), minimum.dimension());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dE*/dθ implicit", s.dEnergy());
        v.put("dE*/dθ finite difference", fdEnergy);
        v.put("|dx*/dθ| implicit", s.norm());
        v.put("relative difference of dx*/dθ", relative);
        v.put("error estimate (implicit)", s.errorEstimate());
        v.put("finite-difference step h", h);
        return Table.keyValue("implicit vs finite differences for " + parameter, v);
    }
}
