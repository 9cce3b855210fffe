package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzFrame;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;

class DataExportTest {

    private static DesktopJob job;
    private static RunResult result;
    private static ParticleSystem minimized;

    @BeforeAll
    static void run() {
        job = DesktopFixtures.softSpheres(30, 13);
        result = DesktopRun.execute(job, job.system(), RunPlan.MINIMIZE_THEN_SENSITIVITY, new RunListener() {
            @Override public void onIteration(int iteration, double energy, double maxForce) { }
        });
        minimized = job.system().copy();
        minimized.setPositions(result.positions());
    }

    @Test
    void csvHasOneRowPerParticleAndParameterInInputOrderSeed13() throws Exception {
        String csv = DataExport.csv(minimized, result.parameters());
        List<String> lines = csv.lines().toList();
        assertEquals("particle,species,parameter,dx,dy,dz", lines.get(0));
        assertEquals(31, lines.size());
        double[] dx = result.parameters().get(0).dx();
        for (int i = 0; i < 30; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), f[0]);
            assertEquals(minimized.speciesNames().get(minimized.species(i)), f[1]);
            assertEquals("diameter[B]", f[2]);
            assertEquals(dx[2 * i], Double.parseDouble(f[3]));
            assertEquals(dx[2 * i + 1], Double.parseDouble(f[4]));
            assertEquals(0.0, Double.parseDouble(f[5]));
        }
    }

    @Test
    void csvQuotesParameterNamesWithCommas() {
        ParameterSensitivity p = result.parameters().get(0);
        ParameterSensitivity renamed = new ParameterSensitivity("sigma[A,B]", p.status(), p.dx(), p.norm(), p.dEnergy(),
                p.d2Energy(), p.report());
        String line = DataExport.csv(minimized, List.of(renamed)).lines().skip(1).findFirst().orElseThrow();
        assertTrue(line.contains(",\"sigma[A,B]\","), line);
    }

    @Test
    void extendedXyzReadsBackWithADposColumnOfThreeComponents(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.xyz");
        DataExport.write(f, DataExport.Format.EXTENDED_XYZ, job, minimized, result);
        XyzFrame frame = ExtendedXyz.read(f);
        assertEquals(30, frame.system().size());
        assertEquals(3, frame.components("dpos_d_diameter_B"));
        double[] col = frame.realColumn("dpos_d_diameter_B");
        double[] dx = result.parameters().get(0).dx();
        for (int i = 0; i < 30; i++) {
            assertEquals(dx[2 * i], col[3 * i]);
            assertEquals(dx[2 * i + 1], col[3 * i + 1]);
            assertEquals(0.0, col[3 * i + 2]);
        }
        assertEquals(3, frame.components("forces"));
        String text = Files.readString(f);
        assertTrue(text.lines().skip(1).findFirst().orElseThrow().contains("gauge=zero-mean-backbone"), text);
        assertNull(ExtendedXyz.read(new StringReader(text), "x").realColumns().get("nothing"));
    }

    @Test
    void jsonSummaryHasTheRunKeysAndNullForNaN(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("summary.json");
        DataExport.write(f, DataExport.Format.JSON, job, minimized, result);
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        assertEquals(30, root.at("/system/n").asInt());
        assertEquals(2, root.at("/system/dimension").asInt());
        assertEquals("CONVERGED", root.at("/minimization/status").asText());
        assertEquals("fire", root.at("/minimization/algorithm").asText());
        assertEquals(result.minimization().iterations(), root.at("/minimization/iterations").asInt());
        assertEquals("diameter[B]", root.at("/sensitivity/parameters/0/name").asText());
        assertEquals(result.parameters().get(0).norm(), root.at("/sensitivity/parameters/0/norm").asDouble());
        assertTrue(root.at("/sensitivity/rattlers").isArray());
        RunResult nan = new RunResult(RunPlan.SENSITIVITY, null, null, null, result.positions(), Double.NaN, Double.NaN,
                "scalar", false, 0);
        JsonNode n = new ObjectMapper().readTree(DataExport.json(job, minimized, nan));
        assertTrue(n.get("energy").isNull());
        assertTrue(n.get("minimization") == null);
    }

    @Test
    void formatsAreChosenByExtension() {
        assertEquals(DataExport.Format.CSV, DataExport.Format.forFileName("a.CSV"));
        assertEquals(DataExport.Format.EXTENDED_XYZ, DataExport.Format.forFileName("a.extxyz"));
        assertEquals(DataExport.Format.JSON, DataExport.Format.forFileName("a.json"));
        assertNull(DataExport.Format.forFileName("a.txt"));
    }
}
