package org.mdsens.viz.desktop;

import java.util.List;

import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;

/**
 * A job ready to run in the desktop app: the library objects a {@link JobGateway} built from a job
 * file or a {@link JobDraft}, and the draft itself for editing and saving.
 *
 * <p>The system is live and mutable (a run moves its particles); the app hands a
 * {@link ParticleSystem#copy()} to each background run and keeps this one for the event thread.
 * {@code speciesDiameters} are drawing diameters per species index of the system (soft spheres: the
 * diameter D; Lennard-Jones and WCA: σ; Morse: r0), in length units.
 *
 * @param name             a short name (the job file's name without extension)
 * @param draft            the editable settings this job was built from
 * @param system           the starting configuration (input order)
 * @param model            the energy model
 * @param minimizer        minimizer settings
 * @param newtonPolish     finish the minimization with Newton–Krylov steps
 * @param parameters       the sensitivity parameters to compute, in job order (names of
 *                         {@link EnergyModel#parameterNames()})
 * @param speciesDiameters drawing diameter per species index, length {@code system.speciesCount()}
 * @param description      one line: particles, species, box, potential, minimizer, origin
 * @param warnings         things the user should know that do not stop the run
 */
public record DesktopJob(String name, JobDraft draft, ParticleSystem system, EnergyModel model,
                         MinimizerConfig minimizer, boolean newtonPolish, List<String> parameters,
                         double[] speciesDiameters, String description, List<String> warnings) {

    public DesktopJob {
        if (name == null || draft == null || system == null || model == null || minimizer == null) {
            throw new IllegalArgumentException("name, draft, system, model and minimizer must not be null");
        }
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
        if (speciesDiameters == null || speciesDiameters.length != system.speciesCount()) {
            throw new IllegalArgumentException("speciesDiameters must have one entry per species ("
                    + system.speciesCount() + ")");
        }
        for (double d : speciesDiameters) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("species drawing diameters must be positive and finite, got " + d);
            }
        }
        speciesDiameters = speciesDiameters.clone();
        for (String p : parameters) model.parameterIndex(p); // unknown names fail here, with the valid ones listed
    }

    @Override public double[] speciesDiameters() { return speciesDiameters.clone(); }

    /** This job with another starting configuration (same species and box), e.g. the current positions. */
    public DesktopJob withSystem(ParticleSystem newSystem) {
        return new DesktopJob(name, draft, newSystem, model, minimizer, newtonPolish, parameters, speciesDiameters,
                description, warnings);
    }
}
