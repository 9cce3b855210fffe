package org.mdsens.md.potential;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.UnivariateDerivative2;
import org.hipparchus.util.Binary64;

/**
 * One pair of a {@link CustomPairPotential}: φ(r) = f(r; p) − [shift] f(r_c; p) for r &lt; r_c,
 * evaluated by Hipparchus forward-mode AD ({@link UnivariateDerivative2} in r; a two-variable
 * {@link DerivativeStructure} of order 3 in (r, p_j) for parameter derivatives). Immutable;
 * evaluation allocates AD objects (custom potentials trade speed for generality).
 */
final class CustomPairFunction extends PairFunction {

    private static final DSFactory ORDER3 = new DSFactory(2, 3);
    private static final DSFactory ORDER2 = new DSFactory(2, 2);

    private final FieldPairFormula formula;
    private final double[] parameters;
    private final double cutoff;
    private final boolean shift;
    private final double offset;

    CustomPairFunction(FieldPairFormula formula, double[] parameters, double cutoff, boolean shift) {
        this.formula = formula;
        this.parameters = parameters.clone();
        this.cutoff = cutoff;
        this.shift = shift;
        this.offset = shift ? -plain(cutoff) : 0;
    }

    private double plain(double r) {
        Binary64[] p = new Binary64[parameters.length];
        for (int i = 0; i < p.length; i++) p[i] = new Binary64(parameters[i]);
        return formula.energy(new Binary64(r), p).getReal();
    }

    private UnivariateDerivative2 inR(double r) {
        UnivariateDerivative2[] p = new UnivariateDerivative2[parameters.length];
        for (int i = 0; i < p.length; i++) p[i] = new UnivariateDerivative2(parameters[i], 0, 0);
        return formula.energy(new UnivariateDerivative2(r, 1, 0), p);
    }

    @Override public double cutoff() { return cutoff; }

    @Override public double energy(double r) { return r >= cutoff ? 0 : plain(r) + offset; }

    @Override public double firstDerivative(double r) { return r >= cutoff ? 0 : inR(r).getFirstDerivative(); }

    @Override public double secondDerivative(double r) { return r >= cutoff ? 0 : inR(r).getSecondDerivative(); }

    @Override int parameterCount() { return parameters.length; }

    /** f over (r, p_j) as the two free variables, to order 3. */
    private DerivativeStructure inRAndParameter(int j, double r) {
        DerivativeStructure[] p = new DerivativeStructure[parameters.length];
        for (int i = 0; i < p.length; i++) p[i] = i == j ? ORDER3.variable(1, parameters[i]) : ORDER3.constant(parameters[i]);
        return formula.energy(ORDER3.variable(0, r), p);
    }

    @Override double parameterPartial(int j, int order, double r) {
        if (r >= cutoff) return 0;
        double v = inRAndParameter(j, r).getPartialDerivative(order, 1);
        return shift && order == 0 ? v - inRAndParameter(j, cutoff).getPartialDerivative(0, 1) : v;
    }

    private double rawSecond(int i, int j, double r) {
        if (i == j) return inRAndParameter(j, r).getPartialDerivative(0, 2);
        DerivativeStructure[] p = new DerivativeStructure[parameters.length];
        for (int q = 0; q < p.length; q++) {
            p[q] = q == i ? ORDER2.variable(0, parameters[q])
                    : q == j ? ORDER2.variable(1, parameters[q]) : ORDER2.constant(parameters[q]);
        }
        return formula.energy(ORDER2.constant(r), p).getPartialDerivative(1, 1);
    }

    @Override double parameterSecondPartial(int i, int j, double r) {
        if (r >= cutoff) return 0;
        double v = rawSecond(i, j, r);
        return shift ? v - rawSecond(i, j, cutoff) : v;
    }

    @Override public String toString() {
        return "Custom(" + formula.parameterNames() + "=" + java.util.Arrays.toString(parameters)
                + ", cutoff=" + cutoff + (shift ? ", shifted" : "") + ")";
    }
}
