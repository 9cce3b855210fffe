package org.mdsens.md.potential;

import java.util.List;

/**
 * The Lennard-Jones potential V(r) = 4ε_ab[(σ_ab/r)¹² − (σ_ab/r)⁶] for r &lt; r_c,ab, else 0, in
 * one of three forms: plain cut (LAMMPS {@code lj/cut}), energy-shifted φ = V − V(r_c)
 * ({@code pair_modify shift yes}), or smoothly switched φ = V·S(r) with
 * S = 1 − 10t³ + 15t⁴ − 6t⁵, t = (r − r_on)/(r_c − r_on) on [r_on, r_c] (φ is C² everywhere).
 *
 * <p>Parameters, in {@link #parameterNames()} order: {@code sigma[X]} per species,
 * {@code epsilon[X]} per species, then {@code sigma[X,Y]} and {@code epsilon[X,Y]} per pair
 * (X ≤ Y in species order). Lorentz–Berthelot mixing σ_ab = (σ_a + σ_b)/2, ε_ab = √(ε_a ε_b)
 * unless a pair value is set explicitly. Requires σ &gt; 0, ε ≥ 0.
 *
 * <p>Cutoffs (and switch onsets) are absolute distances fixed at build time — including
 * {@link Builder#cutoffInSigma}, evaluated from the pair σ at build — and stay fixed under
 * {@link #withParameter} and under differentiation; the shift V(r_c) is part of φ, so its
 * θ-derivative is included. Without any cutoff option the cutoff is 2.5σ_ab.
 * Kob–Andersen: {@code builder(List.of("A","B")).sigma("A",1).epsilon("A",1).sigma("B",0.88)
 * .epsilon("B",0.5).pairSigma("A","B",0.8).pairEpsilon("A","B",1.5).cutoffInSigma(2.5).shift(true)}.
 *
 * <p>Immutable and thread-safe. Exact second parameter derivatives are implemented.
 */
public final class LennardJones extends LorentzBerthelotPotential {

    private final double[] cutoffs;     // per pair, absolute
    private final double[] switchOn;    // per pair, absolute; null without switch
    private final boolean shift;

    private LennardJones(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit,
                         double[] cutoffs, double[] switchOn, boolean shift) {
        super(species, names, derive(species, names, theta, explicit), explicit,
                functions(species, names, theta, cutoffs, switchOn, shift));
        this.cutoffs = cutoffs;
        this.switchOn = switchOn;
        this.shift = shift;
        validateAll();
    }

    private static PairFunction[] functions(SpeciesTable species, ParameterNames names, double[] theta,
                                            double[] cutoffs, double[] switchOn, boolean shift) {
        PairFunction[] f = new PairFunction[species.pairCount()];
        LennardJonesFunction.Mode mode = switchOn != null ? LennardJonesFunction.Mode.SWITCH
                : shift ? LennardJonesFunction.Mode.SHIFT : LennardJonesFunction.Mode.CUT;
        for (int p = 0; p < f.length; p++) {
            f[p] = new LennardJonesFunction(theta[names.offset(PAIR_SIGMA) + p], theta[names.offset(PAIR_EPSILON) + p],
                    cutoffs[p], mode, switchOn == null ? Double.NaN : switchOn[p]);
        }
        return f;
    }

    /** A builder with every species σ = ε = 1, cutoff 2.5σ_ab, unshifted, until set. */
    public static Builder builder(List<String> species) { return new Builder(species); }

    @Override public PotentialKind kind() { return PotentialKind.LENNARD_JONES; }

    /** The absolute cutoff r_c of species indices (a, b). */
    public double cutoff(int a, int b) { return cutoffs[species.pairIndex(a, b)]; }

    /** Whether φ(r_c) is subtracted. */
    public boolean isShifted() { return shift; }

    /** Whether the smooth switch is on. */
    public boolean isSwitched() { return switchOn != null; }

    /** The switch onset r_on of species indices (a, b), or NaN without a switch. */
    public double switchOn(int a, int b) {
        int p = species.pairIndex(a, b);
        return switchOn == null ? Double.NaN : switchOn[p];
    }

    @Override LennardJones with(double[] theta, boolean[] explicit) {
        return new LennardJones(species, names, theta, explicit, cutoffs, switchOn, shift);
    }

    /** Fluent, single-use builder of a {@link LennardJones}; not thread-safe. */
    public static final class Builder {
        private enum Length { NONE, ABSOLUTE, IN_SIGMA }

        private final ParameterDraft draft;
        private Length cutoffMode = Length.NONE;
        private double cutoff = Double.NaN;
        private Length switchMode = Length.NONE;
        private double switchOn = Double.NaN;
        private double switchOff = Double.NaN;
        private boolean shift;

        private Builder(List<String> speciesNames) {
            draft = draft(speciesNames);
        }

        /** σ of a species (mixed arithmetically into pairs). */
        public Builder sigma(String s, double sigma) {
            draft.species(SIGMA, s, sigma);
            return this;
        }

        /** ε of a species (mixed geometrically into pairs). */
        public Builder epsilon(String s, double epsilon) {
            draft.species(EPSILON, s, epsilon);
            return this;
        }

        /** Explicit σ of a pair. */
        public Builder pairSigma(String a, String b, double sigma) {
            draft.explicitPair(PAIR_SIGMA, a, b, sigma);
            return this;
        }

        /** Explicit ε of a pair. */
        public Builder pairEpsilon(String a, String b, double epsilon) {
            draft.explicitPair(PAIR_EPSILON, a, b, epsilon);
            return this;
        }

        /** Absolute cutoff for every pair (replaces an earlier {@link #cutoffInSigma}). */
        public Builder cutoff(double rc) {
            cutoffMode = Length.ABSOLUTE;
            cutoff = rc;
            return this;
        }

        /** Cutoff x·σ_ab per pair, evaluated at build and then frozen (replaces an earlier {@link #cutoff}). */
        public Builder cutoffInSigma(double x) {
            cutoffMode = Length.IN_SIGMA;
            cutoff = x;
            return this;
        }

        /** Absolute cutoff of one pair, overriding the global choice. */
        public Builder pairCutoff(String a, String b, double rc) {
            draft.pairCutoff(a, b, rc);
            return this;
        }

        /** Subtract φ(r_c) (LAMMPS {@code pair_modify shift yes}); not combinable with a switch. */
        public Builder shift(boolean shift) {
            this.shift = shift;
            return this;
        }

        /** Smooth switch on [rOn, rC] (absolute); rC becomes every pair's cutoff unless set per pair. */
        public Builder smoothSwitch(double rOn, double rC) {
            switchMode = Length.ABSOLUTE;
            switchOn = rOn;
            switchOff = rC;
            return this;
        }

        /** Smooth switch on [xOn·σ_ab, xC·σ_ab], evaluated at build and then frozen. */
        public Builder smoothSwitchInSigma(double xOn, double xC) {
            switchMode = Length.IN_SIGMA;
            switchOn = xOn;
            switchOff = xC;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming what is wrong. */
        public LennardJones build() {
            SpeciesTable species = draft.species;
            ParameterNames names = draft.names;
            double[] t = derive(species, names, draft.theta(), draft.explicit());
            for (int k = 0; k < t.length; k++) validate(names, k, t[k]);
            if (shift && switchMode != Length.NONE) {
                throw new IllegalArgumentException("shift must be false with a smooth switch (the switch already takes "
                        + "phi to 0 at r_c), got shift = true");
            }
            if (cutoffMode != Length.NONE) requirePositive(cutoffMode == Length.ABSOLUTE ? "cutoff" : "cutoff in sigma", cutoff);
            if (switchMode != Length.NONE) {
                requirePositive("switch r_on", switchOn);
                requirePositive("switch r_c", switchOff);
                if (!(switchOn < switchOff)) {
                    throw new IllegalArgumentException("switch r_on must be < r_c = " + switchOff + ", got " + switchOn);
                }
            }
            int pairs = species.pairCount();
            double[] rc = new double[pairs];
            double[] on = switchMode == Length.NONE ? null : new double[pairs];
            for (int p = 0; p < pairs; p++) {
                double sigma = t[names.offset(PAIR_SIGMA) + p];
                String label = species.pairLabel(p);
                double global = switch (cutoffMode) {
                    case ABSOLUTE -> cutoff;
                    case IN_SIGMA -> cutoff * sigma;
                    default -> Double.NaN;
                };
                if (switchMode != Length.NONE) {
                    double scale = switchMode == Length.IN_SIGMA ? sigma : 1;
                    double sw = switchOff * scale;
                    if (!Double.isNaN(global) && Double.isNaN(draft.ownCutoff(p))
                            && Math.abs(global - sw) > 1e-12 * Math.max(global, sw)) {
                        throw new IllegalArgumentException("cutoff of pair " + label + " must equal the switch r_c "
                                + sw + " (give the cutoff once), got " + global);
                    }
                    global = sw;
                    on[p] = switchOn * scale;
                }
                double own = draft.ownCutoff(p);
                rc[p] = !Double.isNaN(own) ? own : !Double.isNaN(global) ? global : 2.5 * sigma;
                requirePositive("cutoff of pair " + label, rc[p]);
                if (on != null && !(on[p] < rc[p])) {
                    throw new IllegalArgumentException("switch r_on of pair " + label + " must be < its cutoff "
                            + rc[p] + ", got " + on[p]);
                }
            }
            return new LennardJones(species, names, draft.theta(), draft.explicit(), rc, on, shift);
        }
    }
}
