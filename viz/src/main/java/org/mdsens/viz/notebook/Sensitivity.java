package org.mdsens.viz.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityStatus;
import org.mdsens.viz.chart.SensitivityHistogram;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.scene.ParticleScene;

/**
 * How the minimum moves with one parameter: dx*&#47;dθ for every particle, from the implicit function
 * theorem (H dx*&#47;dθ = −∂θ∇ₓE; Blondel et al., NeurIPS 2022), with dE*&#47;dθ and d²E*&#47;dθ².
 *
 * <pre>{@code
 * Sensitivity s = minimum.sensitivity("diameter[B]");
 * s.picture()          // the packing with one arrow per particle
 * s.histogram()        // distribution of |dx_i/dθ|
 * s.save("sensitivity.svg");
 * }</pre>
 *
 * <p>Gauge: zero mean displacement over the backbone (periodic box; no rigid rotation in open boxes),
 * rattlers (soft spheres with fewer than d+1 contacts) fixed at 0 and drawn as such. Units: length per
 * unit of θ. {@link #status()} says what the numbers are worth; without numbers (NOT_A_MINIMUM, SINGULAR,
 * NON_SMOOTH, ...) {@link #dx()} is NaN, the picture has no arrows and {@link #histogram()} throws.
 *
 * <p>Shown in a notebook as HTML: the picture and a summary table. Immutable; thread-safe.
 */
public final class Sensitivity implements Displayable {

    private final ParameterSensitivity result;
    private final ParticleSystem system;
    private final double[] speciesDiameters;
    private final int[] rattlers;
    private final String gauge;
    private final int zeroModes;
    private final double smallestEigenvalue;

    Sensitivity(Minimum minimum, EquilibriumSensitivity analysis, ParameterSensitivity result) {
        this.result = result;
        this.system = minimum.system();
        this.speciesDiameters = Pictures.speciesDiameters(system, minimum.model());
        this.rattlers = analysis.rattlers();
        this.gauge = analysis.gauge();
        this.zeroModes = analysis.zeroModeCount();
        this.smallestEigenvalue = analysis.smallestEigenvalue();
    }

    /** The parameter θ, e.g. {@code diameter[B]}. */
    public String parameter() { return result.name(); }

    /** What the numbers are worth (OK, NOT_CONVERGED_MINIMUM, SOLVER_NOT_CONVERGED, ...). */
    public SensitivityStatus status() { return result.status(); }

    /** True when the status carries usable numbers. */
    public boolean usable() { return result.status().usable(); }

    /** dx*&#47;dθ, xyz-interleaved, length d·N, input order (a copy). */
    public double[] dx() { return result.dx(); }

    /** dx*_i/dθ of one particle (d components). */
    public double[] dx(int particle) {
        int d = system.dimension();
        if (particle < 0 || particle >= system.size()) {
            throw new IllegalArgumentException("particle must be in [0, " + system.size() + "), got " + particle);
        }
        double[] all = result.dx();
        return Arrays.copyOfRange(all, d * particle, d * particle + d);
    }

    /** |dx*_i/dθ| per particle, length N. */
    public double[] magnitudes() {
        int d = system.dimension();
        double[] all = result.dx();
        double[] m = new double[system.size()];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int a = 0; a < d; a++) s += all[d * i + a] * all[d * i + a];
            m[i] = Math.sqrt(s);
        }
        return m;
    }

    /** Euclidean norm of dx*&#47;dθ over all coordinates. */
    public double norm() { return result.norm(); }

    /** dE*&#47;dθ (envelope theorem). */
    public double dEnergy() { return result.dEnergy(); }

    /** d²E*&#47;dθ². */
    public double d2Energy() { return result.d2Energy(); }

    /** The error estimate (‖F(x̂)‖ + ‖r_Krylov‖)/λ̂ of the solve (an estimate, not a bound; NaN without λ̂). */
    public double errorEstimate() { return result.errorEstimate(); }

    /** The underlying result, with the Krylov solve report. */
    public ParameterSensitivity result() { return result; }

    /** Rattler indices (0-based, input order), fixed at 0. */
    public int[] rattlers() { return rattlers.clone(); }

    /** The gauge of the numbers. */
    public String gauge() { return gauge; }

    /** Dimension of the null space projected out (rigid modes plus d per rattler). */
    public int zeroModes() { return zeroModes; }

    /** λ̂, the smallest non-zero Hessian eigenvalue estimate. */
    public double smallestEigenvalue() { return smallestEigenvalue; }

    private String label() { return "dx*/d " + result.name(); }

    private boolean hasNumbers() {
        for (double v : result.dx()) if (!Double.isFinite(v)) return false;
        return true;
    }

    // ------------------------------------------------------------------ figures and tables

    /** The particle scene with dx*&#47;dθ as the field (when finite) and the rattlers marked. */
    public ParticleScene scene() {
        ParticleScene scene = ParticleScene.of(system, speciesDiameters).withRattlers(rattlers);
        return hasNumbers() ? scene.withField(result.dx(), label()) : scene;
    }

    /** The packing with one arrow per particle (automatic arrow scale), at the notebook size. */
    public Figure picture() {
        String title = hasNumbers() ? label() : label() + ": " + result.status().label() + ", no arrows";
        return Figure.of(new ParticleView(scene(), Pictures.options(title)));
    }

    /**
     * Histogram of |dx*_i/dθ| over the particles, at the notebook size.
     *
     * @throws IllegalStateException when the status carries no numbers
     */
    public Figure histogram() {
        if (!hasNumbers()) {
            throw new IllegalStateException("no sensitivities to plot for " + result.name() + ": status "
                    + result.status().label());
        }
        return Figure.of(SensitivityHistogram.create(magnitudes(), label(), Figure.NOTEBOOK), Figure.NOTEBOOK,
                "histogram of |" + label() + "|");
    }

    /** PNG of {@link #picture()}. */
    public byte[] toPng() { return picture().toPng(); }

    /** SVG of {@link #picture()}. */
    public String toSvg() { return picture().toSvg(); }

    /** HTML: the picture and the summary table side by side. */
    public String toHtml() {
        Figure p = picture();
        return "<div style=\"display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start\">"
                + Html.img(p.toPng(), p.width(), p.height(), p.title()) + summary().toHtml() + "</div>";
    }

    /** Status, norms, energy derivatives and solve report. */
    public Table summary() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("parameter", result.name());
        v.put("status", result.status().label());
        v.put("|dx*/dθ| (all coordinates)", result.norm());
        v.put("max_i |dx_i/dθ|", hasNumbers() ? max(magnitudes()) : Double.NaN);
        v.put("dE*/dθ", result.dEnergy());
        v.put("d²E*/dθ²", result.d2Energy());
        v.put("solver", result.report().solverName());
        v.put("solver iterations", result.report().iterations());
        v.put("relative residual", result.report().relativeResidual());
        v.put("error estimate", result.errorEstimate());
        v.put("smallest eigenvalue λ̂", smallestEigenvalue);
        v.put("gauge", gauge);
        v.put("zero modes", zeroModes);
        v.put("rattlers", rattlers.length);
        return Table.keyValue("sensitivity to " + result.name(), v);
    }

    /** One row per particle: index, species, dx*_i/dθ components and magnitude. */
    public Table table() {
        int d = system.dimension();
        List<String> columns = new ArrayList<>(List.of("particle", "species"));
        String[] axes = {"dx", "dy", "dz"};
        for (int a = 0; a < d; a++) columns.add(axes[a]);
        columns.add("|dx|");
        double[] all = result.dx();
        double[] m = magnitudes();
        List<List<Object>> rows = new ArrayList<>(system.size());
        for (int i = 0; i < system.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(i);
            row.add(system.speciesNames().get(system.species(i)));
            for (int a = 0; a < d; a++) row.add(all[d * i + a]);
            row.add(m[i]);
            rows.add(row);
        }
        return Table.of(label() + " per particle", columns, rows);
    }

    /**
     * Saves by extension: {@code .png} or {@code .svg} the picture, {@code .csv} the per-particle table,
     * {@code .xyz} extended XYZ of the minimum with a {@code dpos_d_<name>} column (DESIGN.md §5).
     *
     * @return the file
     * @throws IllegalArgumentException for another extension
     * @throws UncheckedIOException     when the file cannot be written
     */
    public Path save(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png") || name.endsWith(".svg")) return picture().save(file);
        if (name.endsWith(".csv")) return table().save(file);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                ExtendedXyz.write(file, system, List.of(xyzColumn()), Map.of());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("sensitivity file name must end in .png, .svg, .csv or .xyz, got '" + file + "'");
    }

    /** {@link #save(Path)} of a path given as text. */
    public Path save(String file) { return save(Path.of(file)); }

    private XyzColumn xyzColumn() {
        int d = system.dimension();
        int n = system.size();
        double[] all = result.dx();
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) v[3 * i + a] = all[d * i + a];
        return new XyzColumn("dpos_d_" + Figures.fileName(result.name()), 3, v);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    // ------------------------------------------------------------------ display

    @Override public List<String> displayTypes() { return List.of(HTML); }
    @Override public List<String> supportedDisplayTypes() { return List.of(HTML, PNG, SVG, MARKDOWN); }

    @Override public String displayData(String mimeType) {
        return switch (Html.checkType(this, mimeType)) {
            case HTML -> toHtml();
            case PNG -> picture().displayData(PNG);
            case SVG -> toSvg();
            default -> summary().toMarkdown();
        };
    }

    @Override public String toString() {
        return String.format(Locale.ROOT,
                "Sensitivity[%s: %s, |dx*/dθ|=%.6g, dE*/dθ=%.6g, d²E*/dθ²=%.6g, error≈%.1e, N=%d, rattlers=%d]",
                label(), result.status().label(), result.norm(), result.dEnergy(), result.d2Energy(),
                result.errorEstimate(), system.size(), rattlers.length);
    }
}
