package org.mdsens.md.model;

import java.util.ArrayList;
import java.util.List;

import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.RadialFunction;

/**
 * Small closed-form pair potentials for kernel and evaluator tests, independent of the built-ins.
 * Their derivatives are checked against finite differences of their energies by
 * {@code EnergyEvaluatorTest} (forces, Hessian products and parameter derivatives all follow from φ).
 */
public final class TestPotentials {

    private TestPotentials() { }

    /**
     * Lennard-Jones with explicit per-pair σ and ε (parameters {@code sigma[A,B]},
     * {@code epsilon[A,B]} for A ≤ B), a fixed absolute cutoff per pair, optionally shifted.
     */
    public static final class Lj implements PairPotential {
        final List<String> species;
        final double[] sigma;   // per unordered pair, index pairIndex(a, b)
        final double[] epsilon;
        final double[] cutoff;
        final boolean shift;
        final List<String> names = new ArrayList<>();

        public Lj(List<String> species, double[] sigma, double[] epsilon, double[] cutoff, boolean shift) {
            this.species = List.copyOf(species);
            this.sigma = sigma.clone();
            this.epsilon = epsilon.clone();
            this.cutoff = cutoff.clone();
            this.shift = shift;
            int s = species.size();
            for (int a = 0; a < s; a++) for (int b = a; b < s; b++) names.add("sigma[" + species.get(a) + "," + species.get(b) + "]");
            for (int a = 0; a < s; a++) for (int b = a; b < s; b++) names.add("epsilon[" + species.get(a) + "," + species.get(b) + "]");
        }

        /** One species, σ = ε = 1. */
        public static Lj single(double cutoff, boolean shift) {
            return new Lj(List.of("A"), new double[] {1}, new double[] {1}, new double[] {cutoff}, shift);
        }

        /** Two species with distinct σ, ε and cutoffs per pair (AA, AB, BB). */
        public static Lj binary(boolean shift) {
            return new Lj(List.of("A", "B"), new double[] {1.0, 1.1, 1.2}, new double[] {1.0, 0.9, 0.8},
                    new double[] {2.5, 2.2, 2.0}, shift);
        }

        int pairIndex(int a, int b) {
            int s = species.size();
            int lo = Math.min(a, b), hi = Math.max(a, b);
            return lo * s - lo * (lo - 1) / 2 + (hi - lo);
        }

        int pairs() { return sigma.length; }

        @Override public PotentialKind kind() { return PotentialKind.CUSTOM; }
        @Override public List<String> speciesNames() { return species; }

        @Override public double maxCutoff() {
            double m = 0;
            for (double c : cutoff) m = Math.max(m, c);
            return m;
        }

        @Override public List<String> parameterNames() { return names; }

        @Override public double[] parameterValues() {
            double[] v = new double[2 * pairs()];
            System.arraycopy(sigma, 0, v, 0, pairs());
            System.arraycopy(epsilon, 0, v, pairs(), pairs());
            return v;
        }

        @Override public int parameterIndex(String name) {
            int k = names.indexOf(name);
            if (k < 0) throw new IllegalArgumentException("unknown parameter '" + name + "'; valid: " + names);
            return k;
        }

        @Override public PairPotential withParameter(String name, double value) {
            int k = parameterIndex(name);
            double[] s = sigma.clone(), e = epsilon.clone();
            if (k < pairs()) s[k] = value; else e[k - pairs()] = value;
            return new Lj(species, s, e, cutoff, shift);
        }

        @Override public RadialFunction pair(int a, int b) {
            int p = pairIndex(a, b);
            return radial(sigma[p], epsilon[p], cutoff[p], 0);
        }

        /** mode 0: φ; 1: ∂/∂σ; 2: ∂/∂ε. */
        RadialFunction radial(double sg, double ep, double rc, int mode) {
            double c6 = Math.pow(sg / rc, 6), c12 = c6 * c6;
            return new RadialFunction() {
                @Override public double cutoff() { return rc; }
                @Override public double energy(double r) {
                    if (r >= rc) return 0;
                    double s6 = Math.pow(sg / r, 6), s12 = s6 * s6;
                    return switch (mode) {
                        case 0 -> 4 * ep * (s12 - s6) - (shift ? 4 * ep * (c12 - c6) : 0);
                        case 1 -> 4 * ep * (12 * s12 - 6 * s6) / sg - (shift ? 4 * ep * (12 * c12 - 6 * c6) / sg : 0);
                        default -> 4 * (s12 - s6) - (shift ? 4 * (c12 - c6) : 0);
                    };
                }
                @Override public double firstDerivative(double r) {
                    if (r >= rc) return 0;
                    double s6 = Math.pow(sg / r, 6), s12 = s6 * s6;
                    return switch (mode) {
                        case 0 -> 4 * ep * (-12 * s12 + 6 * s6) / r;
                        case 1 -> 4 * ep * (-144 * s12 + 36 * s6) / (r * sg);
                        default -> 4 * (-12 * s12 + 6 * s6) / r;
                    };
                }
                @Override public double secondDerivative(double r) {
                    if (r >= rc) return 0;
                    double s6 = Math.pow(sg / r, 6), s12 = s6 * s6;
                    return switch (mode) {
                        case 0 -> 4 * ep * (156 * s12 - 42 * s6) / (r * r);
                        case 1 -> 4 * ep * (156 * 12 * s12 - 42 * 6 * s6) / (r * r * sg);
                        default -> 4 * (156 * s12 - 42 * s6) / (r * r);
                    };
                }
            };
        }

        @Override public RadialFunction parameterDerivative(int k, int a, int b) {
            int p = pairIndex(a, b);
            int target = k < pairs() ? k : k - pairs();
            if (target != p) return RadialFunction.ZERO;
            return radial(sigma[p], epsilon[p], cutoff[p], k < pairs() ? 1 : 2);
        }

        @Override public double parameterSecondDerivative(int k, int a, int b, double r) {
            int p = pairIndex(a, b);
            if (k >= pairs() || k != p || r >= cutoff[p]) return 0;
            double sg = sigma[p], ep = epsilon[p], rc = cutoff[p];
            double s6 = Math.pow(sg / r, 6), s12 = s6 * s6;
            double c6 = Math.pow(sg / rc, 6), c12 = c6 * c6;
            return 4 * ep * (132 * s12 - 30 * s6) / (sg * sg) - (shift ? 4 * ep * (132 * c12 - 30 * c6) / (sg * sg) : 0);
        }
    }

    /**
     * Soft spheres φ = (ε/α)(1 − r/σ)^α for r &lt; σ, σ_ab = (D_a + D_b)/2; parameters
     * {@code diameter[A]}... and {@code epsilon}; α fixed. Keeps the interface's default
     * (finite-difference) {@code parameterSecondDerivative}.
     */
    public static final class SoftSphere implements PairPotential {
        final List<String> species;
        final double[] diameter;
        final double epsilon;
        final double alpha;
        final List<String> names = new ArrayList<>();

        public SoftSphere(List<String> species, double[] diameter, double epsilon, double alpha) {
            this.species = List.copyOf(species);
            this.diameter = diameter.clone();
            this.epsilon = epsilon;
            this.alpha = alpha;
            for (String s : species) names.add("diameter[" + s + "]");
            names.add("epsilon");
        }

        /** A (D = 1) and B (D = 1.4), ε = 1. */
        public static SoftSphere binary(double alpha) {
            return new SoftSphere(List.of("A", "B"), new double[] {1.0, 1.4}, 1.0, alpha);
        }

        @Override public PotentialKind kind() { return PotentialKind.CUSTOM; }
        @Override public List<String> speciesNames() { return species; }

        @Override public double maxCutoff() {
            double m = 0;
            for (double d : diameter) m = Math.max(m, d);
            return m;
        }

        @Override public List<String> parameterNames() { return names; }

        @Override public double[] parameterValues() {
            double[] v = new double[diameter.length + 1];
            System.arraycopy(diameter, 0, v, 0, diameter.length);
            v[diameter.length] = epsilon;
            return v;
        }

        @Override public int parameterIndex(String name) {
            int k = names.indexOf(name);
            if (k < 0) throw new IllegalArgumentException("unknown parameter '" + name + "'; valid: " + names);
            return k;
        }

        @Override public PairPotential withParameter(String name, double value) {
            int k = parameterIndex(name);
            double[] d = diameter.clone();
            double e = epsilon;
            if (k < d.length) d[k] = value; else e = value;
            return new SoftSphere(species, d, e, alpha);
        }

        @Override public RadialFunction pair(int a, int b) {
            return radial(0.5 * (diameter[a] + diameter[b]), epsilon, 0, 1.0);
        }

        /** mode 0: φ; 1: ∂/∂σ times factor; 2: ∂/∂ε. */
        RadialFunction radial(double sg, double ep, int mode, double factor) {
            double al = alpha;
            return new RadialFunction() {
                @Override public double cutoff() { return sg; }
                @Override public double energy(double r) {
                    if (r >= sg) return 0;
                    double u = 1 - r / sg;
                    return switch (mode) {
                        case 0 -> ep / al * Math.pow(u, al);
                        case 1 -> factor * ep * Math.pow(u, al - 1) * r / (sg * sg);
                        default -> Math.pow(u, al) / al;
                    };
                }
                @Override public double firstDerivative(double r) {
                    if (r >= sg) return 0;
                    double u = 1 - r / sg;
                    return switch (mode) {
                        case 0 -> -ep / sg * Math.pow(u, al - 1);
                        case 1 -> factor * (ep / (sg * sg) * Math.pow(u, al - 1)
                                - ep / sg * (al - 1) * Math.pow(u, al - 2) * r / (sg * sg));
                        default -> -Math.pow(u, al - 1) / sg;
                    };
                }
                @Override public double secondDerivative(double r) {
                    if (r >= sg) return 0;
                    double u = 1 - r / sg;
                    return switch (mode) {
                        case 0 -> ep / (sg * sg) * (al - 1) * Math.pow(u, al - 2);
                        // d/dσ [ε (α−1) σ^-2 u^(α−2)], du/dσ = r/σ²
                        case 1 -> factor * (ep * (al - 1) * (-2 / (sg * sg * sg) * Math.pow(u, al - 2)
                                + (al - 2) * Math.pow(u, al - 3) * r / (sg * sg * sg * sg)));
                        default -> (al - 1) * Math.pow(u, al - 2) / (sg * sg);
                    };
                }
            };
        }

        @Override public RadialFunction parameterDerivative(int k, int a, int b) {
            double sg = 0.5 * (diameter[a] + diameter[b]);
            if (k == diameter.length) return radial(sg, epsilon, 2, 1.0);
            double f = 0.5 * ((a == k ? 1 : 0) + (b == k ? 1 : 0));
            if (f == 0) return RadialFunction.ZERO;
            return radial(sg, epsilon, 1, f);
        }
    }
}
