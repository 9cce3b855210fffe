package org.mdsens.md.minimize;

/** Minimization algorithms, with their job-file spellings. */
public enum MinimizerKind {
    /** FIRE 2.0 (Guénolé et al. 2020, LAMMPS {@code min_style fire}). */
    FIRE("fire"),
    /** Classic FIRE (Bitzek et al. 2006, JAX-MD semantics). */
    FIRE_CLASSIC("fire-classic"),
    /** Limited-memory BFGS with a line search (Nocedal & Wright, Alg. 7.4/7.5). */
    LBFGS("lbfgs"),
    /** Steepest descent with a backtracking step. */
    GRADIENT_DESCENT("gd");

    private final String label;

    MinimizerKind(String label) { this.label = label; }

    public String label() { return label; }

    public static MinimizerKind fromLabel(String label) {
        for (MinimizerKind k : values()) if (k.label.equals(label)) return k;
        throw new IllegalArgumentException("algorithm must be one of fire, fire-classic, lbfgs, gd, got '" + label + "'");
    }
}
