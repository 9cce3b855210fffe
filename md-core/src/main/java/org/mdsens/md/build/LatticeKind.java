package org.mdsens.md.build;

import java.util.Locale;

/**
 * Crystal lattices for {@link Lattices#build}: the conventional cell, its basis and its shape.
 *
 * <p>The conventional cell has edges a·aspect[k] along axis k (a is the lattice constant); the basis
 * lists the fractional positions of its atoms. The triangular lattice uses the rectangular cell
 * a × a√3 with atoms at (0, 0) and (½, ½), so every atom has six neighbours at distance a.
 */
public enum LatticeKind {
    /** Simple cubic, 1 atom per cell, nearest neighbour a. */
    SC("sc", new double[][] {{0, 0, 0}}, new double[] {1, 1, 1}, 1.0),
    /** Body-centred cubic, 2 atoms per cell, nearest neighbour a√3/2. */
    BCC("bcc", new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}, new double[] {1, 1, 1}, Math.sqrt(3) / 2),
    /** Face-centred cubic, 4 atoms per cell, nearest neighbour a/√2. */
    FCC("fcc", new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}, new double[] {1, 1, 1},
            Math.sqrt(0.5)),
    /** Square (2D), 1 atom per cell, nearest neighbour a. */
    SQUARE("square", new double[][] {{0, 0}}, new double[] {1, 1}, 1.0),
    /** Triangular (2D, hexagonal close packed), rectangular cell a × a√3 with 2 atoms, nearest neighbour a. */
    TRIANGULAR("triangular", new double[][] {{0, 0}, {0.5, 0.5}}, new double[] {1, Math.sqrt(3)}, 1.0);

    private final String label;
    private final double[][] basis;
    private final double[] aspect;
    private final double nearestNeighbour;

    LatticeKind(String label, double[][] basis, double[] aspect, double nearestNeighbour) {
        this.label = label;
        this.basis = basis;
        this.aspect = aspect;
        this.nearestNeighbour = nearestNeighbour;
    }

    /** The job-file label: {@code sc | bcc | fcc | square | triangular}. */
    public String label() { return label; }

    /** Spatial dimension (3 for sc, bcc, fcc; 2 for square, triangular). */
    public int dimension() { return aspect.length; }

    /** Atoms per conventional cell. */
    public int atomsPerCell() { return basis.length; }

    /** Fractional coordinate {@code axis} of basis atom {@code atom}. */
    public double basis(int atom, int axis) { return basis[atom][axis]; }

    /** Cell edge along {@code axis} in units of the lattice constant (1, or √3 for the triangular y edge). */
    public double cellAspect(int axis) { return aspect[axis]; }

    /** Nearest-neighbour distance for lattice constant a. */
    public double nearestNeighbourDistance(double a) { return nearestNeighbour * a; }

    /**
     * Lattice constant giving number density ρ: a = (atomsPerCell / (ρ·Π aspect))^(1/d).
     */
    public double latticeConstant(double numberDensity) {
        if (!(numberDensity > 0) || !Double.isFinite(numberDensity)) {
            throw new IllegalArgumentException("number density must be positive and finite, got " + numberDensity);
        }
        double shape = 1;
        for (double s : aspect) shape *= s;
        double cellVolume = basis.length / (numberDensity * shape);
        return dimension() == 2 ? Math.sqrt(cellVolume) : Math.cbrt(cellVolume);
    }

    /** The kind with this job-file label (case-insensitive). */
    public static LatticeKind fromLabel(String label) {
        for (LatticeKind k : values()) {
            if (k.label.equals(label == null ? null : label.toLowerCase(Locale.ROOT))) return k;
        }
        throw new IllegalArgumentException("lattice kind must be one of sc|bcc|fcc|square|triangular, got '" + label + "'");
    }
}
