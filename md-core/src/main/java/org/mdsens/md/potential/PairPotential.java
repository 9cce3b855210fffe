package org.mdsens.md.potential;

import java.util.List;

/**
 * A pair potential over a set of species: one {@link RadialFunction} per unordered species pair,
 * built from a named parameter vector θ through the family's mixing rules (DESIGN.md §5).
 *
 * <p>Parameter names follow DESIGN.md §5: {@code name} (global, e.g. {@code alpha}),
 * {@code name[A]} (per species, entering pairs through mixing, e.g. {@code diameter[B]}) and
 * {@code name[A,B]} (per pair, with {@code A} before {@code B} in species order; the pair's
 * value, derived by mixing unless set explicitly). Derivatives with respect to a species
 * parameter go through the mixing rule to every pair that is not set explicitly; derivatives with
 * respect to a pair parameter act on that pair only.
 *
 * <p>Implementations are immutable and thread-safe; {@link #withParameter} returns a new one.
 */
public interface PairPotential {

    PotentialKind kind();

    /** Species names, in species-index order (the same order as {@code ParticleSystem}). */
    List<String> speciesNames();

    /** The radial function of the pair of species indices (a, b); symmetric in a and b. */
    RadialFunction pair(int a, int b);

    /** The largest cutoff over all species pairs (what a neighbor list needs). */
    double maxCutoff();

    /** Names of every differentiable scalar parameter, in a fixed order. */
    List<String> parameterNames();

    /** Current value of every parameter, in {@link #parameterNames()} order (a fresh array). */
    double[] parameterValues();

    /**
     * Index of a parameter in {@link #parameterNames()}; {@code sigma[B,A]} is the same as
     * {@code sigma[A,B]}. Throws {@link IllegalArgumentException} with the list of valid names.
     */
    int parameterIndex(String name);

    /** The value of a named parameter. */
    default double parameter(String name) {
        return parameterValues()[parameterIndex(name)];
    }

    /**
     * A potential with one parameter changed (a pair parameter becomes explicit for that pair).
     * Throws {@link IllegalArgumentException} if the name is unknown or the value is invalid.
     */
    PairPotential withParameter(String name, double value);

    /**
     * ∂/∂θ_k of the pair function of species (a, b): {@code energy} = ∂φ/∂θ_k,
     * {@code firstDerivative} = ∂φ'/∂θ_k, {@code secondDerivative} = ∂φ''/∂θ_k, through the mixing
     * rules, with the cutoff held fixed unless it is a parameter of the function itself (the soft
     * sphere's σ, where φ is continuous at contact). {@link RadialFunction#ZERO} when the pair does
     * not depend on θ_k.
     */
    RadialFunction parameterDerivative(int k, int a, int b);

    /**
     * ∂²φ/∂θ_k² of pair (a, b) at r, for second-order energy sensitivities. The default is a
     * central difference of {@link #parameterDerivative} in θ_k with a relative step of 1e-5
     * (accuracy about 1e-9 relative); built-ins may override it with the exact value.
     */
    default double parameterSecondDerivative(int k, int a, int b, double r) {
        double theta = parameterValues()[k];
        double h = 1e-5 * Math.max(1.0, Math.abs(theta));
        String name = parameterNames().get(k);
        double up = withParameter(name, theta + h).parameterDerivative(k, a, b).energy(r);
        double down = withParameter(name, theta - h).parameterDerivative(k, a, b).energy(r);
        return (up - down) / (2 * h);
    }
}
