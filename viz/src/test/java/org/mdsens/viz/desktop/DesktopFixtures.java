package org.mdsens.viz.desktop;

import java.nio.file.Path;
import java.util.List;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;

/** Small jobs for the desktop tests, built directly from md-core (no job files in viz). */
final class DesktopFixtures {

    private DesktopFixtures() { }

    /**
     * A 2D bidisperse harmonic soft-sphere packing (D_A = 1, D_B = 1.4, 50:50) of {@code n} particles
     * at packing fraction 0.9, seeded; FIRE to max force 1e-10; sensitivity to diameter[B].
     */
    static DesktopJob softSpheres(int n, long seed) {
        List<String> species = List.of("A", "B");
        ParticleSystem system = RandomPacking.atPackingFraction(2, n, species, new double[] {0.5, 0.5},
                new double[] {1.0, 1.4}, 0.9, 0.0, seed);
        SoftSphere pair = SoftSphere.builder(species).diameter("A", 1.0).diameter("B", 1.4).epsilon(1.0).alpha(2.0)
                .build();
        EnergyModel model = new EnergyModel(pair);
        MinimizerConfig minimizer = new MinimizerConfig(MinimizerKind.FIRE, 1e-10, 200_000, 0.05, 0.1);
        JobDraft draft = new JobDraft(Path.of("test.toml"), List.of());
        return new DesktopJob("test", draft, system, model, minimizer, false, List.of("diameter[B]"),
                new double[] {1.0, 1.4}, n + " soft spheres", List.of());
    }
}
