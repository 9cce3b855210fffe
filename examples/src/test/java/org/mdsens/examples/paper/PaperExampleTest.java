package org.mdsens.examples.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.run.JobRunner;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityStatus;

/** The API example and the job file describe the same experiment and give the same numbers. */
class PaperExampleTest {

    @TempDir
    Path dir;

    @Test
    void apiExampleAgreesWithTheJobFileSeed1() throws IOException {
        PaperExample.Result api = PaperExample.run(128, 1);
        assertTrue(api.minimization().converged());
        assertTrue(api.polish().finalMaxForce() <= 1e-13, api.polish().toString());
        assertEquals(SensitivityStatus.OK, api.sensitivity().status(), api.sensitivity().toString());
        assertEquals(2 + 2 * api.sensitivity().rattlers().length, api.sensitivity().zeroModes());

        BuiltJob job = JobBuilder.build(JobReader.readJob(Path.of("jobs", "soft-sphere-paper.toml")));
        RunOutcome outcome = JobRunner.run(job, KernelChoice.AUTO, 1, MinimizationListener.NONE);
        assertTrue(outcome.ok());
        ParameterSensitivity a = api.sensitivity().parameter(PaperExample.PARAMETER);
        ParameterSensitivity b = outcome.sensitivity().parameter(PaperExample.PARAMETER);
        assertArrayEquals(job.system().positions(), api.system().positions(), 1e-12, "same packing");
        assertArrayEquals(b.dx(), a.dx(), 1e-9 * b.norm(), "same sensitivities");
        assertEquals(b.dEnergy(), a.dEnergy(), 1e-12);
        assertEquals(outcome.sensitivity().observable("pressure").derivative(PaperExample.PARAMETER),
                api.sensitivity().observable("pressure").derivative(PaperExample.PARAMETER), 1e-10);
    }

    @Test
    void writesTheFigureAndTheExtendedXyz() throws IOException {
        PaperExample.Result r = PaperExample.run(128, 1);
        List<Path> files = PaperExample.write(r, dir);
        assertEquals(List.of("final.xyz", "sensitivity_diameter_B.png", "sensitivity_diameter_B.svg"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        double[] written = ExtendedXyz.read(dir.resolve("final.xyz")).realColumn("dpos_d_diameter_B");
        double[] dx = r.sensitivity().parameter(PaperExample.PARAMETER).dx();
        for (int i = 0; i < 128; i++) {
            assertEquals(dx[2 * i], written[3 * i], 0.0);
            assertEquals(dx[2 * i + 1], written[3 * i + 1], 0.0);
            assertEquals(0.0, written[3 * i + 2], 0.0);
        }
        BufferedImage img = ImageIO.read(dir.resolve("sensitivity_diameter_B.png").toFile());
        assertEquals(1004, img.getWidth());
        int background = img.getRGB(0, 0);
        int differing = 0;
        for (int y = 0; y < img.getHeight(); y += 4) for (int x = 0; x < img.getWidth(); x += 4) if (img.getRGB(x, y) != background) differing++;
        assertTrue(differing > (img.getWidth() / 4) * (img.getHeight() / 4) / 4, "not blank: " + differing);
    }
}
