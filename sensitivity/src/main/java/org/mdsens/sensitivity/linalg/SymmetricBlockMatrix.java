package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * A sparse symmetric matrix of n × n blocks of size b × b (order n·b), stored as its diagonal blocks and its
 * strictly upper block triangle in block-CSR form: what the block preconditioners factor.
 *
 * <p>Layout: {@code diagonal[b²·i ..]} is block A_ii, row-major (symmetric); block row i of the upper triangle holds
 * the columns {@code columns[offsets[i] .. offsets[i+1])}, strictly greater than i and ascending, with block A_ij at
 * {@code upper[b²·e ..]}, row-major; A_ji = A_ijᵀ is implied. Vectors are blocked the same way: component c of
 * block i is entry b·i + c.
 *
 * <p>Immutable: arrays are copied in (the constructor validates them); {@link #multiply} allocates nothing and is
 * thread-safe.
 */
public final class SymmetricBlockMatrix {

    private final int blockSize;
    private final int blocks;
    private final int[] offsets;
    private final int[] columns;
    private final double[] upper;
    private final double[] diagonal;

    /**
     * @param blockSize b ≥ 1
     * @param offsets   upper-triangle row offsets, length n + 1, non-decreasing from 0
     * @param columns   block columns, length offsets[n], each row strictly above its index and ascending
     * @param upper     upper blocks, b² per column entry, row-major, finite
     * @param diagonal  diagonal blocks, b² per block row, row-major, finite and symmetric
     */
    public SymmetricBlockMatrix(int blockSize, int[] offsets, int[] columns, double[] upper, double[] diagonal) {
        if (blockSize < 1) throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        if (offsets.length < 1 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must start with 0, got "
                    + (offsets.length == 0 ? "an empty array" : offsets[0]));
        }
        int n = offsets.length - 1;
        int bb = blockSize * blockSize;
        int m = offsets[n];
        if (columns.length != m || upper.length != bb * m || diagonal.length != bb * n) {
            throw new IllegalArgumentException("array lengths must be columns " + m + ", upper " + bb * m
                    + ", diagonal " + bb * n + ", got " + columns.length + ", " + upper.length + ", " + diagonal.length);
        }
        // one small method per check (each compiled once as an ordinary method, where this constructor, run once per
        // matrix, was on-stack-replaced at its loops); the same checks in the same order
        for (int i = 0; i < n; i++) {
            checkRow(offsets, columns, i, n);
            checkSymmetric(diagonal, i, blockSize);
        }
        checkFinite(upper, "upper blocks");
        checkFinite(diagonal, "diagonal blocks");
        this.blockSize = blockSize;
        this.blocks = n;
        this.offsets = offsets.clone();
        this.columns = columns.clone();
        this.upper = upper.clone();
        this.diagonal = diagonal.clone();
    }

    /** Row i: offsets non-decreasing, columns in (i, n) and ascending. */
    private static void checkRow(int[] offsets, int[] columns, int i, int n) {
        if (offsets[i + 1] < offsets[i]) {
            throw new IllegalArgumentException("offsets must be non-decreasing, got " + offsets[i] + " then "
                    + offsets[i + 1] + " at row " + i);
        }
        for (int e = offsets[i]; e < offsets[i + 1]; e++) {
            int j = columns[e];
            if (j <= i || j >= n || (e > offsets[i] && j <= columns[e - 1])) {
                throw new IllegalArgumentException("columns of row " + i + " must be in (" + i + ", " + n
                        + ") and ascending, got " + j);
            }
        }
    }

    /** Diagonal block i equals its transpose, entry by entry. */
    private static void checkSymmetric(double[] diagonal, int i, int blockSize) {
        int bb = blockSize * blockSize;
        for (int r = 1; r < blockSize; r++) {
            for (int c = 0; c < r; c++) {
                double a = diagonal[bb * i + r * blockSize + c], t = diagonal[bb * i + c * blockSize + r];
                if (a != t) {
                    throw new IllegalArgumentException("diagonal block " + i + " must be symmetric, got " + a
                            + " and " + t);
                }
            }
        }
    }

    /** Every entry finite. */
    private static void checkFinite(double[] values, String what) {
        for (double v : values) if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be finite, got " + v);
    }

    /** @return the block size b */
    public int blockSize() { return blockSize; }

    /** @return the number of block rows n */
    public int blockCount() { return blocks; }

    /** @return the matrix order n·b */
    public int order() { return blocks * blockSize; }

    /** @return the number of stored upper blocks */
    public int upperBlockCount() { return offsets[blocks]; }

    /** @return a copy of diagonal block i, row-major */
    public double[] diagonalBlock(int i) {
        int bb = blockSize * blockSize;
        return Arrays.copyOfRange(diagonal, bb * i, bb * (i + 1));
    }

    int[] offsetsRef() { return offsets; }

    int[] columnsRef() { return columns; }

    double[] upperRef() { return upper; }

    double[] diagonalRef() { return diagonal; }

    /**
     * out = A·v.
     *
     * @param v   length n·b (not modified)
     * @param out length n·b, overwritten; not the same array as {@code v}
     */
    public void multiply(double[] v, double[] out) {
        int len = order();
        if (v.length != len || out.length != len) {
            throw new IllegalArgumentException("vector lengths must be " + len + ", got " + v.length + " and " + out.length);
        }
        if (v == out) throw new IllegalArgumentException("out must not be the same array as v");
        final int b = blockSize, bb = b * b;
        for (int i = 0; i < blocks; i++) {
            int bi = b * i;
            for (int r = 0; r < b; r++) {
                double s = 0;
                for (int c = 0; c < b; c++) s += diagonal[bb * i + r * b + c] * v[bi + c];
                out[bi + r] = s;
            }
        }
        for (int i = 0; i < blocks; i++) {
            int bi = b * i;
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                int bj = b * columns[e];
                int o = bb * e;
                for (int r = 0; r < b; r++) {
                    double s = 0;
                    for (int c = 0; c < b; c++) {
                        double a = upper[o + r * b + c];
                        s += a * v[bj + c];
                        out[bj + c] += a * v[bi + r];
                    }
                    out[bi + r] += s;
                }
            }
        }
    }

    @Override public String toString() {
        return "SymmetricBlockMatrix[b=" + blockSize + ", n=" + blocks + ", upper blocks=" + upperBlockCount() + "]";
    }
}
