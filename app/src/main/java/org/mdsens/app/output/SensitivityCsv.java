package org.mdsens.app.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.viz.export.AtomicFiles;

/**
 * {@code sensitivities.csv} (DESIGN.md §5): a header {@code particle,species,parameter,dx,dy,dz}, then
 * for each parameter (in job order) one row per particle (0-based, input order) with dx*_i/dθ; dz = 0
 * in 2D; NaN where the sensitivity has no numbers. Parameters keep their model spelling
 * ({@code sigma[A,B]}), quoted when they contain a comma. Numbers are Java's shortest round-trip
 * decimal form, the same digits as the {@code dpos_d_<name>} columns of {@code final.xyz}. Written
 * atomically. Stateless.
 */
final class SensitivityCsv {

    /** The header line. */
    static final String HEADER = "particle,species,parameter,dx,dy,dz";

    private SensitivityCsv() { }

    static void write(Path target, ParticleSystem system, List<ParameterSensitivity> parameters) throws IOException {
        AtomicFiles.writeFile(target, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(w, system, parameters);
            }
        });
    }

    static void write(Appendable out, ParticleSystem system, List<ParameterSensitivity> parameters) throws IOException {
        int d = system.dimension();
        int n = system.size();
        List<String> species = system.speciesNames();
        out.append(HEADER).append('\n');
        StringBuilder row = new StringBuilder(128);
        for (ParameterSensitivity p : parameters) {
            String name = quote(p.name());
            double[] dx = p.dx();
            for (int i = 0; i < n; i++) {
                row.setLength(0);
                row.append(i).append(',').append(species.get(system.species(i))).append(',').append(name);
                for (int a = 0; a < 3; a++) row.append(',').append(a < d ? Double.toString(dx[d * i + a]) : "0.0");
                out.append(row).append('\n');
            }
        }
    }

    /** RFC 4180 quoting when the text has a comma, quote or line break. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
