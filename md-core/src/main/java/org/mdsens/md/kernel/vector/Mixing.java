package org.mdsens.md.kernel.vector;

import java.util.List;

import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.potential.Wca;

/**
 * The chain-rule coefficients ∂p_j/∂θ_k of the built-in families, from their documented mixing
 * rules and public accessors (parameter names, {@code isExplicit}, parameter values):
 * Lorentz–Berthelot for {@link LennardJones} and {@link Wca} (p = σ_ab, ε_ab),
 * σ_ab = (D_a + D_b)/2 and ε_ab = ε for {@link SoftSphere} (p = σ_ab, ε_ab, α), explicit pairs
 * for {@link Morse} (p = ε_ab, r0_ab, a_ab). The scalar kernel gets the same numbers from the
 * potential itself; the differential tests pin the two together.
 */
final class Mixing {

    private Mixing() { }

    /** Coefficients ∂p_j/∂θ_k for the pair of species (a, b). */
    static double[] chain(PairPotential p, int k, int a, int b) {
        // let the potential refuse an unbounded derivative exactly as the scalar kernel sees it
        RadialFunction check = p.parameterDerivative(k, a, b);
        String name = p.parameterNames().get(k);
        int bracket = name.indexOf('[');
        String base = bracket < 0 ? name : name.substring(0, bracket);
        String[] inside = bracket < 0 ? new String[0] : name.substring(bracket + 1, name.length() - 1).split(",");
        List<String> species = p.speciesNames();
        int x = inside.length > 0 ? species.indexOf(inside[0].trim()) : -1;
        int y = inside.length > 1 ? species.indexOf(inside[1].trim()) : -1;
        boolean thisPair = inside.length == 2 && ((x == a && y == b) || (x == b && y == a));
        double[] c;
        if (p instanceof LennardJones || p instanceof Wca) {
            c = new double[2];
            String pairSigma = "sigma[" + species.get(a) + "," + species.get(b) + "]";
            String pairEpsilon = "epsilon[" + species.get(a) + "," + species.get(b) + "]";
            boolean sigmaExplicit = p instanceof LennardJones lj ? lj.isExplicit(pairSigma) : ((Wca) p).isExplicit(pairSigma);
            boolean epsilonExplicit = p instanceof LennardJones lj ? lj.isExplicit(pairEpsilon)
                    : ((Wca) p).isExplicit(pairEpsilon);
            if (inside.length == 2) {
                if (thisPair) c[base.equals("sigma") ? 0 : 1] = 1;
            } else if (base.equals("sigma")) {
                if (!sigmaExplicit) c[0] = (a == x ? 0.5 : 0) + (b == x ? 0.5 : 0);
            } else if (!epsilonExplicit && (a == x || b == x)) {
                if (a == b) {
                    c[1] = 1;
                } else {
                    double own = p.parameter("epsilon[" + species.get(x) + "]");
                    double other = p.parameter("epsilon[" + species.get(a == x ? b : a) + "]");
                    c[1] = other == 0 ? 0 : 0.5 * Math.sqrt(other / own);
                }
            }
        } else if (p instanceof SoftSphere ss) {
            c = new double[3];
            String pairSigma = "sigma[" + species.get(a) + "," + species.get(b) + "]";
            String pairEpsilon = "epsilon[" + species.get(a) + "," + species.get(b) + "]";
            switch (base) {
                case "diameter" -> {
                    if (!ss.isExplicit(pairSigma)) c[0] = (a == x ? 0.5 : 0) + (b == x ? 0.5 : 0);
                }
                case "alpha" -> c[2] = 1;
                case "epsilon" -> {
                    if (inside.length == 2) {
                        if (thisPair) c[1] = 1;
                    } else if (!ss.isExplicit(pairEpsilon)) {
                        c[1] = 1;
                    }
                }
                default -> {
                    if (thisPair) c[0] = 1;   // sigma[X,Y]
                }
            }
        } else if (p instanceof Morse) {
            c = new double[3];
            if (thisPair) c[switch (base) { case "epsilon" -> 0; case "r0" -> 1; default -> 2; }] = 1;
        } else {
            throw new IllegalArgumentException("potential must be a built-in family, got " + p.kind());
        }
        if (check == RadialFunction.ZERO) java.util.Arrays.fill(c, 0.0);
        return c;
    }
}
