package org.mdsens.viz.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.viz.TestFigures;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.scene.ParticleScene;
import org.w3c.dom.Document;

class FiguresTest {

    @TempDir Path tmp;

    @Test
    void fileNamesFollowTheDesignRule() {
        assertEquals("diameter_B", Figures.fileName("diameter[B]"));
        assertEquals("sigma_A_B", Figures.fileName("sigma[A,B]"));
        assertEquals("position_17", Figures.fileName("position[17]"));
        assertEquals("diameter_B", Figures.fileName("diameter_B"), "idempotent");
        assertEquals("mean_contact_distance", Figures.fileName("mean_contact_distance"));
        assertThrows(IllegalArgumentException.class, () -> Figures.fileName("[]"));
        assertThrows(IllegalArgumentException.class, () -> Figures.fileName(" "));
    }

    @Test
    void convergenceFigureIsWrittenAsPngAndSvg() throws Exception {
        int[] it = {0, 10, 20, 30};
        double[] e = {-1.0, -1.5, -1.6, -1.6000001};
        double[] f = {1, 1e-3, 1e-7, 1e-11};
        List<Path> files = Figures.writeConvergence(tmp, it, e, f, FigurePreset.screen());
        assertEquals(List.of(tmp.resolve("convergence.png"), tmp.resolve("convergence.svg")), files);
        BufferedImage img = TestFigures.readPng(files.get(0));
        assertEquals(900, img.getWidth());
        assertEquals(650, img.getHeight());
        assertEquals(96, PngExporter.readDpi(files.get(0)), 0.02);
        TestFigures.parseSvg(files.get(1));
    }

    @Test
    void sensitivityFigureSeed13IsNamedAfterTheParameter() throws Exception {
        ParticleScene scene = TestFigures.bidisperse2d(13);
        List<Path> files = Figures.writeSensitivity(tmp, "diameter[B]", scene, FigurePreset.journalColumn());
        assertEquals(tmp.resolve("sensitivity_diameter_B.png"), files.get(0));
        assertEquals(tmp.resolve("sensitivity_diameter_B.svg"), files.get(1));
        BufferedImage img = TestFigures.readPng(files.get(0));
        assertEquals(1004, img.getWidth());
        assertEquals(300, PngExporter.readDpi(files.get(0)), 0.01);
        Document doc = TestFigures.parseSvg(files.get(1));
        assertEquals(scene.size(), TestFigures.groupsWithClass(doc, "particle"));
        assertTrue(TestFigures.inkFraction(img) > 0.2);
        assertThrows(IllegalArgumentException.class,
                () -> Figures.writeDrawing(tmp, "../escape", (g, w, h) -> { }, FigurePreset.screen()));
    }
}
