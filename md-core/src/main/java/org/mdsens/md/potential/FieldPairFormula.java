package org.mdsens.md.potential;

import java.util.List;

import org.hipparchus.CalculusFieldElement;

/**
 * A user pair potential φ(r; p) written once over Hipparchus {@link CalculusFieldElement}, so that
 * {@link CustomPairPotential} obtains φ', φ'' and every parameter derivative by forward-mode
 * automatic differentiation.
 *
 * <p>Write the formula for r below the cutoff only; the cutoff and the optional shift are applied
 * by {@link CustomPairPotential}. Use only field operations on {@code r} and {@code parameters}
 * (constants through {@code r.newInstance(c)} or the {@code (double)} overloads); branching on
 * {@code r.getReal()} is allowed for piecewise formulas. Implementations must be stateless and
 * thread-safe. Example (Lennard-Jones):
 * <pre>{@code
 * FieldPairFormula lj = new FieldPairFormula() {
 *     public List<String> parameterNames() { return List.of("epsilon", "sigma"); }
 *     public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
 *         T s6 = p[1].divide(r).pow(6);
 *         return p[0].multiply(4).multiply(s6.multiply(s6).subtract(s6));
 *     }
 * };
 * }</pre>
 */
public interface FieldPairFormula {

    /** Names of the per-pair parameters, in the order of {@code parameters}; each becomes {@code name[X,Y]}. */
    List<String> parameterNames();

    /** φ(r; parameters) for r below the cutoff. */
    <T extends CalculusFieldElement<T>> T energy(T r, T[] parameters);
}
