package org.mdsens.viz.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;

import org.junit.jupiter.api.Test;

class PaletteAndLabelsTest {

    @Test
    void viridisEndpointsAndMonotoneLightness() {
        assertEquals(new Color(0x440154), Palette.viridis(0));
        assertEquals(new Color(0xFDE725), Palette.viridis(1));
        assertEquals(Palette.viridis(0), Palette.viridis(Double.NaN));
        assertEquals(Palette.viridis(1), Palette.viridis(7));
        double last = -1;
        for (int k = 0; k <= 100; k++) {
            Color c = Palette.viridis(k / 100.0);
            double luma = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertEquals(true, luma >= last - 1e-9, "viridis gets lighter at t = " + k / 100.0);
            last = luma;
        }
    }

    @Test
    void speciesColoursAreOkabeItoAndCycle() {
        assertEquals(new Color(0x56B4E9), Palette.species(0));
        assertEquals(new Color(0xE69F00), Palette.species(1));
        assertNotEquals(Palette.species(0), Palette.species(1));
        assertEquals(Palette.species(2), Palette.species(2 + Palette.categoricalCount()));
    }

    @Test
    void labelsUseThreeSignificantDigitsAndSuperscripts() {
        assertEquals("0", Labels.format(0));
        assertEquals("0.02", Labels.format(0.02));
        assertEquals("0.0294", Labels.format(0.029412));
        assertEquals("1.5", Labels.format(1.5));
        assertEquals("1230", Labels.format(1234));
        assertEquals("−2.5", Labels.format(-2.5));
        assertEquals("2×10⁻⁵", Labels.format(2e-5));
        assertEquals("10⁶", Labels.format(1e6));
        assertEquals("9.69×10⁻⁵", Labels.format(9.6912e-5));
        assertEquals("10⁻⁴", Labels.format(9.9999e-5));
        assertEquals("⁻¹²", Labels.superscript(-12));
    }

    @Test
    void depthSortIsDescendingAndStable() {
        double[] key = {1, 5, 3, 5, -2, 0};
        assertArrayEquals(new int[] {1, 3, 2, 0, 5, 4}, ParticleView.sortDescending(key));
        assertArrayEquals(new int[0], ParticleView.sortDescending(new double[0]));
    }
}
