package org.mdsens.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobReader;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.LammpsData;
import org.mdsens.viz.desktop.DesktopJob;
import org.mdsens.viz.desktop.DraftEntry;
import org.mdsens.viz.desktop.DraftEntry.ValueType;
import org.mdsens.viz.desktop.JobDraft;

/**
 * The desktop app's job-file gateway: drafts flatten and render job files faithfully (the built
 * systems agree bit for bit), and every refusal carries the command line's message.
 */
class JobFileGatewayTest {

    private final JobFileGateway gateway = new JobFileGateway();

    private static Path paper() {
        return DesktopAcceptanceTest.example();
    }

    @Test
    void loadsThePaperExampleWithItsParametersAndDrawingDiameters() throws Exception {
        DesktopJob job = gateway.load(paper());
        assertEquals(128, job.system().size());
        assertEquals(2, job.system().dimension());
        assertEquals(List.of("diameter[B]"), job.parameters());
        assertArrayEquals(new double[] {1.0, 1.4}, job.speciesDiameters());
        assertTrue(job.warnings().isEmpty(), "the CLI's 'not computed' warning does not apply here: " + job.warnings());
        assertEquals(1e-10, job.minimizer().forceTolerance());
        JobDraft d = job.draft();
        DraftEntry diameter = d.entry("species.B", "diameter").orElseThrow();
        assertEquals(ValueType.NUMBER, diameter.type());
        assertEquals("1.4", diameter.text());
        assertEquals(ValueType.INTEGER, d.entry("system.generate", "count").orElseThrow().type());
        assertEquals("0.5", d.text("system.generate.composition", "B"));
        DraftEntry kind = d.entry("potential", "kind").orElseThrow();
        assertTrue(kind.choices().contains("lennard-jones"), kind.choices().toString());
        assertEquals(List.of("diameter[B]"), d.sensitivityParameters());
    }

    @Test
    void renderedDraftBuildsTheSameSystemBitForBitAndFlattensToTheSameDraft() throws Exception {
        DesktopJob loaded = gateway.load(paper());
        String text = gateway.render(loaded.draft(), paper());
        DesktopJob rebuilt = gateway.build(loaded.draft());
        assertArrayEquals(loaded.system().positions(), rebuilt.system().positions());
        assertEquals(loaded.model().parameterNames(), rebuilt.model().parameterNames());
        assertArrayEquals(loaded.model().parameterValues(), rebuilt.model().parameterValues());
        var viaCli = JobBuilder.build(JobReader.parse(paper(), text, JobReader.Mode.JOB));
        assertArrayEquals(loaded.system().positions(), viaCli.system().positions());
        assertEquals(loaded.draft().entries(), JobFileGateway.draftOf(paper(), text).entries());
        assertTrue(text.contains("[species.B]\ndiameter = 1.4\n"), text);
    }

    @Test
    void refusalsCarryTheCommandLinesMessage(@TempDir Path dir) throws Exception {
        JobDraft d = gateway.load(paper()).draft();
        JobDraft bad = d.with(d.entry("species.B", "diameter").orElseThrow().withText("-1"));
        String msg = assertThrows(IllegalArgumentException.class, () -> gateway.check(bad)).getMessage();
        Path saved = dir.resolve(paper().getFileName());
        gateway.save(bad, saved);
        String cli = DesktopScenario.cliError("check", saved.toString());
        assertEquals(cli.replace(saved.toString(), "JOB"), msg.replace(paper().toString(), "JOB"));
        assertTrue(msg.contains("[species.B] diameter must be > 0, got -1"), msg);

        JobDraft unknown = d.withSensitivityParameters(List.of("diameter[C]"));
        String m2 = assertThrows(IllegalArgumentException.class, () -> gateway.build(unknown)).getMessage();
        assertTrue(m2.contains("unknown parameter 'diameter[C]'"), m2);

        Path missing = dir.resolve("missing.toml");
        String m3 = assertThrows(IllegalArgumentException.class, () -> gateway.load(missing)).getMessage();
        assertEquals(DesktopScenario.cliError("check", missing.toString()), m3);
    }

    @Test
    void structureFilesReplaceTheSystemAndKeepTheRest(@TempDir Path dir) throws Exception {
        DesktopJob job = gateway.load(paper());
        Path xyz = dir.resolve("start.xyz");
        ExtendedXyz.write(xyz, job.system());
        JobDraft withXyz = gateway.withStructure(job.draft(), xyz);
        assertTrue(withXyz.entriesUnder("system.generate").isEmpty());
        assertEquals(xyz.toAbsolutePath().toString(), withXyz.text("system", "file"));
        DesktopJob fromXyz = gateway.build(withXyz);
        assertArrayEquals(job.system().positions(), fromXyz.system().positions());
        for (int i = 0; i < 128; i++) {
            assertEquals(job.system().speciesNames().get(job.system().species(i)),
                    fromXyz.system().speciesNames().get(fromXyz.system().species(i)));
        }
        assertEquals(job.parameters(), fromXyz.parameters());

        Path data = dir.resolve("start.data");
        LammpsData.write(data, job.system(), null);
        JobDraft withData = gateway.withStructure(job.draft(), data);
        assertEquals("2", withData.text("system", "dimension"));
        assertEquals("[\"A\", \"B\"]", withData.text("system", "species"));
        DesktopJob fromData = gateway.build(withData);
        assertEquals(2, fromData.system().dimension());
        assertEquals(128, fromData.system().size());

        assertThrows(IllegalArgumentException.class, () -> gateway.withStructure(job.draft(), dir.resolve("a.pdb")));
        Path broken = dir.resolve("broken.xyz");
        Files.writeString(broken, "2\n\nA 0 0 0\n");
        String msg = assertThrows(IllegalArgumentException.class,
                () -> gateway.build(gateway.withStructure(job.draft(), broken))).getMessage();
        assertTrue(msg.contains("broken.xyz"), msg);
    }

    @Test
    void aGeneratedSystemReplacesAFileAndBuilds(@TempDir Path dir) throws Exception {
        DesktopJob job = gateway.load(paper());
        Path xyz = dir.resolve("start.xyz");
        ExtendedXyz.write(xyz, job.system());
        JobDraft fromFile = gateway.withStructure(job.draft(), xyz);
        JobDraft generated = gateway.withGeneratedSystem(fromFile);
        assertEquals("", generated.text("system", "file"));
        assertEquals("random", generated.text("system.generate", "kind"));
        assertEquals("0.5", generated.text("system.generate.composition", "A"));
        DesktopJob built = gateway.build(generated);
        assertEquals(128, built.system().size());
        assertEquals(List.of("A", "B"), built.system().speciesNames());
    }

    @Test
    void optionalEntriesOfferTheDefaultsNotYetSet() throws Exception {
        JobDraft d = gateway.load(paper()).draft();
        List<DraftEntry> optional = gateway.optionalEntries(d);
        assertTrue(optional.stream().anyMatch(e -> e.qualifiedKey().equals("minimize.timestep")
                && e.hint().equals("default 0.05")), optional.toString());
        assertTrue(optional.stream().anyMatch(e -> e.qualifiedKey().equals("species.A.mass")));
        assertFalse(optional.stream().anyMatch(e -> e.qualifiedKey().equals("species.B.diameter")));
        assertFalse(optional.stream().anyMatch(e -> e.isSet()));
        JobDraft lj = d.with(d.entry("potential", "kind").orElseThrow().withText("lennard-jones"));
        assertTrue(gateway.optionalEntries(lj).stream().anyMatch(e -> e.qualifiedKey().equals("species.B.sigma")));
    }

    @Test
    void savingElsewhereKeepsRelativeStructurePathsValid(@TempDir Path dir) throws Exception {
        DesktopJob job = gateway.load(paper());
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b").resolve("c"));
        ExtendedXyz.write(a.resolve("start.xyz"), job.system());
        JobDraft d = gateway.withStructure(job.draft(), a.resolve("start.xyz"));
        d = d.with(d.entry("system", "file").orElseThrow().withText("start.xyz")).withFile(a.resolve("job.toml"));
        assertEquals(job.system().size(), gateway.build(d).system().size());
        gateway.save(d, b.resolve("job.toml"));
        assertTrue(Files.readString(b.resolve("job.toml")).contains("file = \"../../a/start.xyz\""));
        DesktopJob reloaded = gateway.load(b.resolve("job.toml"));
        assertArrayEquals(job.system().positions(), reloaded.system().positions());
        assertEquals("../../a/start.xyz", JobFileGateway.relocate("start.xyz", a.resolve("job.toml"), b.resolve("x.toml")));
        assertEquals("start.xyz", JobFileGateway.relocate("start.xyz", a.resolve("job.toml"), a.resolve("y.toml")));
    }

    @Test
    void sweepFilesOpenAsTheirBaseJobWithAWarning(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep.toml");
        Files.writeString(sweep, Files.readString(paper()) + "\n[sweep]\nreplicas = 2\n[sweep.vary]\n"
                + "\"diameter[B]\" = [1.3, 1.4]\n");
        DesktopJob job = gateway.load(sweep);
        assertTrue(job.draft().entriesUnder("sweep").isEmpty());
        assertTrue(job.warnings().stream().anyMatch(w -> w.contains("ignores [sweep]")), job.warnings().toString());
        assertEquals(128, job.system().size());
    }

    @Test
    void newDraftIsThePaperExample() {
        DesktopJob job = gateway.build(gateway.newDraft());
        assertEquals(128, job.system().size());
        assertEquals(List.of("diameter[B]"), job.parameters());
    }
}
