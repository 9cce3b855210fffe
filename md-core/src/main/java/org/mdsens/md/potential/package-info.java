/**
 * Pair potentials φ_ab(r; θ) with their r-derivatives and parameter derivatives.
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.md.potential.SoftSphere}: repulsive contacts (jammed packings, the JAXopt
 *       example); σ_ab = (D_a + D_b)/2; the cutoff is the contact distance.</li>
 *   <li>{@link org.mdsens.md.potential.LennardJones}: attractive liquids and glasses (Kob–Andersen);
 *       plain cut, energy-shifted, or C²-switched (prefer the switch for sensitivities when pairs sit
 *       near r_c).</li>
 *   <li>{@link org.mdsens.md.potential.Wca}: purely repulsive Lennard-Jones.</li>
 *   <li>{@link org.mdsens.md.potential.Morse}: bonded-like wells with explicit per-pair values.</li>
 *   <li>{@link org.mdsens.md.potential.CustomPairPotential} with a
 *       {@link org.mdsens.md.potential.FieldPairFormula}: anything else, derivatives by Hipparchus
 *       forward-mode AD (slower; allocates per evaluation).</li>
 * </ul>
 *
 * <p>Every potential is immutable, built by a fluent builder, and exposes a named parameter vector
 * (DESIGN.md §5): {@code name}, {@code name[A]} (mixed into pairs), {@code name[A,B]} (per pair;
 * {@code [B,A]} is the same). {@code pair(a, b)} returns a precomputed
 * {@link org.mdsens.md.potential.RadialFunction} whose evaluation (built-ins) is allocation-free
 * arithmetic; {@code parameterDerivative(k, a, b)} returns ∂φ/∂θ_k, ∂φ'/∂θ_k, ∂φ''/∂θ_k through the
 * mixing rules. Cutoffs are absolute and held fixed under differentiation, except where the cutoff
 * is part of the function (soft sphere σ, WCA 2^{1/6}σ), where φ and φ' vanish continuously there.
 */
package org.mdsens.md.potential;
