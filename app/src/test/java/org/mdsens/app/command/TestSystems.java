package org.mdsens.app.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Small structure files for command tests, from fixed seeds. */
final class TestSystems {

    private TestSystems() { }

    /**
     * An fcc crystal of cells³ unit cells at the given number density, each coordinate jittered
     * uniformly in ±jitter, species B on every third particle (A otherwise).
     */
    static ParticleSystem fcc(int cells, double density, double jitter, long seed) {
        double a = Math.cbrt(4.0 / density);
        int n = 4 * cells * cells * cells;
        double[] x = new double[3 * n];
        int[] s = new int[n];
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int i = 0;
        for (int cx = 0; cx < cells; cx++) {
            for (int cy = 0; cy < cells; cy++) {
                for (int cz = 0; cz < cells; cz++) {
                    for (double[] b : basis) {
                        x[3 * i] = a * (cx + b[0]) + jitter * (2 * rng.nextDouble() - 1);
                        x[3 * i + 1] = a * (cy + b[1]) + jitter * (2 * rng.nextDouble() - 1);
                        x[3 * i + 2] = a * (cz + b[2]) + jitter * (2 * rng.nextDouble() - 1);
                        s[i] = i % 3 == 2 ? 1 : 0;
                        i++;
                    }
                }
            }
        }
        return new ParticleSystem(Box.Periodic.cube(3, a * cells), x, s, List.of("A", "B"));
    }

    static void writeXyz(Path file, ParticleSystem system) throws IOException {
        ExtendedXyz.write(file, system);
    }
}
