package org.mdsens.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzFrame;

/**
 * {@code mdsens run} with a {@code [sensitivity]} section: the paper job end to end (summary.json,
 * final.xyz, sensitivities.csv, plots), the LJ dimer's closed form, and bad or unlucky input.
 */
class RunSensitivityTest {

    static final Path JOBS = Path.of("..", "examples", "jobs");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path paperOut;
    static Cli.Result paperRun;

    @BeforeAll
    static void runThePaperJob() {
        paperOut = shared.resolve("paper");
        paperRun = Cli.run("run", JOBS.resolve("soft-sphere-paper.toml").toString(), "--out", paperOut.toString(),
                "--quiet");
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    private static String paperText() throws IOException {
        return Files.readString(JOBS.resolve("soft-sphere-paper.toml"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** 1-based line of the first line that starts with {@code prefix}. */
    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).startsWith(prefix)) return k + 1;
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void paperJobExitsZeroWithAnOkSensitivitySection() throws IOException {
        assertEquals(0, paperRun.code(), paperRun.err());
        assertEquals("", paperRun.err());
        assertTrue(paperRun.out().contains(" sensitivity=OK (1 parameters, 2 observables"), paperRun.out());
        JsonNode s = json(paperOut.resolve("summary.json"));
        assertTrue(s.get("converged").asBoolean());
        assertFalse(s.has("message"), s.toString());
        JsonNode polish = s.at("/minimization/newton_polish");
        assertTrue(polish.get("steps").asInt() >= 1, polish.toString());
        assertTrue(s.at("/minimization/max_force").asDouble() <= 1e-13, s.get("minimization").toString());

        JsonNode sens = s.get("sensitivity");
        assertEquals("OK", sens.get("status").asText());
        assertEquals("zero-mean-backbone", sens.get("gauge").asText());
        int rattlers = sens.get("rattlers").size();
        assertEquals(2 + 2 * rattlers, sens.get("zero_modes").asInt(), "2D periodic: 2 translations + 2 per rattler");
        assertTrue(sens.get("smallest_eigenvalue").asDouble() > 0);

        assertEquals(1, sens.get("parameters").size());
        JsonNode p = sens.at("/parameters/0");
        assertEquals("diameter[B]", p.get("name").asText());
        assertEquals("dpos_d_diameter_B", p.get("column").asText());
        assertEquals("OK", p.get("status").asText());
        assertEquals("CG", p.get("solver").asText());
        assertTrue(p.get("solver_iterations").asInt() > 0);
        assertTrue(p.get("relative_residual").asDouble() <= 1e-10);
        assertTrue(p.get("error_estimate").isNumber(), p.toString());
        double norm = p.get("norm").asDouble();
        assertTrue(Double.isFinite(norm) && norm > 0, p.toString());
        assertTrue(p.get("error_estimate").asDouble() < 1e-6 * norm, p.toString());
        assertTrue(p.get("d_energy").asDouble() > 0, "growing the large disks raises the energy");
        assertTrue(p.get("d2_energy").isNumber());

        assertEquals(2, sens.get("observables").size());
        JsonNode energy = sens.at("/observables/0");
        assertEquals("energy", energy.get("name").asText());
        assertEquals("OK", energy.get("status").asText());
        assertEquals(s.at("/minimization/energy").asDouble(), energy.get("value").asDouble(), 1e-14);
        assertEquals(p.get("d_energy").asDouble(), energy.at("/derivatives/diameter[B]").asDouble(), 1e-12,
                "envelope theorem: dE*/dθ is the parameter's d_energy");
        JsonNode pressure = sens.at("/observables/1");
        assertEquals("pressure", pressure.get("name").asText());
        assertEquals(s.at("/minimization/pressure").asDouble(), pressure.get("value").asDouble(), 1e-12);
        assertTrue(pressure.at("/derivatives/diameter[B]").isNumber());
        assertTrue(pressure.at("/error_estimates/diameter[B]").isNumber());
    }

    @Test
    void paperJobFinalXyzAndCsvCarryTheSameSensitivities() throws IOException {
        assertEquals(0, paperRun.code(), paperRun.err());
        JsonNode s = json(paperOut.resolve("summary.json"));
        int n = s.at("/system/n").asInt();
        XyzFrame f = ExtendedXyz.read(paperOut.resolve("final.xyz"));
        assertEquals(3, f.components("dpos_d_diameter_B"), "2D vectors are written as R:3");
        double[] dpos = f.realColumn("dpos_d_diameter_B");
        assertEquals(3 * n, dpos.length);

        List<String> lines = Files.readAllLines(paperOut.resolve("sensitivities.csv"));
        assertEquals("particle,species,parameter,dx,dy,dz", lines.get(0));
        assertEquals(n + 1, lines.size(), "one row per particle per parameter");
        double sumSquares = 0;
        double[] sum = new double[2];
        Set<Integer> rattlers = new HashSet<>();
        for (JsonNode r : s.at("/sensitivity/rattlers")) rattlers.add(r.asInt());
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",");
            assertEquals(6, c.length, lines.get(i + 1));
            assertEquals(i, Integer.parseInt(c[0]), "input order");
            assertEquals(f.system().speciesNames().get(f.system().species(i)), c[1]);
            assertEquals("diameter[B]", c[2]);
            for (int a = 0; a < 3; a++) {
                assertEquals(dpos[3 * i + a], Double.parseDouble(c[3 + a]), 0.0, "particle " + i + " axis " + a);
            }
            assertEquals(0.0, Double.parseDouble(c[5]), "dz = 0 in 2D");
            if (rattlers.contains(i)) {
                assertEquals(0.0, Math.hypot(dpos[3 * i], dpos[3 * i + 1]), "rattlers do not move");
            } else {
                sum[0] += dpos[3 * i];
                sum[1] += dpos[3 * i + 1];
            }
            sumSquares += dpos[3 * i] * dpos[3 * i] + dpos[3 * i + 1] * dpos[3 * i + 1];
        }
        double norm = s.at("/sensitivity/parameters/0/norm").asDouble();
        assertEquals(norm, Math.sqrt(sumSquares), 1e-12 * norm);
        assertEquals(0.0, sum[0], 1e-10 * norm, "zero mean over the backbone (x)");
        assertEquals(0.0, sum[1], 1e-10 * norm, "zero mean over the backbone (y)");
    }

    @Test
    void paperJobWritesJournalColumnFigures() throws Exception {
        assertEquals(0, paperRun.code(), paperRun.err());
        JsonNode s = json(paperOut.resolve("summary.json"));
        List<String> files = new java.util.ArrayList<>();
        s.get("files").forEach(x -> files.add(x.asText()));
        assertEquals(List.of("final.xyz", "sensitivities.csv", "convergence.png", "convergence.svg",
                "sensitivity_diameter_B.png", "sensitivity_diameter_B.svg", "summary.json"), files);
        for (String name : List.of("convergence", "sensitivity_diameter_B")) {
            BufferedImage img = ImageIO.read(paperOut.resolve(name + ".png").toFile());
            assertNotNull(img, name);
            assertEquals(1004, img.getWidth(), name);
            assertEquals(753, img.getHeight(), name);
            assertNotBlank(img, name, name.equals("convergence") ? 0.02 : 0.3);
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(paperOut.resolve(name + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName(), name);
        }
    }

    /** More than {@code fraction} of the pixels differ from the background, and there are many colours. */
    static void assertNotBlank(BufferedImage img, String name, double fraction) {
        int background = img.getRGB(0, 0);
        long differing = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if (rgb != background) differing++;
                colours.add(rgb);
            }
        }
        long total = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(differing > fraction * total, name + ": only " + differing + " of " + total + " pixels differ from the background");
        assertTrue(colours.size() > 20, name + ": only " + colours.size() + " colours");
    }

    @Test
    void ljDimerMovesEachParticleByHalfTwoToTheSixth() throws IOException {
        Path out = dir.resolve("dimer");
        Cli.Result r = Cli.run("run", JOBS.resolve("lj-dimer.toml").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = json(out.resolve("summary.json"));
        assertEquals("zero-mean-no-rotation", s.at("/sensitivity/gauge").asText());
        assertEquals(5, s.at("/sensitivity/zero_modes").asInt(), "open 3D collinear dimer: 3 translations + 2 rotations");
        double half = Math.pow(2, 1.0 / 6) / 2;
        XyzFrame f = ExtendedXyz.read(out.resolve("final.xyz"));
        double[] x = f.system().positions();
        double[] dpos = f.realColumn("dpos_d_sigma_A");
        double[] axis = {x[3] - x[0], x[4] - x[1], x[5] - x[2]};
        double r0 = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        assertEquals(Math.pow(2, 1.0 / 6), r0, 1e-12, "r* = 2^(1/6) sigma");
        for (int i = 0; i < 2; i++) {
            double len = Math.sqrt(dpos[3 * i] * dpos[3 * i] + dpos[3 * i + 1] * dpos[3 * i + 1] + dpos[3 * i + 2] * dpos[3 * i + 2]);
            assertEquals(half, len, 1e-9, "|dpos| of particle " + i);
            double outward = (dpos[3 * i] * axis[0] + dpos[3 * i + 1] * axis[1] + dpos[3 * i + 2] * axis[2]) / r0;
            assertEquals(i == 0 ? -half : half, outward, 1e-9, "particle " + i + " moves outward along the bond");
        }
        assertEquals(Math.pow(2, 1.0 / 6), s.at("/sensitivity/observables/1/derivatives/sigma[A]").asDouble(), 1e-9,
                "d<r>/dsigma = 2^(1/6)");
    }

    @Test
    void unknownParameterIsBadInputNamingKeyAndLine() throws IOException {
        String text = paperText().replace("parameters = [\"diameter[B]\"]", "parameters = [\"diameter[C]\"]");
        Path job = write("job.toml", text);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", job.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String expected = "mdsens: " + job + ":" + lineOf(text, "parameters =")
                + ": [sensitivity] parameters names an unknown parameter 'diameter[C]'";
        assertTrue(r.err().startsWith(expected), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void unknownObservableIsBadInputNamingKeyAndLine() throws IOException {
        String text = paperText().replace("observables = [\"energy\", \"pressure\"]", "observables = [\"energy\", \"presure\"]");
        Path job = write("job.toml", text);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", job.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String expected = "mdsens: " + job + ":" + lineOf(text, "observables =")
                + ": [sensitivity] observables names an unknown observable 'presure'; did you mean 'pressure'?";
        assertTrue(r.err().startsWith(expected), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertFalse(Files.exists(out), "nothing written");
        Cli.Result check = Cli.run("check", job.toString());
        assertEquals(2, check.code());
        assertEquals(r.err(), check.err(), "check reports the same problem");
    }

    @Test
    void positionOfAMissingParticleAndPressureInAnOpenBoxAreBadInput() throws IOException {
        String text = paperText().replace("observables = [\"energy\", \"pressure\"]", "observables = [\"position[128]\"]");
        Cli.Result r = Cli.run("run", write("job.toml", text).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("[sensitivity] observables lists \"position[128]\": the particle index must be < N = 128"),
                r.err());

        Files.copy(JOBS.resolve("lj-dimer.xyz"), dir.resolve("lj-dimer.xyz"));
        String dimer = Files.readString(JOBS.resolve("lj-dimer.toml"))
                .replace("observables = [\"energy\", \"mean_contact_distance\"]", "observables = [\"pressure\"]");
        Cli.Result open = Cli.run("run", write("dimer.toml", dimer).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, open.code(), open.err());
        assertTrue(open.err().contains("[sensitivity] observables lists \"pressure\", which needs a periodic box"), open.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void sensitivityAtAnUnconvergedMinimumIsComputedButExitsOne() throws IOException {
        String text = paperText().replace("newton_polish = true", "newton_polish = false")
                .replace("force_tolerance = 1e-10", "force_tolerance = 1e-10\nmax_iterations = 400");
        Path out = dir.resolve("unconverged");
        Cli.Result r = Cli.run("run", write("job.toml", text).toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("mdsens: warning: sensitivities computed at an unconverged minimum"), r.err());
        JsonNode s = json(out.resolve("summary.json"));
        assertFalse(s.get("converged").asBoolean());
        assertEquals("MAX_ITERATIONS", s.get("status").asText());
        String message = s.get("message").asText();
        assertTrue(message.startsWith("not converged: the iteration cap max_iterations = 400 was reached"), message);
        assertTrue(message.contains("sensitivities computed at an unconverged minimum"), message);
        assertEquals("NOT_CONVERGED_MINIMUM", s.at("/sensitivity/status").asText());
        JsonNode p = s.at("/sensitivity/parameters/0");
        assertEquals("NOT_CONVERGED_MINIMUM", p.get("status").asText());
        assertTrue(p.get("norm").isNumber() && p.get("norm").asDouble() > 0, "the numbers are still computed");
        assertTrue(p.get("error_estimate").isNumber());
        assertTrue(s.at("/sensitivity/max_force").asDouble() > 1e-10);
        assertTrue(Files.exists(out.resolve("sensitivities.csv")));
    }

    @Test
    void plotsFalseWritesNoImages() throws IOException {
        String text = paperText().replace("plots = true", "plots = false");
        Path out = dir.resolve("noplots");
        Cli.Result r = Cli.run("run", write("job.toml", text).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("final.xyz", "sensitivities.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
