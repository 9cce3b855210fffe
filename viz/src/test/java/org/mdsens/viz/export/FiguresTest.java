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
import org.mdsens.viz.picture.Labels;
import org.mdsens.viz.picture.Palette;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.picture.ViewOptions;
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

    @Test
    void paperFigureSeed7AtTheJournalPresetIsPublicationQuality() throws Exception {
        FigurePreset preset = FigurePreset.journalColumn();
        ParticleScene scene = TestFigures.bidisperse2d(7);
        List<Path> files = Figures.writeSensitivity(tmp, "diameter[B]", scene, preset);
        Path dir = TestFigures.checkDir();
        if (dir != null) {
            java.nio.file.Files.copy(files.get(0), dir.resolve("paper.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.copy(files.get(1), dir.resolve("paper.svg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // labels at least 8 pt on paper
        ViewOptions o = Figures.viewOptions(preset);
        assertTrue(o.fontSize() >= 8 * preset.dpi() / 72 - 1e-9, "font " + o.fontSize() + " px");
        // arrows: one per non-rattler, and long enough to see (median at least 1.5 mm on paper)
        ParticleView view = new ParticleView(scene, o);
        PngExporter.render(Drawable.of(view), preset.width(), preset.height());
        double s = view.arrowScale().worldPerUnit();
        double[] x = scene.positions(), f = scene.field(), m = scene.fieldMagnitudes();
        scene.box().wrap(x);
        double[] lengths = new double[scene.size()];
        int k = 0;
        for (int i = 0; i < scene.size(); i++) {
            if (!(m[i] > 0)) continue;
            lengths[k++] = view.worldToScreen(new double[] {x[2 * i], x[2 * i + 1]}).distance(
                    view.worldToScreen(new double[] {x[2 * i] + s * f[2 * i], x[2 * i + 1] + s * f[2 * i + 1]}));
        }
        lengths = java.util.Arrays.copyOf(lengths, k);
        java.util.Arrays.sort(lengths);
        double mm = lengths[k / 2] / preset.dpi() * 25.4;
        assertTrue(mm >= 1.5, "median arrow " + mm + " mm");
        Document doc = TestFigures.parseSvg(files.get(1));
        assertEquals(k, TestFigures.groupsWithClass(doc, "arrow"));
        // the scale is stated next to the legend's reference arrow
        assertEquals(1, TestFigures.groupsWithClass(doc, "scale-arrow"));
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("= " + Labels.format(view.arrowScale().referenceValue())), text);
        assertTrue(text.contains("dx/d diameter[B]"), text);
        // species fills are Okabe–Ito colours (colour-blind safe)
        java.util.Set<Integer> okabeIto = java.util.Set.of(0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2,
                0xD55E00, 0xCC79A7, 0x000000);
        for (int sp = 0; sp < 2; sp++) {
            assertTrue(okabeIto.contains(Palette.species(sp).getRGB() & 0xFFFFFF), "species " + sp);
        }
    }
}
