package org.mdsens.md.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

class RandomPackingTest {

    private static double minPairDistance(ParticleSystem s) {
        int n = s.size();
        int d = s.dimension();
        double[] x = s.positions();
        double[] delta = new double[d];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int a = 0; a < d; a++) delta[a] = x[d * i + a] - x[d * j + a];
                s.box().minimumImage(delta, 0);
                double r2 = 0;
                for (double v : delta) r2 += v * v;
                min = Math.min(min, r2);
            }
        }
        return Math.sqrt(min);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void packingFractionIsExactAndMinDistanceHoldsSeed17(int d) {
        double[] diameters = {1.0, 1.4};
        double phi = 0.8;
        int n = 500;
        double md = d == 2 ? 0.6 : 0.55;
        ParticleSystem s = RandomPacking.atPackingFraction(d, n, List.of("A", "B"), new double[] {0.5, 0.5},
                diameters, phi, md, 17);
        assertEquals(n, s.size());
        assertArrayEquals(new int[] {250, 250}, s.speciesCounts());
        double solid = 0;
        for (int i = 0; i < n; i++) solid += RandomPacking.particleVolume(d, diameters[s.species(i)]);
        assertEquals(phi, solid / s.box().volume(), 1e-13);
        assertTrue(minPairDistance(s) >= md, "min distance " + minPairDistance(s));
        double l = ((Box.Periodic) s.box()).length(0);
        for (double v : s.positions()) assertTrue(v >= 0 && v < l);
    }

    @Test
    void densityFormAndUnevenCompositionSeed3() {
        ParticleSystem s = RandomPacking.atDensity(3, 1001, List.of("A", "B", "C"), new double[] {0.8, 0.15, 0.05},
                1.2, 0.8, 3);
        assertEquals(1.2, s.size() / s.box().volume(), 1e-13);
        assertArrayEquals(new int[] {801, 150, 50}, s.speciesCounts());
        assertTrue(minPairDistance(s) >= 0.8);
        int[] sorted = s.species().clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, s.species()), "species assignment must be shuffled");
    }

    @Test
    void withoutMinDistanceItIsUniformSeed4() {
        ParticleSystem s = RandomPacking.atDensity(2, 2000, List.of("A"), null, 0.5, 0.0, 4);
        double l = ((Box.Periodic) s.box()).length(0);
        double meanX = 0;
        for (int i = 0; i < s.size(); i++) meanX += s.positions()[2 * i];
        meanX /= s.size();
        // mean of U(0, L): L/2 with standard error L/sqrt(12 N) ~ 0.0065 L
        assertEquals(l / 2, meanX, 0.04 * l);
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentSeeds8And9() {
        ParticleSystem a = RandomPacking.atPackingFraction(2, 300, List.of("A", "B"), null, new double[] {1, 1.4}, 0.84, 0.5, 8);
        ParticleSystem b = RandomPacking.atPackingFraction(2, 300, List.of("A", "B"), null, new double[] {1, 1.4}, 0.84, 0.5, 8);
        ParticleSystem c = RandomPacking.atPackingFraction(2, 300, List.of("A", "B"), null, new double[] {1, 1.4}, 0.84, 0.5, 9);
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.species(), b.species());
        assertEquals(a.box(), b.box());
        assertFalse(Arrays.equals(a.positions(), c.positions()));
        assertFalse(Arrays.equals(a.species(), c.species()));
    }

    @Test
    void smallBoxesUseTheBruteForcePathSeed10() {
        ParticleSystem s = RandomPacking.atDensity(3, 4, List.of("A"), null, 0.05, 2.0, 10);
        assertTrue(minPairDistance(s) >= 2.0);
    }

    @Test
    void tooLargeMinDistanceGivesUpWithAClearMessageSeed11() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atDensity(2, 100, List.of("A"), null, 1.0, 1.5, 11));
        assertTrue(e.getMessage().contains("minDistance"), e.getMessage());
        assertTrue(e.getMessage().contains("got minDistance 1.5"), e.getMessage());
        assertTrue(e.getMessage().contains("number density 1.0"), e.getMessage());
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atDensity(4, 10, List.of("A"), null, 1, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atDensity(2, 0, List.of("A"), null, 1, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atPackingFraction(2, 10, List.of("A", "B"), null, new double[] {1}, 0.5, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atPackingFraction(2, 10, List.of("A"), null, new double[] {1}, 0, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RandomPacking.atDensity(2, 10, List.of("A"), null, 1, -1, 1));
    }
}
