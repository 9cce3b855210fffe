package org.mdsens.app.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.job.Suggestions;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.Observables;

/**
 * The {@code [sensitivity] observables} of a sweep as {@link Observable}s: {@code energy} (always
 * reported, through the energy columns), {@code pressure} (periodic boxes), {@code mean_contact_distance},
 * and {@code position[i]} (expanded to one observable per axis, {@code position[i].x}, ...). Unknown
 * names and indices out of range are a {@link JobFileException} naming key and line. Stateless.
 */
final class SweepObservables {

    static final List<String> KNOWN = List.of("energy", "pressure", "mean_contact_distance", "position[i]");
    private static final Pattern POSITION = Pattern.compile("position\\[(\\d+)]");

    private SweepObservables() { }

    /** The observables besides energy, in the order listed, positions expanded per axis. */
    static List<Observable> parse(JobSpec spec, ParticleSystem system) {
        List<Observable> out = new ArrayList<>();
        List<String> at = List.of("sensitivity", "observables");
        for (String raw : spec.sensitivity().observables()) {
            String name = raw.replace(" ", "");
            Matcher m = POSITION.matcher(name);
            switch (name) {
                case "energy" -> { }
                case "pressure" -> {
                    if (!(system.box() instanceof Box.Periodic)) {
                        throw spec.source().error(at, "[sensitivity] observables: pressure needs a periodic box; "
                                + "this system's box is open");
                    }
                    out.add(Observables.pressure());
                }
                case "mean_contact_distance" -> out.add(Observables.meanContactDistance());
                default -> {
                    if (m.matches()) {
                        long i = Long.parseLong(m.group(1));
                        if (i >= system.size()) {
                            throw spec.source().error(at, "[sensitivity] observables: position[" + i + "] must name a "
                                    + "particle index < N = " + system.size() + " (0-based), got " + i);
                        }
                        out.addAll(Observables.positionComponents((int) i, system.dimension()));
                    } else {
                        String hint = Suggestions.closest(name, KNOWN);
                        throw spec.source().error(at, "[sensitivity] observables: unknown observable '" + raw + "'"
                                + (hint != null ? "; did you mean '" + hint + "'?" : "")
                                + " (known: " + String.join(", ", KNOWN) + ")");
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Observable o : out) {
            if (names.contains(o.name())) {
                throw spec.source().error(at, "[sensitivity] observables lists " + o.name() + " twice");
            }
            names.add(o.name());
        }
        return out;
    }

}
