package org.mdsens.md.space;

import java.util.Arrays;

/**
 * The simulation cell: owns the minimum-image convention and wrapping, so no other code asks
 * "is it periodic?".
 *
 * <p>Kernels that need the minimum image in a hot loop read {@link #imageLengths()} and
 * {@link #inverseImageLengths()} once and apply {@link #minimumImage(double, double, double)} per
 * component: for a periodic axis the length is L, for an open axis it is 0, which makes the same
 * branch-free formula the identity. 2D and 3D through {@link #dimension()}.
 */
public sealed interface Box permits Box.Periodic, Box.Open {

    /** Spatial dimension, 2 or 3. */
    int dimension();

    /** Volume (area in 2D) of a periodic cell; {@code Double.NaN} for open boundaries. */
    double volume();

    /** Per-axis image lengths (L for periodic axes, 0 for open axes); a fresh copy. */
    double[] imageLengths();

    /** Per-axis inverse image lengths (1/L, or 0 for open axes); a fresh copy. */
    double[] inverseImageLengths();

    /**
     * Minimum image of one displacement component: {@code d - L·rint(d/L)}; the identity when
     * {@code length == 0} (open axis).
     */
    static double minimumImage(double d, double length, double inverseLength) {
        return d - length * Math.rint(d * inverseLength);
    }

    /** Applies the minimum image in place to {@code delta[offset .. offset+dimension)}. */
    void minimumImage(double[] delta, int offset);

    /** Wraps xyz-interleaved positions (length d·N) into the primary cell; no-op when open. */
    void wrap(double[] positions);

    /** Returns a box of the same kind with every length multiplied by {@code factor} (open: itself). */
    Box scaled(double factor);

    /** An orthorhombic periodic cell [0, L_0) × ... × [0, L_{d-1}). */
    record Periodic(double[] lengths) implements Box {
        public Periodic {
            if (lengths == null || (lengths.length != 2 && lengths.length != 3)) {
                throw new IllegalArgumentException("box lengths must have 2 or 3 entries, got "
                        + (lengths == null ? "null" : Arrays.toString(lengths)));
            }
            for (double l : lengths) {
                if (!(l > 0) || !Double.isFinite(l)) {
                    throw new IllegalArgumentException("box lengths must be positive and finite, got "
                            + Arrays.toString(lengths));
                }
            }
            lengths = lengths.clone();
        }

        /** A square (2D) or cubic (3D) periodic cell of side {@code length}. */
        public static Periodic cube(int dimension, double length) {
            double[] l = new double[dimension];
            Arrays.fill(l, length);
            return new Periodic(l);
        }

        @Override public double[] lengths() { return lengths.clone(); }
        public double length(int axis) { return lengths[axis]; }
        @Override public int dimension() { return lengths.length; }

        @Override public double volume() {
            double v = 1;
            for (double l : lengths) v *= l;
            return v;
        }

        @Override public double[] imageLengths() { return lengths.clone(); }

        @Override public double[] inverseImageLengths() {
            double[] inv = new double[lengths.length];
            for (int a = 0; a < inv.length; a++) inv[a] = 1.0 / lengths[a];
            return inv;
        }

        @Override public void minimumImage(double[] delta, int offset) {
            for (int a = 0; a < lengths.length; a++) {
                delta[offset + a] = Box.minimumImage(delta[offset + a], lengths[a], 1.0 / lengths[a]);
            }
        }

        @Override public void wrap(double[] positions) {
            int d = lengths.length;
            for (int i = 0; i < positions.length; i++) {
                double l = lengths[i % d];
                double x = positions[i] - l * Math.floor(positions[i] / l);
                positions[i] = x >= l ? x - l : x; // floor round-off can land exactly on L
            }
        }

        @Override public Box scaled(double factor) {
            double[] l = lengths.clone();
            for (int a = 0; a < l.length; a++) l[a] *= factor;
            return new Periodic(l);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Periodic p && Arrays.equals(lengths, p.lengths);
        }

        @Override public int hashCode() { return Arrays.hashCode(lengths); }

        @Override public String toString() { return "Periodic" + Arrays.toString(lengths); }
    }

    /** Open (free) boundaries in every direction: no images, no wrapping, no volume. */
    record Open(int dimension) implements Box {
        public Open {
            if (dimension != 2 && dimension != 3) {
                throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
            }
        }

        @Override public double volume() { return Double.NaN; }
        @Override public double[] imageLengths() { return new double[dimension]; }
        @Override public double[] inverseImageLengths() { return new double[dimension]; }
        @Override public void minimumImage(double[] delta, int offset) { }
        @Override public void wrap(double[] positions) { }
        @Override public Box scaled(double factor) { return this; }
    }
}
