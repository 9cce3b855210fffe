package org.mdsens.app.job;

/** How {@code [system.generate]} makes the starting configuration, with the job-file spellings. */
public enum GenerateKind {
    /** Random sequential addition in a periodic box at a density or packing fraction. */
    RANDOM("random", 0),
    /** Simple cubic lattice (3D). */
    SC("sc", 3),
    /** Body-centred cubic lattice (3D). */
    BCC("bcc", 3),
    /** Face-centred cubic lattice (3D). */
    FCC("fcc", 3),
    /** Square lattice (2D). */
    SQUARE("square", 2),
    /** Triangular lattice (2D). */
    TRIANGULAR("triangular", 2);

    private final String label;
    private final int dimension;

    GenerateKind(String label, int dimension) {
        this.label = label;
        this.dimension = dimension;
    }

    /** The job-file spelling. */
    public String label() { return label; }

    /** The dimension a lattice implies, or 0 for {@link #RANDOM} (which takes {@code dimension}). */
    public int latticeDimension() { return dimension; }

    public boolean isLattice() { return this != RANDOM; }

    /** All job-file spellings, in declaration order. */
    public static java.util.List<String> labels() {
        java.util.List<String> l = new java.util.ArrayList<>();
        for (GenerateKind k : values()) l.add(k.label);
        return l;
    }

    /** The kind with this spelling; {@link IllegalArgumentException} otherwise. */
    public static GenerateKind fromLabel(String label) {
        for (GenerateKind k : values()) if (k.label.equals(label)) return k;
        throw new IllegalArgumentException("kind must be one of " + String.join(", ", labels()) + ", got '" + label + "'");
    }
}
