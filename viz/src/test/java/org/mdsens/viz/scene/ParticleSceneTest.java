package org.mdsens.viz.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

class ParticleSceneTest {

    private static ParticleSystem threeParticles() {
        return new ParticleSystem(Box.Periodic.cube(2, 5), new double[] {0, 0, 1, 1, 6, -1}, new int[] {0, 1, 1},
                List.of("A", "B"));
    }

    @Test
    void ofMapsSpeciesDiametersAndCopiesTheSystem() {
        ParticleSystem sys = threeParticles();
        ParticleScene s = ParticleScene.of(sys, new double[] {1.0, 1.4});
        assertArrayEquals(new double[] {1.0, 1.4, 1.4}, s.diameters());
        assertEquals(2, s.dimension());
        assertEquals(3, s.size());
        assertEquals(sys.box(), s.box());
        assertFalse(s.hasField());
        assertNull(s.field());
        assertEquals(0, s.rattlers().length);
        sys.positions()[0] = 42; // the live array of the system
        assertEquals(0, s.positions()[0], "the scene is a snapshot");
        assertEquals((1.0 + 2 * 1.4) / 3, s.meanDiameter(), 1e-12);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] field = {1, 0, 0, 2, 3, 4};
        ParticleScene s = ParticleScene.of(threeParticles(), new double[] {1, 1}).withField(field, "dx/d alpha");
        field[0] = 99;
        assertEquals(1, s.field()[0]);
        s.field()[1] = 99;
        assertEquals(0, s.field()[1]);
        s.positions()[0] = 99;
        assertEquals(0, s.positions()[0]);
        assertArrayEquals(new double[] {1, 2, 5}, s.fieldMagnitudes(), 1e-15);
        assertEquals("dx/d alpha", s.fieldLabel());
        assertFalse(s.withoutField().hasField());
    }

    @Test
    void rattlersAreSortedAndValidated() {
        ParticleScene s = ParticleScene.of(threeParticles(), new double[] {1, 1}).withRattlers(new int[] {2, 0});
        assertArrayEquals(new int[] {0, 2}, s.rattlers());
        boolean[] mask = s.rattlerMask();
        assertTrue(mask[0] && !mask[1] && mask[2]);
        var e = assertThrows(IllegalArgumentException.class, () -> s.withRattlers(new int[] {1, 1}));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.withRattlers(new int[] {3}));
        assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
    }

    @Test
    void invalidInputsAreRejectedWithTheConstraint() {
        ParticleScene s = ParticleScene.of(threeParticles(), new double[] {1, 1});
        var e = assertThrows(IllegalArgumentException.class, () -> s.withField(new double[5], "f"));
        assertTrue(e.getMessage().startsWith("field length must be d·N = 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withField(new double[] {0, 0, 0, 0, 0, Double.NaN}, "f"));
        assertThrows(IllegalArgumentException.class, () -> s.withField(new double[6], " "));
        assertThrows(IllegalArgumentException.class, () -> ParticleScene.of(threeParticles(), new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ParticleScene.of(threeParticles(), new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new ParticleScene(new double[6], 3, new int[3],
                List.of("A"), new double[] {1, 1, 1}, Box.Periodic.cube(2, 5), null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ParticleScene(new double[6], 2, new int[3],
                List.of("A"), new double[] {1, 1, 1}, new Box.Open(2), null, "label without field", null));
    }

    @Test
    void equalScenesAreEqual() {
        ParticleScene a = ParticleScene.of(threeParticles(), new double[] {1, 2}).withRattlers(new int[] {1});
        ParticleScene b = ParticleScene.of(threeParticles(), new double[] {1, 2}).withRattlers(new int[] {1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(b.withRattlers(new int[0])));
    }
}
