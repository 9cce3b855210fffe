package org.mdsens.app.job;

import java.util.List;

import org.mdsens.md.potential.PotentialKind;

/**
 * {@code [potential]} and its {@code [potential.pairs."A-B"]} tables. Null where the job does not
 * set a value; the defaults are those of the job-file reference in README.md.
 *
 * @param kind          the family
 * @param epsilon       soft sphere: ε (default 1); Morse: well depth for every pair
 * @param alpha         soft sphere: exponent α (default 2)
 * @param cutoff        Lennard-Jones/Morse cutoff (LJ default 2.5; in units of σ_ab with {@code cutoffInSigma})
 * @param cutoffInSigma LJ: cutoffs and switch ranges are multiples of each pair's σ_ab (default false)
 * @param shift         LJ/Morse: subtract φ(r_c) (LAMMPS {@code pair_modify shift yes}; default false)
 * @param switchRange   LJ: smooth switch range, or null
 * @param r0            Morse: equilibrium distance for every pair
 * @param width         Morse: width a for every pair
 * @param pairs         explicit per-pair values, in file order
 */
public record PotentialSpec(PotentialKind kind, Double epsilon, Double alpha, Double cutoff, boolean cutoffInSigma,
                            boolean shift, SwitchRange switchRange, Double r0, Double width, List<PairSpec> pairs) {

    public PotentialSpec {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
}
