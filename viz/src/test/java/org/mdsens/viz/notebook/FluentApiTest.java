package org.mdsens.viz.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.minimize.Status;
import org.mdsens.sensitivity.md.SensitivityStatus;

/**
 * The fluent API on a small 2D bidisperse soft-sphere packing (N = 48, φ = 0.9, seed 3): minimization,
 * sensitivities checked against finite differences of re-minimized systems, figures, tables, files and
 * error messages.
 */
class FluentApiTest {

    private static SoftSpheres packing;
    private static Minimum minimum;

    @BeforeAll
    static void minimize() {
        packing = Mdsens.softSpheres2D(48).diameters(1.0, 1.4).packingFraction(0.9).alpha(2).seed(3);
        minimum = packing.setup().newtonPolish(true).minimize();
    }

    @Test
    void minimizesToTheToleranceAndSaysSo() {
        assertEquals(Status.CONVERGED, minimum.status(), minimum::toString);
        assertTrue(minimum.maxForce() <= 1e-10, minimum::toString);
        assertTrue(minimum.energy() > 0, "jammed above phi_J: positive overlap energy");
        assertEquals(minimum.energy() / 48, minimum.energyPerParticle(), 0);
        assertNotNull(minimum.polish());
        assertTrue(minimum.toString().startsWith("Minimum[CONVERGED, N=48, E="), minimum.toString());
        assertTrue(minimum.table().toString().contains("status"));
        assertEquals(Status.CONVERGED.name(), minimum.table().cell(0, 1));
    }

    @Test
    void sameSeedSameBitsAndSetupsAreImmutable() {
        Setup base = packing.setup();
        Setup tight = base.forceTolerance(1e-12);
        assertEquals(1e-10, base.config().forceTolerance(), 0, "setters return new setups");
        assertEquals(1e-12, tight.config().forceTolerance(), 0);
        assertEquals(0.05, base.config().timestep(), 0, "soft-sphere default time step");
        Minimum again = packing.setup().newtonPolish(true).minimize();
        assertArrayEquals(minimum.positions(), again.positions());
        assertArrayEquals(packing.system().positions(), packing.seed(3).system().positions());
        assertFalse(java.util.Arrays.equals(packing.system().positions(), packing.seed(4).system().positions()));
    }

    @Test
    void energyDerivativeMatchesFiniteDifferenceOfReminimizedEnergies() {
        String p = "diameter[B]";
        Sensitivity s = minimum.sensitivity(p);
        assertEquals(SensitivityStatus.OK, s.status(), s::toString);
        double h = 1e-5;
        double d = minimum.setup().parameter(p);
        assertEquals(1.4, d, 0);
        double up = minimum.withParameter(p, d + h).minimize().energy();
        double down = minimum.withParameter(p, d - h).minimize().energy();
        double fd = (up - down) / (2 * h);
        assertEquals(fd, s.dEnergy(), 1e-6 * Math.abs(fd) + 1e-9, "dE*/dD_B vs central difference");
        assertEquals(s.dEnergy(), minimum.derivative("energy", p), 1e-12 * Math.abs(fd));
    }

    @Test
    void displacementSensitivityMatchesFiniteDifferenceOfReminimizedPositions() {
        String p = "diameter[B]";
        Sensitivity s = minimum.sensitivity(p);
        double h = 1e-6;
        double d = minimum.setup().parameter(p);
        double[] up = minimum.withParameter(p, d + h).minimize().positions();
        double[] down = minimum.withParameter(p, d - h).minimize().positions();
        double[] implicit = s.dx();
        int n = 48;
        // compare in the gauge of the result: zero mean over the backbone (rattlers excluded)
        boolean[] rattler = new boolean[n];
        for (int r : s.rattlers()) rattler[r] = true;
        double[] fd = new double[2 * n];
        double[] mean = new double[2];
        int backbone = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) fd[2 * i + a] = (up[2 * i + a] - down[2 * i + a]) / (2 * h);
            if (!rattler[i]) {
                backbone++;
                for (int a = 0; a < 2; a++) mean[a] += fd[2 * i + a];
            }
        }
        double err = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (rattler[i]) continue;
            for (int a = 0; a < 2; a++) {
                double e = fd[2 * i + a] - mean[a] / backbone - implicit[2 * i + a];
                err += e * e;
                norm += implicit[2 * i + a] * implicit[2 * i + a];
            }
        }
        assertTrue(norm > 0);
        assertTrue(Math.sqrt(err / norm) < 1e-3, "relative error " + Math.sqrt(err / norm));
        assertEquals(Math.sqrt(norm), s.norm(), 1e-9 * Math.sqrt(norm), "rattlers carry no displacement");
    }

    @Test
    void figuresAreDecodableAndNotBlank() {
        Sensitivity s = minimum.sensitivity("diameter[B]");
        for (Figure f : List.of(minimum.convergenceChart(), minimum.picture(), s.picture(), s.histogram(),
                packing.picture())) {
            var img = Images.decode(f.toPng());
            assertEquals(f.width(), img.getWidth());
            Images.assertNotBlank(img);
        }
        assertTrue(minimum.convergenceChart().toSvg().contains("<svg"));
        assertTrue(minimum.picture().toHtml().startsWith("<img src=\"data:image/png;base64,"));
        String svg = s.toSvg();
        assertTrue(svg.contains("class=\"arrow\""), "the sensitivity picture has arrows");
        assertTrue(s.toHtml().contains("<table") && s.toHtml().contains("<img"));
        assertEquals(List.of(Displayable.HTML), s.displayTypes());
    }

    @Test
    void tablesAndFilesHaveOneRowPerParticle(@TempDir Path dir) throws Exception {
        Sensitivity s = minimum.sensitivity("diameter[B]");
        Table t = s.table();
        assertEquals(48, t.rowCount());
        assertEquals(List.of("particle", "species", "dx", "dy", "|dx|"), t.columns());
        assertArrayEquals(s.magnitudes(), t.column("|dx|"), 0);
        Path csv = s.save(dir.resolve("out/dx.csv"));
        assertEquals(49, Files.readAllLines(csv).size());
        Path png = s.save(dir.resolve("dx.png"));
        Images.assertNotBlank(Images.decode(Files.readAllBytes(png)));
        assertTrue(Files.readString(s.save(dir.resolve("dx.svg"))).contains("<svg"));
        assertTrue(Files.readString(s.save(dir.resolve("dx.xyz"))).contains("dpos_d_diameter_B:R:3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.save(dir.resolve("dx.pdf")));
        assertTrue(e.getMessage().contains(".png, .svg, .csv or .xyz"), e.getMessage());
    }

    @Test
    void xyzRoundTripGivesTheSameMinimum(@TempDir Path dir) {
        Path file = minimum.saveXyz(dir.resolve("minimum.xyz"));
        Minimum reloaded = Mdsens.readXyz(file).softSpheres(1.0, 1.4).minimize();
        assertEquals(Status.CONVERGED, reloaded.status());
        assertEquals(minimum.energy(), reloaded.energy(), 1e-9 * minimum.energy());
        assertEquals(2, reloaded.dimension());
    }

    @Test
    void lammpsDataRoundTripGivesTheSameMinimum(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("minimum.data");
        org.mdsens.md.io.LammpsData.write(file, minimum.system(), null);
        Setup loaded = Mdsens.readLammpsData(file, 2, "A", "B");
        assertTrue(loaded.toString().contains("no potential"), loaded.toString());
        Minimum again = loaded.softSpheres(1.0, 1.4).minimize();
        assertEquals(minimum.energy(), again.energy(), 1e-9 * minimum.energy());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> loaded.softSpheres(1.0));
        assertTrue(wrong.getMessage().contains("one entry per species [A, B]"), wrong.getMessage());
    }

    @Test
    void figuresSaveByExtension(@TempDir Path dir) throws Exception {
        Figure f = minimum.picture();
        assertTrue(Files.readString(f.save(dir.resolve("a/b/p.svg"))).contains("<svg"));
        Images.assertNotBlank(Images.decode(Files.readAllBytes(f.save(dir.resolve("p.png")))));
        assertEquals(300, Images.decode(f.withSize(300, 200).toPng()).getWidth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.save(dir.resolve("p.jpg")));
        assertTrue(e.getMessage().contains("must end in .png or .svg"), e.getMessage());
    }

    @Test
    void misuseGivesMessagesThatSayWhatWouldBeRight() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> minimum.sensitivity("diameter[C]"));
        assertTrue(unknown.getMessage().contains("diameter[B]"), unknown.getMessage());
        IllegalArgumentException observable = assertThrows(IllegalArgumentException.class,
                () -> minimum.derivative("volume", "diameter[B]"));
        assertTrue(observable.getMessage().contains("energy, pressure, mean_contact_distance"), observable.getMessage());
        IllegalStateException noModel = assertThrows(IllegalStateException.class,
                () -> Setup.of(packing.system(), null, "bare").minimize());
        assertTrue(noModel.getMessage().contains("softSpheres(...)"), noModel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> packing.diameters(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> packing.setup().forceTolerance(0));
        java.io.UncheckedIOException missing = assertThrows(java.io.UncheckedIOException.class,
                () -> Mdsens.readXyz("no-such-file.xyz"));
        assertTrue(missing.getMessage().contains("no-such-file.xyz: no such file"), missing.getMessage());
    }

    @Test
    void notConvergedIsAStatusNotAnException() {
        Minimum capped = packing.setup().maxIterations(5).minimize();
        assertEquals(Status.MAX_ITERATIONS, capped.status());
        assertFalse(capped.converged());
        assertTrue(capped.maxForce() > 1e-10);
        Sensitivity s = capped.sensitivity("diameter[B]");
        assertTrue(s.toString().contains("dx*/d diameter[B]"), s.toString());
        assertTrue(s.status() != SensitivityStatus.OK, "sensitivities at an unconverged point are flagged: " + s);
    }
}
