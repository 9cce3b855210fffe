package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdsens.app.sweep.SweepTestSupport.column;
import static org.mdsens.app.sweep.SweepTestSupport.csv;
import static org.mdsens.app.sweep.SweepTestSupport.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example sweep {@code examples/jobs/soft-sphere-sweep.toml} (2D soft spheres, N = 48,
 * diameter[B] over 6 values × 3 seeds) runs to convergence with its plots, its implicit derivatives
 * agree with the re-minimized curve along every chain, and warm starts need fewer minimizer
 * iterations than cold starts ({@code warm_start = false}).
 */
class ExampleSweepTest {

    static final Path EXAMPLE = Path.of("..", "examples", "jobs", "soft-sphere-sweep.toml");

    @TempDir
    Path tmp;

    @Test
    void exampleSweepConvergesAndItsDerivativesFollowTheCurve() throws IOException {
        Path out = tmp.resolve("warm");
        SweepTestSupport.Result r = run("sweep", EXAMPLE.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String[]> t = csv(out.resolve(SweepTables.CSV));
        assertEquals(1 + 6 * 3, t.size());
        for (String name : List.of("energy", "pressure", "d_energy_d_diameter_B", "d_pressure_d_diameter_B")) {
            String base = "sweep_" + name + "_vs_diameter_B";
            assertTrue(Files.size(out.resolve(base + ".png")) > 0, base);
            assertTrue(Files.size(out.resolve(base + ".svg")) > 0, base);
        }
        int status = column(t, "status");
        int sens = column(t, "sensitivity_status");
        for (String[] row : t.subList(1, t.size())) {
            assertEquals("CONVERGED", row[status]);
            assertEquals("ok", row[sens]);
        }
        // along each chain, E*(θ_{k+1}) − E*(θ_k) ≈ ½ (dE*/dθ_k + dE*/dθ_{k+1}) Δθ (trapezoid rule, O(Δθ³)),
        // and the same for the pressure; contact changes spoil a few intervals, so the median is checked
        List<Double> energyErrors = new ArrayList<>();
        List<Double> pressureErrors = new ArrayList<>();
        int d = column(t, "diameter_B");
        int replica = column(t, "replica");
        for (int rep = 0; rep < 3; rep++) {
            List<String[]> chain = new ArrayList<>();
            for (String[] row : t.subList(1, t.size())) if (Integer.parseInt(row[replica]) == rep) chain.add(row);
            for (int k = 0; k + 1 < chain.size(); k++) {
                double h = num(chain.get(k + 1), d) - num(chain.get(k), d);
                energyErrors.add(trapezoid(t, chain.get(k), chain.get(k + 1), "energy", "d_energy_d_diameter_B", h));
                pressureErrors.add(trapezoid(t, chain.get(k), chain.get(k + 1), "pressure", "d_pressure_d_diameter_B", h));
            }
        }
        assertTrue(median(energyErrors) < 0.01, "energy: " + energyErrors);
        assertTrue(median(pressureErrors) < 0.1, "pressure: " + pressureErrors);

        // warm starts vs cold starts on the same sweep
        Path coldFile = tmp.resolve("cold.toml");
        Files.writeString(coldFile, Files.readString(EXAMPLE).replace("warm_start = true", "warm_start = false")
                .replace("[output]", "[output]\nplots = false"));
        Path cold = tmp.resolve("cold");
        SweepTestSupport.Result c = run("sweep", coldFile.toString(), "--out", cold.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        List<String[]> tc = csv(cold.resolve(SweepTables.CSV));
        long warmIterations = total(t, "iterations");
        long coldIterations = total(tc, "iterations");
        int start = column(t, "start");
        for (String[] row : t.subList(1, t.size())) {
            assertEquals(row[column(t, "point")].equals("0") ? "cold" : "warm", row[start]);
        }
        for (String[] row : tc.subList(1, tc.size())) assertEquals("cold", row[start]);
        assertTrue(warmIterations < coldIterations, "warm " + warmIterations + " vs cold " + coldIterations);
    }

    private static double trapezoid(List<String[]> t, String[] a, String[] b, String value, String derivative, double h) {
        double change = num(b, column(t, value)) - num(a, column(t, value));
        double predicted = 0.5 * (num(a, column(t, derivative)) + num(b, column(t, derivative))) * h;
        return Math.abs(change - predicted) / Math.abs(change);
    }

    private static double num(String[] row, int col) {
        return Double.parseDouble(row[col]);
    }

    private static long total(List<String[]> t, String name) {
        long s = 0;
        int c = column(t, name);
        for (String[] row : t.subList(1, t.size())) s += Long.parseLong(row[c]);
        return s;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
