package org.mdsens.app.job;

/**
 * {@code [species.NAME]}: per-species values; null where the job does not set them (the
 * potential's defaults apply: diameter, sigma, epsilon and mass 1).
 *
 * @param name     species name, {@code [A-Za-z0-9]+}
 * @param diameter soft-sphere diameter D (&gt; 0)
 * @param sigma    Lennard-Jones/WCA σ (&gt; 0)
 * @param epsilon  Lennard-Jones/WCA ε (&gt; 0)
 * @param mass     mass (&gt; 0)
 */
public record SpeciesSpec(String name, Double diameter, Double sigma, Double epsilon, Double mass) {

    public SpeciesSpec {
        if (name == null || !org.mdsens.md.system.ParticleSystem.SPECIES_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("species name must match [A-Za-z0-9]+, got '" + name + "'");
        }
    }

    /** A species with every value defaulted. */
    public static SpeciesSpec defaults(String name) {
        return new SpeciesSpec(name, null, null, null, null);
    }

    public double diameterOr1() { return diameter == null ? 1.0 : diameter; }
    public double sigmaOr1() { return sigma == null ? 1.0 : sigma; }
    public double epsilonOr1() { return epsilon == null ? 1.0 : epsilon; }
    public double massOr1() { return mass == null ? 1.0 : mass; }
}
