package org.mdsens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.md.build.LatticeKind;
import org.mdsens.md.build.Lattices;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;

/** The Java quickstart of README.md, line for line (seed 7), so that it keeps compiling and working. */
class ReadmeQuickstartTest {

    @TempDir
    Path dir;

    @Test
    void quickstartSeed7ConvergesAndWrites() throws IOException {
        Path out = dir.resolve("final.xyz");
        var system = Lattices.build(LatticeKind.FCC, new int[] {6, 6, 6}, 0.8442, List.of("A"), null, 0.05, 7);
        var lj = LennardJones.builder(system.speciesNames()).sigma("A", 1.0).epsilon("A", 1.0).cutoff(2.5).shift(true).build();
        var surface = new EnergyEvaluator(system, new EnergyModel(lj));     // kernels: the fixed AUTO rule
        MinimizationResult result = Minimizers.create(MinimizerConfig.defaults()).minimize(surface);
        String line = result + ", P = " + surface.pressure();
        ExtendedXyz.write(out, system);

        assertTrue(result.converged(), line);
        assertTrue(result.maxForce() <= 1e-10, line);
        assertEquals(864, ExtendedXyz.read(out).system().size());
        assertTrue(Files.size(out) > 0);
        // the perfect shifted, truncated fcc lattice: E/N = ½ Σ_shells n_k [φ(r_k) − φ(r_c)], shells within 2.5
        double rnn = Math.cbrt(4 / 0.8442) / Math.sqrt(2);
        int[] shell = {12, 6, 24, 12};
        double phiC = 4 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
        double e = 0;
        for (int k = 1; k <= 4; k++) {
            double r = rnn * Math.sqrt(k);
            e += 0.5 * shell[k - 1] * (4 * (Math.pow(r, -12) - Math.pow(r, -6)) - phiC);
        }
        assertEquals(e, result.energy() / 864, 1e-9);
    }
}
