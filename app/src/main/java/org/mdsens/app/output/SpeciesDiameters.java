package org.mdsens.app.output;

import java.util.List;

import org.mdsens.md.model.EnergyModel;

/**
 * The drawing diameter of each species in particle pictures, from the model's own length scale:
 * <ul>
 *   <li>soft sphere: the species diameter {@code diameter[A]} (contact at (D_a + D_b)/2, so touching
 *       disks are drawn touching);</li>
 *   <li>Lennard-Jones and WCA: σ of the species with itself, {@code sigma[A,A]} (the species σ under
 *       Lorentz–Berthelot mixing, or the explicit pair value; the usual OVITO/VMD convention; particles
 *       at the LJ minimum 2^{1/6}σ are drawn with a small gap);</li>
 *   <li>Morse: r₀ of the pair (A, A), {@code r0[A,A]} (the equilibrium distance).</li>
 * </ul>
 * A species whose value is missing, not finite or not positive is drawn with diameter 1 (the reduced
 * length unit). Stateless.
 */
public final class SpeciesDiameters {

    private SpeciesDiameters() { }

    /** One drawing diameter per species of {@code species} (the system's species names, in order). */
    public static double[] of(EnergyModel model, List<String> species) {
        List<String> names = model.parameterNames();
        double[] out = new double[species.size()];
        for (int k = 0; k < out.length; k++) {
            String s = species.get(k);
            double v = Double.NaN;
            for (String candidate : List.of("diameter[" + s + "]", "sigma[" + s + "," + s + "]", "r0[" + s + "," + s + "]")) {
                if (names.contains(candidate)) {
                    v = model.parameter(candidate);
                    break;
                }
            }
            out[k] = Double.isFinite(v) && v > 0 ? v : 1.0;
        }
        return out;
    }
}
