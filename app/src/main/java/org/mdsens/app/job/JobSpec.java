package org.mdsens.app.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated job file (DESIGN.md §5; the reference with every key and default is in README.md).
 * Produced by {@link JobReader}; turned into library objects by {@link JobBuilder}. Immutable.
 *
 * @param source      the file and its key → line index (for messages about later problems)
 * @param system      the starting configuration
 * @param species     per-species values by name, in file order (species the job mentions)
 * @param potential   the pair potential
 * @param bonds       harmonic bonds (possibly none)
 * @param minimize    minimizer settings
 * @param sensitivity parameters and observables to differentiate (possibly none)
 * @param output      output settings
 * @param sweep       the {@code [sweep]} section of a sweep file, or null for a plain job
 */
public record JobSpec(JobSource source, SystemSpec system, Map<String, SpeciesSpec> species, PotentialSpec potential,
                      BondsSpec bonds, MinimizeSpec minimize, SensitivitySpec sensitivity, OutputSpec output,
                      SweepSpec sweep) {

    public JobSpec {
        species = Collections.unmodifiableMap(new LinkedHashMap<>(species));
    }

    /** The values of one species: the job's table, or all defaults. */
    public SpeciesSpec speciesOrDefaults(String name) {
        SpeciesSpec s = species.get(name);
        return s != null ? s : SpeciesSpec.defaults(name);
    }
}
