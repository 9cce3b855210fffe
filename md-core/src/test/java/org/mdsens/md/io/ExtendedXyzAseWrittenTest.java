package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Files written by ASE itself (golden files under {@code io/ase/}, made by its {@code generate.py}
 * with ASE 3.22.1): calculator results, momenta, tags, magnetic moments, charges, a custom vector
 * array and a logical array as extra columns; two frames; a planar periodic file. Every number in
 * them is a multiple of 1/16, so the expected values are recomputed here exactly as the script
 * made them.
 */
class ExtendedXyzAseWrittenTest {

    static final int N = 8;

    @Test
    void threeDimensionalTrajectoryWithCalculatorResultsAndCustomArrays() throws IOException {
        var file = ExtendedXyzAseTest.resource("ase/ase_written_3d.extxyz");
        List<XyzFrame> frames = ExtendedXyz.readAll(file, XyzReadOptions.defaults());
        assertEquals(2, frames.size());
        for (int k = 0; k < 2; k++) {
            XyzFrame f = frames.get(k);
            ParticleSystem s = f.system();
            assertEquals(new Box.Periodic(new double[] {6.0, 5.5, 7.25}), s.box());
            assertEquals(List.of("Cu", "Ni"), s.speciesNames());
            double[] pos = new double[3 * N], momenta = new double[3 * N], dpos = new double[3 * N],
                    forces = new double[3 * N], magmoms = new double[N], charges = new double[N];
            long[] tags = new long[N];
            boolean[] frozen = new boolean[N];
            int[] species = new int[N];
            double forceScale = k == 0 ? 1.0 : 0.5;
            for (int i = 0; i < N; i++) {
                species[i] = i % 2;
                pos[3 * i] = 0.5 * i + (k == 0 ? 0.0 : 0.0625);
                pos[3 * i + 1] = 0.25 * (i % 3);
                pos[3 * i + 2] = 3.0 - 0.125 * i;
                momenta[3 * i] = 0.0625 * i;
                momenta[3 * i + 1] = -0.125;
                momenta[3 * i + 2] = 0.25 * (i % 2);
                dpos[3 * i] = 0.125 * i;
                dpos[3 * i + 1] = -0.0625 * i;
                dpos[3 * i + 2] = 1.0;
                forces[3 * i] = forceScale * (1.0 - 0.25 * i);
                forces[3 * i + 1] = forceScale * 0.5;
                forces[3 * i + 2] = forceScale * (-0.125 * i);
                magmoms[i] = 0.5 * (i % 3);
                charges[i] = -0.25 * i;
                tags[i] = 10 + i;
                frozen[i] = i % 3 == 0;
            }
            assertArrayEquals(species, s.species());
            assertArrayEquals(pos, s.positions(), 0.0, "frame " + k);
            assertArrayEquals(momenta, f.realColumn("momenta"), 0.0);
            assertArrayEquals(dpos, f.realColumn("dpos_d_sigma_A"), 0.0);
            assertArrayEquals(forces, f.realColumn("forces"), 0.0);
            assertArrayEquals(magmoms, f.realColumn("initial_magmoms"), 0.0);
            assertArrayEquals(charges, f.realColumn("initial_charges"), 0.0);
            assertArrayEquals(tags, f.integerColumns().get("tags"));
            assertArrayEquals(frozen, f.logicalColumns().get("frozen"));
            assertEquals(List.of("species", "pos", "momenta", "tags", "initial_magmoms", "initial_charges",
                    "dpos_d_sigma_A", "frozen", "forces"), f.properties().stream().map(XyzProperty::name).toList());
            assertEquals("ase written", f.info().get("config_type"));
            assertEquals("7", f.info().get("step"));
            assertEquals(k == 0 ? -12.375 : -13.5, Double.parseDouble(f.info().get("energy")));
        }
        assertEquals("0.5 0.0 0.0 0.0 0.25 0.0 0.0 0.0 0.125", frames.get(0).info().get("stress"));
    }

    @Test
    void planarPeriodicFileWithAZeroThirdCellVectorIsTwoDimensional() throws IOException {
        XyzFrame f = ExtendedXyz.read(ExtendedXyzAseTest.resource("ase/ase_written_2d.extxyz"));
        ParticleSystem s = f.system();
        assertEquals(new Box.Periodic(new double[] {5.0, 4.5}), s.box());
        assertEquals(List.of("Ar", "Kr"), s.speciesNames());
        double[] pos = new double[12], forces = new double[18];
        for (int i = 0; i < 6; i++) {
            pos[2 * i] = 0.75 * i;
            pos[2 * i + 1] = 0.5 * (i % 2);
            forces[3 * i] = 0.125 * i;
            forces[3 * i + 1] = -0.25;
        }
        assertArrayEquals(pos, s.positions(), 0.0);
        assertArrayEquals(forces, f.realColumn("forces"), 0.0);
        assertEquals(Map.of("energy", "0.375"), f.info());
    }
}
