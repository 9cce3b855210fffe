package org.mdsens.viz.notebook;

import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.potential.Wca;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.picture.ViewOptions;
import org.mdsens.viz.scene.ParticleScene;

/** Particle pictures of the notebook size (package-private). */
final class Pictures {

    /** Notebook particle pictures: 760 × 600 px, 13 px legend type. */
    static final int WIDTH = 760;
    static final int HEIGHT = 600;
    static final double FONT = 13;

    private Pictures() { }

    /**
     * Drawing diameter per species: soft-sphere diameters D, Lennard-Jones and WCA σ_aa, else 1 (and 1
     * without a model).
     */
    static double[] speciesDiameters(ParticleSystem system, EnergyModel model) {
        int s = system.speciesCount();
        double[] d = new double[s];
        PairPotential pair = model == null ? null : model.pair();
        for (int a = 0; a < s; a++) {
            if (pair instanceof SoftSphere ss) d[a] = ss.diameter(a);
            else if (pair instanceof LennardJones lj) d[a] = lj.sigma(a, a);
            else if (pair instanceof Wca w) d[a] = w.sigma(a, a);
            else d[a] = 1.0;
        }
        return d;
    }

    static ViewOptions options(String title) {
        return ViewOptions.defaults().withSize(WIDTH, HEIGHT).withFontSize(FONT).withTitle(title);
    }

    /** The configuration without a field. */
    static Figure configuration(ParticleSystem system, EnergyModel model, String title) {
        ParticleScene scene = ParticleScene.of(system, speciesDiameters(system, model));
        return Figure.of(new ParticleView(scene, options(title)));
    }
}
