package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test surfaces' forces against central finite differences of their energies. */
class TestSurfacesForceTest {

    static Stream<Arguments> surfaces() {
        return Stream.of(
                Arguments.of("quadratic well seed 7", TestSurfaces.QuadraticWell.anisotropic(3, 4, 1.0, 50.0, 7)),
                Arguments.of("LJ dimer", TestSurfaces.LennardJones.dimer(1.3)),
                Arguments.of("LJ13 seed 12345", TestSurfaces.LennardJones.icosahedron13(1.09, 0.15, 12345)),
                Arguments.of("Rosenbrock seed 99", TestSurfaces.Rosenbrock.near(4, 100.0, 0.3, 99)),
                Arguments.of("slope", new TestSurfaces.Slope(2, new double[] {0.3, -1.0, 2.0, 0.5}, 1.7)));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("surfaces")
    void forcesMatchCentralDifferences(String name, TestSurfaces.Base s) {
        int len = s.x.length;
        double[] f = new double[len];
        double[] scratch = new double[len];
        s.energyAndForces(f);
        double h = 1e-5;
        for (int k = 0; k < len; k++) {
            double keep = s.x[k];
            s.x[k] = keep + h;
            double ep = s.energyAndForces(scratch);
            s.x[k] = keep - h;
            double em = s.energyAndForces(scratch);
            s.x[k] = keep;
            double fd = -(ep - em) / (2 * h);
            assertEquals(fd, f[k], 1e-6 * (1 + Math.abs(fd)), name + " coordinate " + k);
        }
    }
}
