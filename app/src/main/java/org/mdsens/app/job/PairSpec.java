package org.mdsens.app.job;

/**
 * {@code [potential.pairs."A-B"]}: explicit values for one unordered species pair, overriding
 * the mixing rule; null where not set.
 *
 * @param first   first species name (as written)
 * @param second  second species name
 * @param sigma   σ_ab (soft sphere: contact distance; LJ/WCA: σ)
 * @param epsilon ε_ab
 * @param cutoff  LJ cutoff of this pair (absolute, or in units of σ_ab with {@code cutoff_in_sigma})
 * @param r0      Morse equilibrium distance
 * @param width   Morse width a
 */
public record PairSpec(String first, String second, Double sigma, Double epsilon, Double cutoff, Double r0, Double width) {

    /** The table name, {@code A-B}. */
    public String key() { return first + "-" + second; }

    /** True for the unordered pair {a, b}. */
    public boolean is(String a, String b) {
        return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
    }
}
