package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Brute-force lattice sums: perfect fcc Lennard-Jones (σ = ε = 1) at number density 0.8442 with an
 * unshifted cutoff 2.5 has energy per particle −6.773368053253057 (the value the kernel tests use).
 */
class LatticeSumTest {

    /** ½ Σ_j φ(|r_j|) over an infinite fcc lattice around one site at the origin. */
    private static double fccEnergyPerParticle(RadialFunction phi, double density) {
        double a = Math.cbrt(4 / density);
        double[][] basis = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        int m = (int) Math.ceil(phi.cutoff() / a) + 1;
        double e = 0;
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                for (int k = -m; k <= m; k++) {
                    for (double[] b : basis) {
                        double x = (i + b[0]) * a, y = (j + b[1]) * a, z = (k + b[2]) * a;
                        double r = Math.sqrt(x * x + y * y + z * z);
                        if (r > 0) e += 0.5 * phi.energy(r);
                    }
                }
            }
        }
        return e;
    }

    @Test
    void fccLennardJonesAtLiquidDensity() {
        LennardJones lj = LennardJones.builder(List.of("A")).cutoff(2.5).build();
        assertEquals(-6.773368053253057, fccEnergyPerParticle(lj.pair(0, 0), 0.8442), 1e-12);
        // the AD custom potential gives the same sum
        CustomPairPotential custom = CustomPairPotential.builder(List.of("A"), Fixtures.LJ).all(1, 1).cutoff(2.5).build();
        assertEquals(-6.773368053253057, fccEnergyPerParticle(custom.pair(0, 0), 0.8442), 1e-12);
    }
}
