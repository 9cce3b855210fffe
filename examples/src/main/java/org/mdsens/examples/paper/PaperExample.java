package org.mdsens.examples.paper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.scene.ParticleScene;

/**
 * The molecular-dynamics experiment of Blondel et al., "Efficient and Modular Implicit
 * Differentiation" (NeurIPS 2022), through the Java API: a 2D bidisperse soft-sphere packing
 * (N = 128, diameters 1.0 and 1.4, 50:50, packing fraction 0.9, φ = (ε/α)(1 − r/σ)^α with α = 2,
 * ε = 1), minimized with FIRE 2.0 to max force 1e-10, Newton-polished to round-off, and the
 * sensitivity dx*&#47;dD_B of every particle to the diameter of the large species by implicit
 * differentiation (one conjugate-gradient solve with exact Hessian-vector products), with the energy
 * and pressure at the minimum and their derivatives (envelope theorem; one VJP).
 *
 * <p>It builds exactly the system of {@code examples/jobs/soft-sphere-paper.toml} (same generator,
 * seed 1, min_distance 0.1), so {@code mdsens run} on that job gives the same numbers.
 *
 * <pre>
 *   java ... org.mdsens.examples.paper.PaperExample [OUT_DIR]   # default out/examples/paper
 * </pre>
 * writes {@code final.xyz} (with {@code dpos_d_diameter_B}) and {@code sensitivity_diameter_B.png/svg}.
 */
public final class PaperExample {

    /** Species, in index order. */
    public static final List<String> SPECIES = List.of("A", "B");
    /** Diameters of A and B. */
    public static final double[] DIAMETERS = {1.0, 1.4};
    /** The parameter differentiated. */
    public static final String PARAMETER = "diameter[B]";

    private PaperExample() { }

    /**
     * What the example computed.
     *
     * @param system       the minimized packing (input order)
     * @param model        the energy model
     * @param minimization FIRE's result
     * @param polish       the Newton polish
     * @param sensitivity  dx*&#47;dD_B with the energy and pressure observables
     */
    public record Result(ParticleSystem system, EnergyModel model, MinimizationResult minimization, PolishReport polish,
                         SensitivityResult sensitivity) { }

    /** The starting packing: random sequential addition at φ = 0.9, seed 1. */
    public static ParticleSystem packing(int count, long seed) {
        return RandomPacking.atPackingFraction(2, count, SPECIES, new double[] {0.5, 0.5}, DIAMETERS, 0.9, 0.1, seed);
    }

    /** The harmonic soft-sphere model (α = 2, ε = 1, σ_ab = (D_a + D_b)/2). */
    public static EnergyModel model() {
        return new EnergyModel(SoftSphere.builder(SPECIES).diameter("A", DIAMETERS[0]).diameter("B", DIAMETERS[1])
                .epsilon(1.0).alpha(2.0).build());
    }

    /** Minimizes, polishes and differentiates the N-particle packing of the given seed. */
    public static Result run(int count, long seed) {
        ParticleSystem system = packing(count, seed);
        EnergyModel model = model();
        EnergyEvaluator evaluator = new EnergyEvaluator(system, model, Kernels.select(KernelChoice.AUTO),
                EnergyEvaluator.defaultSkin(system, model));
        MinimizerConfig fire = new MinimizerConfig(MinimizerKind.FIRE, 1e-10, 200_000, 0.05, 0.1);
        MinimizationResult minimization = Minimizers.create(fire).minimize(evaluator);
        PolishReport polish = NewtonPolish.polish(evaluator, 20, 1e-13);
        EquilibriumSensitivity sensitivity = new EquilibriumSensitivity(evaluator, SensitivityConfig.defaults());
        SensitivityResult result = sensitivity.compute(List.of(PARAMETER),
                List.of(Observables.energy(), Observables.pressure()));
        return new Result(system, model, minimization, polish, result);
    }

    /** Writes {@code final.xyz} and the sensitivity figure (journal-column preset) into {@code dir}. */
    public static List<Path> write(Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        double[] dx = r.sensitivity().parameter(PARAMETER).dx();
        Path xyz = dir.resolve("final.xyz");
        ExtendedXyz.write(xyz, r.system(), List.of(new XyzColumn("dpos_d_diameter_B", 2, dx)), null);
        ParticleScene scene = ParticleScene.of(r.system(), DIAMETERS).withField(dx, "dx/d " + PARAMETER)
                .withRattlers(r.sensitivity().rattlers());
        List<Path> figures = Figures.writeSensitivity(dir, PARAMETER, scene, FigurePreset.journalColumn());
        return List.of(xyz, figures.get(0), figures.get(1));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "out/examples/paper");
        Result r = run(128, 1);
        System.out.println("FIRE: " + r.minimization());
        System.out.println("Newton polish: " + r.polish());
        System.out.println(r.sensitivity());
        for (Path p : write(r, dir)) System.out.println("wrote " + p);
    }
}
