package org.mdsens.app.job;

import java.util.List;

import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * A job turned into library objects by {@link JobBuilder}: the starting system (in input order),
 * the energy model, the minimizer settings. The system is live and mutable (the run moves its
 * particles): one BuiltJob per run, one thread.
 *
 * @param spec      the validated job
 * @param name      a short name for messages (the job file's name without extension)
 * @param system    the starting configuration
 * @param model     the energy model (pair potential over the system's species, bonds)
 * @param minimizer the minimizer settings
 * @param origin    where the system came from ({@code generated fcc 6x6x6, seed 7} or the file)
 * @param warnings  things the user should know that do not stop the run (printed on stderr)
 */
public record BuiltJob(JobSpec spec, String name, ParticleSystem system, EnergyModel model, MinimizerConfig minimizer,
                       String origin, List<String> warnings) {

    public BuiltJob {
        warnings = List.copyOf(warnings);
    }

    /** One line: particles, species, box, potential, minimizer. */
    public String describe() {
        ParticleSystem s = system;
        StringBuilder sb = new StringBuilder();
        sb.append(s.size()).append(" particles (");
        int[] counts = s.speciesCounts();
        for (int k = 0; k < counts.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append(s.speciesNames().get(k)).append(' ').append(counts[k]);
        }
        sb.append("), ").append(s.dimension()).append("D ");
        if (s.box() instanceof Box.Periodic p) {
            sb.append("periodic box");
            double[] l = p.lengths();
            for (int a = 0; a < l.length; a++) sb.append(a == 0 ? " " : " x ").append(TomlTable.num(l[a]));
        } else {
            sb.append("open box");
        }
        sb.append(", ").append(model.pair().kind().label());
        if (model.bonds().size() > 0) sb.append(" + ").append(model.bonds().size()).append(" bonds");
        sb.append(", ").append(minimizer.algorithm().label()).append(" to max force ")
                .append(TomlTable.num(minimizer.forceTolerance()));
        sb.append("; ").append(origin);
        return sb.toString();
    }
}
