package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * Block incomplete Cholesky IC(0) of a {@link SymmetricBlockMatrix}: M = Uᵀ D U ≈ A with U unit upper block
 * triangular on the block pattern of A (no fill-in) and D block diagonal, applied as z = U⁻¹ D⁻¹ U⁻ᵀ r (two sparse
 * triangular sweeps and the d×d pivot inverses). With fill level 1 (IC(1)) the pattern is first widened by every
 * block (j, l) that two blocks (i, j), (i, l) of one row of A would fill in; the factorization below then runs
 * unchanged on the wider pattern (paper packing, N = 16384: 3.5 instead of 2.4 blocks per row of U, a fifth fewer CG
 * iterations in the two-level preconditioner).
 *
 * <p>Factorization (right-looking, row by row in the chosen order): the pivot D_i is the current diagonal block; with
 * W_ij the current upper block, U_ij = D_i⁻¹ W_ij; then D_j −= W_ijᵀ U_ij for every j in row i and
 * W_jl −= W_ijᵀ U_il for every pair j &lt; l of row i whose block (j, l) is in the pattern (updates outside the
 * pattern are dropped).
 *
 * <p>Breakdown. IC(0) of a positive semi-definite matrix may meet a pivot block that is not positive definite
 * (non-M-matrices, such as Hessians with tensile pair terms, or a singular matrix whose null space the pattern
 * cannot represent). A pivot counts as broken when a Cholesky pivot of D_i falls to {@value #PIVOT_FLOOR} times the
 * corresponding diagonal entry of A or below. The factorization then restarts on A + α·diag(A) (Manteuffel's
 * shift) with α = {@value #FIRST_SHIFT}, ×{@value #SHIFT_GROWTH} per retry, at most {@value #MAX_ATTEMPTS}
 * attempts; {@link #shift()} and {@link #attempts()} report what was needed. If even the largest shift fails the
 * constructor throws {@link IllegalStateException} (callers fall back to block-Jacobi).
 *
 * <p>Ordering. IC(0) depends on the order of the block rows; with {@link Ordering#REVERSE_CUTHILL_MCKEE} the matrix is
 * permuted first (vectors are permuted in and out of each application, O(n)), which for particle Hessians in random
 * input order gives a markedly better preconditioner than the natural order.
 *
 * <p>Layout: for b = 2 the rows of U and Uᵀ are stored with a fixed width of {@value #PAD} blocks plus an overflow
 * (see {@link Padded2}), so that the sweeps run without a data-dependent loop exit per row. The row kernels are small
 * static methods that the JIT inlines, and the sweeps of the default path (IC(1) fused with the two-level coarse
 * transfer) have them written into their loops (see {@code applyWithTentativeWide}): with a call per row, the fused
 * preconditioner took about 40 % longer.
 *
 * <p>Memory: one b² block per stored upper block and per block row (plus the permutation). Not thread-safe (a work
 * vector): one instance per thread. Reference: Saad, <i>Iterative Methods for Sparse Linear Systems</i> (2003),
 * §10.3; Manteuffel, Math. Comp. 34, 473–497 (1980); George &amp; Liu, <i>Computer Solution of Large Sparse
 * Positive Definite Systems</i> (1981) for RCM.
 */
public final class IncompleteCholeskyPreconditioner implements Preconditioner {

    /** Relative size at or below which a Cholesky pivot of a pivot block counts as a breakdown. */
    public static final double PIVOT_FLOOR = 1e-8;
    /** The first diagonal shift α tried after a breakdown. */
    public static final double FIRST_SHIFT = 1e-4;
    /** Factor by which α grows per retry. */
    public static final double SHIFT_GROWTH = 4.0;
    /** The most factorization attempts (the first is unshifted). */
    public static final int MAX_ATTEMPTS = 12;

    /** Block-row orderings for the factorization. */
    public enum Ordering {
        /** The matrix's own order. */
        NATURAL,
        /** Reverse Cuthill–McKee on the block graph (bandwidth-reducing; George–Liu pseudo-peripheral start). */
        REVERSE_CUTHILL_MCKEE
    }

    private final int b;
    private final int n;
    private final int[] perm;       // new → old, or null
    private final int[] offsets;
    private final int[] columns;
    private final double[] u;       // U_ij, b² per entry (null for b = 2: see backward)
    private final int[] lowerOffsets;   // Uᵀ by rows: the entries (k, i), k < i, of column i of U
    private final int[] lowerColumns;   // k
    private final double[] lowerU;      // U_ki, b² each (not transposed; null for b = 2: see forward)
    private final Padded2 forward;      // b = 2: rows of Uᵀ, padded to PAD entries
    private final Padded2 backward;     // b = 2: rows of U, padded to PAD entries
    private final double[] pivotInverse;
    private final double[] work;
    private final double shift;
    private final int attempts;
    private final Ordering ordering;
    private final double relaxation;
    private final int fillLevel;

    /** IC(0) in reverse Cuthill–McKee order. */
    public IncompleteCholeskyPreconditioner(SymmetricBlockMatrix a) {
        this(a, Ordering.REVERSE_CUTHILL_MCKEE);
    }

    /**
     * @param a        the matrix (symmetric; positive semi-definite for a useful preconditioner)
     * @param ordering the block-row order of the factorization
     * @throws IllegalStateException when no shift up to the largest makes the factorization succeed
     */
    public IncompleteCholeskyPreconditioner(SymmetricBlockMatrix a, Ordering ordering) {
        this(a, ordering, 0.0);
    }

    /**
     * @param a          the matrix (symmetric; positive semi-definite for a useful preconditioner)
     * @param ordering   the block-row order of the factorization
     * @param relaxation ω in [0, 1): the symmetric part of every dropped update is also subtracted, times ω, from the
     *                   two diagonal blocks it would have coupled (relaxed modified IC, which keeps M close to A on
     *                   smooth vectors); 0 for plain IC(0)
     * @throws IllegalStateException when no diagonal shift up to the largest makes the factorization succeed
     */
    public IncompleteCholeskyPreconditioner(SymmetricBlockMatrix a, Ordering ordering, double relaxation) {
        this(a, ordering, relaxation, 0);
    }

    /**
     * @param a          the matrix (symmetric; positive semi-definite for a useful preconditioner)
     * @param ordering   the block-row order of the factorization
     * @param relaxation as in {@link #IncompleteCholeskyPreconditioner(SymmetricBlockMatrix, Ordering, double)}
     * @param fillLevel  0 for IC(0) on the pattern of A, 1 for IC(1): the pattern also holds every block (j, l) that
     *                   two entries (i, j), (i, l) of one row of A fill in ({@link #levelOneFill})
     * @throws IllegalStateException when no diagonal shift up to the largest makes the factorization succeed
     */
    public IncompleteCholeskyPreconditioner(SymmetricBlockMatrix a, Ordering ordering, double relaxation,
                                            int fillLevel) {
        this(a, ordering, relaxation, fillLevel, false);
    }

    /**
     * As {@link #IncompleteCholeskyPreconditioner(SymmetricBlockMatrix, Ordering, double, int)}; with {@code generic}
     * the factorization runs the loops for any b even when b = 2 (the reference the written-out 2×2 version is tested
     * against).
     */
    IncompleteCholeskyPreconditioner(SymmetricBlockMatrix a, Ordering ordering, double relaxation, int fillLevel,
                                     boolean generic) {
        if (fillLevel < 0 || fillLevel > 1) {
            throw new IllegalArgumentException("fillLevel must be 0 or 1, got " + fillLevel);
        }
        if (!(relaxation >= 0 && relaxation < 1)) {
            throw new IllegalArgumentException("relaxation must be in [0, 1), got " + relaxation);
        }
        this.relaxation = relaxation;
        this.fillLevel = fillLevel;
        this.b = a.blockSize();
        this.n = a.blockCount();
        this.ordering = ordering;
        int bb = b * b;
        int[] order = ordering == Ordering.REVERSE_CUTHILL_MCKEE ? reverseCuthillMcKee(a) : null;
        // every stage below is a small static method: each is compiled once as an ordinary method instead of this
        // constructor (run once per sensitivity computation) being on-stack-replaced at one loop after another
        int[] inverse = order == null ? null : inversePermutation(order);
        // the permuted upper pattern, rows ascending
        int[] aOff = a.offsetsRef(), aCol = a.columnsRef();
        double[] aUp = a.upperRef(), aDiag = a.diagonalRef();
        int m = aOff[n];
        int[] off = permutedOffsets(aOff, aCol, inverse, n);
        int[] col = new int[m];
        double[] w0 = new double[bb * m];
        permutedUpper(aOff, aCol, aUp, inverse, b, off, col, w0);
        sortRows(off, col, w0, bb);
        if (fillLevel == 1) {
            Pattern filled = levelOneFill(n, off, col, w0, bb);
            off = filled.offsets;
            col = filled.columns;
            w0 = filled.blocks;
            m = off[n];
        }
        double[] d0 = permutedDiagonal(aDiag, order, bb, n);

        double[] uOut = new double[bb * m];
        double[] pivInv = new double[bb * n];
        double alpha = 0;
        int attempt = 0;
        boolean ok = false;
        while (!ok && attempt < MAX_ATTEMPTS) {
            attempt++;
            ok = b == 2 && !generic ? factor2(off, col, w0, d0, alpha, uOut, pivInv)
                    : factor(off, col, w0, d0, alpha, uOut, pivInv);
            if (!ok) alpha = alpha == 0 ? FIRST_SHIFT : alpha * SHIFT_GROWTH;
        }
        if (!ok) {
            throw new IllegalStateException("incomplete Cholesky must succeed with a diagonal shift of at most "
                    + alpha / SHIFT_GROWTH + ", got a breakdown in every one of " + MAX_ATTEMPTS + " attempts");
        }
        this.perm = order;
        this.offsets = off;
        this.columns = col;
        this.u = b == 2 ? null : uOut;
        this.pivotInverse = pivInv;
        // the transposed pattern, for a forward sweep that gathers instead of scattering
        int[] lo = columnOffsets(col, n);
        int[] lc = new int[m];
        double[] lu = new double[bb * m];
        transposeEntries(off, col, uOut, bb, lo, lc, lu);
        this.lowerOffsets = lo;
        this.lowerColumns = lc;
        this.lowerU = b == 2 ? null : lu;
        int width = fillLevel == 1 ? WIDE_PAD : PAD;
        this.forward = b == 2 ? new Padded2(lo, lc, lu, n, width) : null;
        this.backward = b == 2 ? new Padded2(off, col, uOut, n, width) : null;
        this.shift = alpha;
        this.attempts = attempt;
        this.work = new double[b * n];
    }

    /**
     * Entries per row of the padded sweeps. 2D packings have about 2.45 per row on average in RCM order (paper packing,
     * N = 16384: 7 % of the rows of U with at most 1 entry, 47 % with 2, 41 % with 3, 5 % with 4 or more), so three
     * slots hold 95 % of the rows whole; a fourth slot would cost every row a block of multiply-adds by zero.
     */
    static final int PAD = 3;

    /**
     * Entries per row of the padded sweeps with level-1 fill (paper packing, N = 16384: 91 % of the rows of U with
     * at most 4 entries, 3.5 on average).
     */
    static final int WIDE_PAD = 4;

    /**
     * Rows of 2×2 blocks in a fixed-width layout for the b = 2 sweeps: the first {@value #PAD} entries of each row
     * at {@code col[PAD·i ..]}, {@code val[4·PAD·i ..]} (unused slots: column 0, zero block), the rest in CSR
     * {@code overflowOffsets}/{@code overflowColumns}/{@code overflowValues}. The fixed part runs without a data-dependent
     * loop exit per row (a mispredicted branch costs more than the padding's multiply-adds by zero).
     */
    static final class Padded2 {
        final int pad;
        final int[] col;
        final double[] val;
        final int[] overflowOffsets;
        final int[] overflowColumns;
        final double[] overflowValues;

        Padded2(int[] off, int[] columns, double[] values, int n) {
            this(off, columns, values, n, PAD);
        }

        Padded2(int[] off, int[] columns, double[] values, int n, int width) {
            final int PAD = width;
            pad = width;
            col = new int[PAD * n];
            val = new double[4 * PAD * n];
            overflowOffsets = new int[n + 1];
            for (int i = 0; i < n; i++) overflowOffsets[i + 1] = overflowOffsets[i] + Math.max(0, off[i + 1] - off[i] - PAD);
            overflowColumns = new int[overflowOffsets[n]];
            overflowValues = new double[4 * overflowOffsets[n]];
            for (int i = 0; i < n; i++) {
                int t = 0;
                for (int e = off[i]; e < off[i + 1]; e++, t++) {
                    if (t < PAD) {
                        col[PAD * i + t] = columns[e];
                        System.arraycopy(values, 4 * e, val, 4 * (PAD * i + t), 4);
                    } else {
                        int at = overflowOffsets[i] + t - PAD;
                        overflowColumns[at] = columns[e];
                        System.arraycopy(values, 4 * e, overflowValues, 4 * at, 4);
                    }
                }
            }
        }
    }

    /** new → old to old → new. */
    private static int[] inversePermutation(int[] order) {
        int[] inverse = new int[order.length];
        for (int p = 0; p < order.length; p++) inverse[order[p]] = p;
        return inverse;
    }

    /** Row offsets of the upper pattern permuted by inverse (old → new, or null). */
    private static int[] permutedOffsets(int[] aOff, int[] aCol, int[] inverse, int n) {
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                int p = inverse == null ? i : inverse[i], q = inverse == null ? aCol[e] : inverse[aCol[e]];
                off[Math.min(p, q) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) off[i + 1] += off[i];
        return off;
    }

    /** The permuted upper blocks (transposed where the permutation swaps row and column), unsorted within rows. */
    private static void permutedUpper(int[] aOff, int[] aCol, double[] aUp, int[] inverse, int b, int[] off, int[] col,
                                      double[] w0) {
        int n = off.length - 1, bb = b * b;
        int[] fill = Arrays.copyOf(off, n);
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                int p = inverse == null ? i : inverse[i], q = inverse == null ? aCol[e] : inverse[aCol[e]];
                int row = Math.min(p, q);
                int at = fill[row]++;
                col[at] = Math.max(p, q);
                if (p < q) {
                    System.arraycopy(aUp, bb * e, w0, bb * at, bb);
                } else {
                    transposeBlock(aUp, bb * e, w0, bb * at, b);
                }
            }
        }
    }

    /** to[toAt ..] = from[fromAt ..]ᵀ (b × b, row-major). */
    private static void transposeBlock(double[] from, int fromAt, double[] to, int toAt, int b) {
        for (int r = 0; r < b; r++) for (int c = 0; c < b; c++) to[toAt + r * b + c] = from[fromAt + c * b + r];
    }

    /** The diagonal blocks in the new order. */
    private static double[] permutedDiagonal(double[] aDiag, int[] order, int bb, int n) {
        double[] d0 = new double[bb * n];
        for (int p = 0; p < n; p++) System.arraycopy(aDiag, bb * (order == null ? p : order[p]), d0, bb * p, bb);
        return d0;
    }

    /** Row offsets of the transposed pattern (entries per column). */
    private static int[] columnOffsets(int[] col, int n) {
        int[] lo = new int[n + 1];
        for (int e = 0; e < col.length; e++) lo[col[e] + 1]++;
        for (int i = 0; i < n; i++) lo[i + 1] += lo[i];
        return lo;
    }

    /** Uᵀ by rows: lc, lu at the offsets lo, each column's entries by increasing row. */
    private static void transposeEntries(int[] off, int[] col, double[] uOut, int bb, int[] lo, int[] lc, double[] lu) {
        int n = off.length - 1;
        int[] lf = Arrays.copyOf(lo, n);
        for (int i = 0; i < n; i++) {
            for (int e = off[i]; e < off[i + 1]; e++) {
                int at = lf[col[e]]++;
                lc[at] = i;
                System.arraycopy(uOut, bb * e, lu, bb * at, bb);
            }
        }
    }

    /** One factorization of A + α·diag(A); false on a breakdown. */
    private boolean factor(int[] off, int[] col, double[] w0, double[] d0, double alpha, double[] uOut, double[] pivInv) {
        final int bb = b * b;
        double[] w = w0.clone();
        double[] d = d0.clone();
        if (alpha != 0) shiftDiagonal(d, alpha);
        double[] scratch = new double[bb];
        double[] dropped = new double[bb];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            if (!SmallBlocks.invertSpd(d, bb * i, b, pivInv, bb * i, d0, bb * i, PIVOT_FLOOR, scratch)) return false;
            int start = off[i], end = off[i + 1];
            scaleRow(i, start, end, pivInv, w, uOut);
            for (int e = start; e < end; e++) eliminate(e, end, off, col, w, d, uOut, mark, dropped);
        }
        return true;
    }

    /**
     * {@link #factor} for b = 2 with the block loops written out: the same operations in the same order (each sum
     * starts from 0.0 as the generic loops' do, which matters only for the sign of a zero), so the factors are the
     * same bits; about twice as fast, since the generic loops run over a field b that the compiler cannot unroll.
     */
    private boolean factor2(int[] off, int[] col, double[] w0, double[] d0, double alpha, double[] uOut, double[] pivInv) {
        double[] w = w0.clone();
        double[] d = d0.clone();
        if (alpha != 0) shiftDiagonal(d, alpha);
        double[] dropped = new double[4];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            if (!invert2(d, 4 * i, pivInv, d0)) return false;
            int start = off[i], end = off[i + 1];
            scaleRow2(i, start, end, pivInv, w, uOut);
            for (int e = start; e < end; e++) eliminate2(e, end, off, col, w, d, uOut, mark, dropped);
        }
        return true;
    }

    /**
     * {@link SmallBlocks#invertSpd} for b = 2 with {@link #PIVOT_FLOOR}, written out (same operations, same order):
     * pivInv[at ..] = d[at ..]⁻¹ through its Cholesky factor; false on a breakdown against the reference d0[at ..].
     */
    private static boolean invert2(double[] d, int at, double[] pivInv, double[] d0) {
        double s = d[at];
        if (!(s > PIVOT_FLOOR * Math.abs(d0[at])) || !(s > 0)) return false;
        double l00 = Math.sqrt(s);
        double l10 = d[at + 2] / l00;
        s = d[at + 3];
        s -= l10 * l10;
        if (!(s > PIVOT_FLOOR * Math.abs(d0[at + 3])) || !(s > 0)) return false;
        double l11 = Math.sqrt(s);
        // column 0: L y = e_0, then Lᵀ x = y
        double t = 1.0;
        double i00 = t / l00;
        t = 0.0;
        t -= l10 * i00;
        double i10 = t / l11;
        i10 = i10 / l11;
        t = i00;
        t -= l10 * i10;
        i00 = t / l00;
        // column 1
        t = 0.0;
        double i01 = t / l00;
        t = 1.0;
        t -= l10 * i01;
        double i11 = t / l11;
        i11 = i11 / l11;
        t = i01;
        t -= l10 * i11;
        i01 = t / l00;
        double m = 0.5 * (i10 + i01);
        pivInv[at] = i00;
        pivInv[at + 1] = m;
        pivInv[at + 2] = m;
        pivInv[at + 3] = i11;
        return true;
    }

    /** {@link #scaleRow} for b = 2, written out. */
    private static void scaleRow2(int i, int start, int end, double[] pivInv, double[] w, double[] uOut) {
        int o = 4 * i;
        double p00 = pivInv[o], p01 = pivInv[o + 1], p10 = pivInv[o + 2], p11 = pivInv[o + 3];
        for (int e = start; e < end; e++) {
            int q = 4 * e;
            double w00 = w[q], w01 = w[q + 1], w10 = w[q + 2], w11 = w[q + 3];
            uOut[q] = 0.0 + p00 * w00 + p01 * w10;
            uOut[q + 1] = 0.0 + p00 * w01 + p01 * w11;
            uOut[q + 2] = 0.0 + p10 * w00 + p11 * w10;
            uOut[q + 3] = 0.0 + p10 * w01 + p11 * w11;
        }
    }

    /** {@link #eliminate} for b = 2, written out. */
    private void eliminate2(int e, int end, int[] off, int[] col, double[] w, double[] d, double[] uOut, int[] mark,
                            double[] dropped) {
        int j = col[e];
        int q = 4 * e;
        double a00 = w[q], a01 = w[q + 1], a10 = w[q + 2], a11 = w[q + 3];
        subtractTransposeProduct2(a00, a01, a10, a11, uOut, q, d, 4 * j);
        if (e + 1 == end) return;
        for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = s;
        for (int f = e + 1; f < end; f++) {
            int s = mark[col[f]];
            if (s >= 0) {
                subtractTransposeProduct2(a00, a01, a10, a11, uOut, 4 * f, w, 4 * s);
            } else if (relaxation != 0) {
                relaxDropped(e, f, j, col, w, d, uOut, dropped);
            }
        }
        for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = -1;
    }

    /** {@link #subtractTransposeProduct} for b = 2: c[cAt ..] −= Aᵀ · x[xAt ..], A = [a00 a01; a10 a11]. */
    private static void subtractTransposeProduct2(double a00, double a01, double a10, double a11, double[] x, int xAt,
                                                  double[] c, int cAt) {
        double x00 = x[xAt], x01 = x[xAt + 1], x10 = x[xAt + 2], x11 = x[xAt + 3];
        c[cAt] -= 0.0 + a00 * x00 + a10 * x10;
        c[cAt + 1] -= 0.0 + a00 * x01 + a10 * x11;
        c[cAt + 2] -= 0.0 + a01 * x00 + a11 * x10;
        c[cAt + 3] -= 0.0 + a01 * x01 + a11 * x11;
    }

    /** D_ii ← (1 + α) D_ii on the diagonal entries of every pivot block. */
    private void shiftDiagonal(double[] d, double alpha) {
        final int bb = b * b;
        for (int i = 0; i < n; i++) for (int c = 0; c < b; c++) d[bb * i + c * b + c] *= 1 + alpha;
    }

    /** U_ij = D_i⁻¹ W_ij for the entries start .. end of row i. */
    private void scaleRow(int i, int start, int end, double[] pivInv, double[] w, double[] uOut) {
        final int bb = b * b;
        for (int e = start; e < end; e++) {
            for (int r = 0; r < b; r++) {
                for (int c = 0; c < b; c++) {
                    double s = 0;
                    for (int k = 0; k < b; k++) s += pivInv[bb * i + r * b + k] * w[bb * e + k * b + c];
                    uOut[bb * e + r * b + c] = s;
                }
            }
        }
    }

    /**
     * The updates by entry e = (i, j) of row i (which ends at end): D_j −= W_ijᵀ U_ij, and W_jl −= W_ijᵀ U_il for the
     * later entries l of the row that are in row j's pattern (the others dropped, or relaxed onto D_j and D_l).
     */
    private void eliminate(int e, int end, int[] off, int[] col, double[] w, double[] d, double[] uOut, int[] mark,
                           double[] dropped) {
        final int bb = b * b;
        int j = col[e];
        subtractTransposeProduct(w, bb * e, uOut, bb * e, d, bb * j);
        if (e + 1 == end) return;
        for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = s;
        for (int f = e + 1; f < end; f++) {
            int s = mark[col[f]];
            if (s >= 0) {
                subtractTransposeProduct(w, bb * e, uOut, bb * f, w, bb * s);
            } else if (relaxation != 0) {
                relaxDropped(e, f, j, col, w, d, uOut, dropped);
            }
        }
        for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = -1;
    }

    /** The symmetric part of the dropped update F = −W_ijᵀ U_il, times ω, subtracted from D_j and D_l. */
    private void relaxDropped(int e, int f, int j, int[] col, double[] w, double[] d, double[] uOut, double[] dropped) {
        final int bb = b * b;
        java.util.Arrays.fill(dropped, 0.0);
        subtractTransposeProduct(w, bb * e, uOut, bb * f, dropped, 0);   // dropped = −F
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < b; c++) {
                double sym = 0.5 * relaxation * (dropped[r * b + c] + dropped[c * b + r]);
                d[bb * j + r * b + c] += sym;
                d[bb * col[f] + r * b + c] += sym;
            }
        }
    }

    /** c[cAt ..] −= a[aAt ..]ᵀ · x[xAt ..] (b×b blocks). */
    private void subtractTransposeProduct(double[] a, int aAt, double[] x, int xAt, double[] c, int cAt) {
        for (int r = 0; r < b; r++) {
            for (int q = 0; q < b; q++) {
                double s = 0;
                for (int k = 0; k < b; k++) s += a[aAt + k * b + r] * x[xAt + k * b + q];
                c[cAt + r * b + q] -= s;
            }
        }
    }

    /** An upper block pattern with its blocks (CSR, rows ascending). */
    private record Pattern(int[] offsets, int[] columns, double[] blocks) { }

    /**
     * The IC(1) pattern: the sorted upper pattern (off, col) plus, for every row i and every two of its columns
     * j &lt; l, the block (j, l) (fill of level 1, from two original entries); new blocks are zero.
     */
    private static Pattern levelOneFill(int n, int[] off, int[] col, double[] w0, int bb) {
        // row j's new columns, collected per row via a linked list of (row, column) pairs
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            int len = off[i + 1] - off[i];
            pairs += len * (len - 1) / 2;
        }
        int[] head = new int[n];
        Arrays.fill(head, -1);
        int[] next = new int[pairs];
        int[] target = new int[pairs];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = col[e];
                for (int f = e + 1; f < off[i + 1]; f++) {
                    target[at] = col[f];
                    next[at] = head[j];
                    head[j] = at++;
                }
            }
        }
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] newOff = new int[n + 1];
        for (int j = 0; j < n; j++) {
            int count = 0;
            for (int e = off[j]; e < off[j + 1]; e++) {
                mark[col[e]] = j;
                count++;
            }
            for (int t = head[j]; t >= 0; t = next[t]) {
                if (mark[target[t]] != j) {
                    mark[target[t]] = j;
                    count++;
                }
            }
            newOff[j + 1] = newOff[j] + count;
        }
        Arrays.fill(mark, -1);
        int[] newCol = new int[newOff[n]];
        double[] newBlocks = new double[bb * newOff[n]];
        for (int j = 0; j < n; j++) {
            int w = newOff[j];
            for (int e = off[j]; e < off[j + 1]; e++) {
                mark[col[e]] = j;
                newCol[w] = col[e];
                System.arraycopy(w0, bb * e, newBlocks, bb * w, bb);
                w++;
            }
            for (int t = head[j]; t >= 0; t = next[t]) {
                if (mark[target[t]] != j) {
                    mark[target[t]] = j;
                    newCol[w++] = target[t];
                }
            }
        }
        sortRows(newOff, newCol, newBlocks, bb);
        return new Pattern(newOff, newCol, newBlocks);
    }

    /** Sorts each row's columns ascending, moving the blocks along (insertion sort: rows are short). */
    private static void sortRows(int[] off, int[] col, double[] blocks, int bb) {
        double[] tmp = new double[bb];
        for (int i = 0; i + 1 < off.length; i++) {
            for (int e = off[i] + 1; e < off[i + 1]; e++) {
                int c = col[e];
                System.arraycopy(blocks, bb * e, tmp, 0, bb);
                int f = e - 1;
                while (f >= off[i] && col[f] > c) {
                    col[f + 1] = col[f];
                    System.arraycopy(blocks, bb * f, blocks, bb * (f + 1), bb);
                    f--;
                }
                col[f + 1] = c;
                System.arraycopy(tmp, 0, blocks, bb * (f + 1), bb);
            }
        }
    }

    /** Reverse Cuthill–McKee order (new → old) of the block graph, component by component. */
    static int[] reverseCuthillMcKee(SymmetricBlockMatrix a) {
        int n = a.blockCount();
        int[] aOff = a.offsetsRef(), aCol = a.columnsRef();
        int[] degree = graphDegrees(aOff, aCol, n);
        int[] adjOff = new int[n + 1];
        for (int i = 0; i < n; i++) adjOff[i + 1] = adjOff[i] + degree[i];
        int[] adj = graphAdjacency(aOff, aCol, adjOff, n);
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int[] level = new int[n];
        int placed = 0;
        int[] queue = new int[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) continue;
            int start = pseudoPeripheral(root, adjOff, adj, degree, level, queue);
            placed = cuthillMcKee(start, placed, adjOff, adj, degree, seen, order);
        }
        reverse(order);
        return order;
    }

    /** Neighbours of every block row in the block graph (stored upper blocks, both directions). */
    private static int[] graphDegrees(int[] aOff, int[] aCol, int n) {
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                degree[i]++;
                degree[aCol[e]]++;
            }
        }
        return degree;
    }

    /** The neighbours of every block row at adjOff[i] .., in the order of the stored blocks. */
    private static int[] graphAdjacency(int[] aOff, int[] aCol, int[] adjOff, int n) {
        int[] adj = new int[adjOff[n]];
        int[] fill = Arrays.copyOf(adjOff, n);
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                int j = aCol[e];
                adj[fill[i]++] = j;
                adj[fill[j]++] = i;
            }
        }
        return adj;
    }

    /** Cuthill–McKee BFS of start's component into order[placed ..], neighbours by increasing degree; the new end. */
    private static int cuthillMcKee(int start, int placed, int[] adjOff, int[] adj, int[] degree, boolean[] seen,
                                    int[] order) {
        int head = placed, tail = placed;
        order[tail++] = start;
        seen[start] = true;
        while (head < tail) {
            int v = order[head++];
            int from = tail;
            tail = enqueueUnseen(v, tail, adjOff, adj, seen, order);
            sortByDegree(order, from, tail, degree);
        }
        return tail;
    }

    /** Appends v's unseen neighbours to order at tail, marking them seen; the new tail. */
    private static int enqueueUnseen(int v, int tail, int[] adjOff, int[] adj, boolean[] seen, int[] order) {
        for (int e = adjOff[v]; e < adjOff[v + 1]; e++) {
            int w = adj[e];
            if (!seen[w]) {
                seen[w] = true;
                order[tail++] = w;
            }
        }
        return tail;
    }

    /** Insertion sort of order[from .. tail) by degree (then index, for determinism). */
    private static void sortByDegree(int[] order, int from, int tail, int[] degree) {
        for (int p = from + 1; p < tail; p++) {
            int w = order[p];
            int q = p - 1;
            while (q >= from && (degree[order[q]] > degree[w] || (degree[order[q]] == degree[w] && order[q] > w))) {
                order[q + 1] = order[q];
                q--;
            }
            order[q + 1] = w;
        }
    }

    /** Reverses the array in place. */
    private static void reverse(int[] order) {
        for (int p = 0, q = order.length - 1; p < q; p++, q--) {
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
    }

    /** George–Liu: repeat BFS from the farthest, lowest-degree node of the last level while the depth grows. */
    private static int pseudoPeripheral(int root, int[] adjOff, int[] adj, int[] degree, int[] level, int[] queue) {
        int start = root;
        int depth = -1;
        for (int pass = 0; pass < 8; pass++) {
            // BFS levels from start (level[] reset over the visited set only)
            int head = 0, tail = 0;
            queue[tail++] = start;
            level[start] = 1;
            int last = 1;
            while (head < tail) {
                int v = queue[head++];
                last = level[v];
                for (int e = adjOff[v]; e < adjOff[v + 1]; e++) {
                    int w = adj[e];
                    if (level[w] == 0) {
                        level[w] = level[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            int best = start;
            for (int p = 0; p < tail; p++) {
                int v = queue[p];
                if (level[v] == last && (best == start || degree[v] < degree[best])) best = v;
            }
            for (int p = 0; p < tail; p++) level[queue[p]] = 0;
            if (last <= depth) break;
            depth = last;
            start = best;
        }
        return start;
    }

    /** @return the diagonal shift α of the successful factorization (0 when none was needed) */
    public double shift() { return shift; }

    /** @return factorization attempts (1 when the unshifted one succeeded) */
    public int attempts() { return attempts; }

    /** @return the block-row ordering used */
    public Ordering ordering() { return ordering; }

    @Override public void apply(double[] r, double[] z) {
        final int bb = b * b;
        final double[] y = work;
        final int[] off = offsets, col = columns;
        final double[] uu = u;
        final int[] pm = perm;
        if (pm == null) {
            System.arraycopy(r, 0, y, 0, b * n);
        } else if (b == 2) {
            for (int p = 0; p < n; p++) {
                int o = 2 * pm[p];
                y[2 * p] = r[o];
                y[2 * p + 1] = r[o + 1];
            }
        } else {
            for (int p = 0; p < n; p++) for (int c = 0; c < b; c++) y[b * p + c] = r[b * pm[p] + c];
        }
        if (b == 2) {
            apply2(y);
        } else {
            // Uᵀ a = r (forward, column-oriented)
            for (int i = 0; i < n; i++) {
                for (int e = off[i]; e < off[i + 1]; e++) {
                    int j = col[e];
                    for (int c = 0; c < b; c++) {
                        double s = 0;
                        for (int k = 0; k < b; k++) s += uu[bb * e + k * b + c] * y[b * i + k];
                        y[b * j + c] -= s;
                    }
                }
            }
            // D⁻¹, then U z = y (backward)
            double[] t = z; // z as scratch for one block
            for (int i = n - 1; i >= 0; i--) {
                SmallBlocks.multiply(pivotInverse, bb * i, b, y, b * i, t, 0);
                for (int c = 0; c < b; c++) y[b * i + c] = t[c];
                for (int e = off[i]; e < off[i + 1]; e++) {
                    int j = col[e];
                    for (int r2 = 0; r2 < b; r2++) {
                        double s = 0;
                        for (int k = 0; k < b; k++) s += uu[bb * e + r2 * b + k] * y[b * j + k];
                        y[b * i + r2] -= s;
                    }
                }
            }
        }
        if (pm == null) {
            System.arraycopy(y, 0, z, 0, b * n);
        } else if (b == 2) {
            for (int p = 0; p < n; p++) {
                int o = 2 * pm[p];
                z[o] = y[2 * p];
                z[o + 1] = y[2 * p + 1];
            }
        } else {
            for (int p = 0; p < n; p++) for (int c = 0; c < b; c++) z[b * pm[p] + c] = y[b * p + c];
        }
    }

    /**
     * The factors for b = 2, for tests: {D⁻¹ blocks, the padded rows of U, their overflow, the padded rows of Uᵀ, their
     * overflow}.
     */
    double[][] factors2() {
        return new double[][] {pivotInverse, backward.val, backward.overflowValues, forward.val, forward.overflowValues};
    }

    /** The block-row order of the factorization (new → old), or null for the natural order. */
    int[] orderRef() { return perm; }

    /** @return the number of block rows */
    int blockCount() { return n; }

    /** @return the block size b */
    int blockSize() { return b; }

    /** The coarse step of {@link #applyWithCoarse2}: y ← E⁻¹ y in place. */
    interface CoarseSolve {
        void solve(double[] y);
    }

    /**
     * z = M⁻¹ r + P E⁻¹ Pᵀ r for b = 2 and three coarse vectors per aggregate, fused into the two sweeps: the forward
     * sweep also accumulates y_c = Pᵀ r, the coarse solve runs between the sweeps, and the backward sweep adds P y_c as
     * it writes z, so that r and z are read and written once and the factorization's permutation costs no extra pass.
     * P is given by rows in this factorization's order ({@link #orderRef()}): row p holds the entries
     * {@code pOff[p] .. pOff[p+1]}, entry f coupling to coarse columns 3·pAgg[f] .. 3·pAgg[f] + 2 with the 2×3 block
     * {@code pVal[6f ..]}, row-major; {@code pOff} null means one entry per row (entry f = row p), the unsmoothed
     * prolongator, which then runs without the inner loops (their exits cost more than their arithmetic).
     */
    void applyWithCoarse2(double[] r, double[] z, int[] pOff, int[] pAgg, double[] pVal, double[] coarse,
                          CoarseSolve coarseSolve) {
        if (pOff == null) {
            applyWithTentative2(r, z, pAgg, pVal, coarse, coarseSolve);
            return;
        }
        final int[] pm = perm;
        final double[] y = work, c = coarse;
        final boolean wide = forward.pad == WIDE_PAD;   // loop-invariant: the compiler unswitches the loops
        final int[] fc = forward.col, fo = forward.overflowOffsets, bc = backward.col, bo = backward.overflowOffsets;
        final double[] fv = forward.val, bv = backward.val, pi = pivotInverse;
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            int o = pm == null ? 2 * i : 2 * pm[i];
            double r0 = r[o], r1 = r[o + 1];
            for (int f = pOff[i]; f < pOff[i + 1]; f++) {
                int c0 = 3 * pAgg[f], v = 6 * f;
                c[c0] += pVal[v] * r0 + pVal[v + 3] * r1;
                c[c0 + 1] += pVal[v + 1] * r0 + pVal[v + 4] * r1;
                c[c0 + 2] += pVal[v + 2] * r0 + pVal[v + 5] * r1;
            }
            y[2 * i] = r0;
            y[2 * i + 1] = r1;
            forwardRowAll(i, y, wide, fc, fv, fo);
        }
        coarseSolve.solve(c);
        for (int i = n - 1; i >= 0; i--) {
            double s0 = backwardRowAll(i, y, wide, bc, bv, pi, bo);
            double s1 = y[2 * i + 1];
            double t0 = 0, t1 = 0;
            for (int f = pOff[i]; f < pOff[i + 1]; f++) {
                int c0 = 3 * pAgg[f], v = 6 * f;
                double y0 = c[c0], y1 = c[c0 + 1], y2 = c[c0 + 2];
                t0 += pVal[v] * y0 + pVal[v + 1] * y1 + pVal[v + 2] * y2;
                t1 += pVal[v + 3] * y0 + pVal[v + 4] * y1 + pVal[v + 5] * y2;
            }
            int o = pm == null ? 2 * i : 2 * pm[i];
            z[o] = s0 + t0;
            z[o + 1] = s1 + t1;
        }
    }

    /** {@link #applyWithCoarse2} with one P entry per row. */
    private void applyWithTentative2(double[] r, double[] z, int[] pAgg, double[] pVal, double[] coarse,
                                     CoarseSolve coarseSolve) {
        if (forward.pad == WIDE_PAD) {
            applyWithTentativeWide(r, z, pAgg, pVal, coarse, coarseSolve);
            return;
        }
        final int[] pm = perm;
        final double[] y = work, c = coarse;
        final boolean wide = forward.pad == WIDE_PAD;   // loop-invariant: the compiler unswitches the loops
        final int[] fc = forward.col, fo = forward.overflowOffsets, bc = backward.col, bo = backward.overflowOffsets;
        final double[] fv = forward.val, bv = backward.val, pi = pivotInverse;
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            int o = pm == null ? 2 * i : 2 * pm[i];
            double r0 = r[o], r1 = r[o + 1];
            int c0 = 3 * pAgg[i], v = 6 * i;
            c[c0] += pVal[v] * r0 + pVal[v + 3] * r1;
            c[c0 + 1] += pVal[v + 1] * r0 + pVal[v + 4] * r1;
            c[c0 + 2] += pVal[v + 2] * r0 + pVal[v + 5] * r1;
            y[2 * i] = r0;
            y[2 * i + 1] = r1;
            forwardRowAll(i, y, wide, fc, fv, fo);
        }
        coarseSolve.solve(c);
        for (int i = n - 1; i >= 0; i--) {
            double s0 = backwardRowAll(i, y, wide, bc, bv, pi, bo);
            double s1 = y[2 * i + 1];
            int c0 = 3 * pAgg[i], v = 6 * i;
            double y0 = c[c0], y1 = c[c0 + 1], y2 = c[c0 + 2];
            int o = pm == null ? 2 * i : 2 * pm[i];
            z[o] = s0 + pVal[v] * y0 + pVal[v + 1] * y1 + pVal[v + 2] * y2;
            z[o + 1] = s1 + pVal[v + 3] * y0 + pVal[v + 4] * y1 + pVal[v + 5] * y2;
        }
    }

    /**
     * {@link #applyWithTentative2} for rows padded to {@value #WIDE_PAD} entries (IC(1), the default smoother of the
     * two-level preconditioner), with {@link #forwardRow4} and {@link #backwardRow4} written into the loops: the same
     * operations in the same order. Called from the loops, even those small methods are compiled on their own first
     * (each is called n times per sweep) and then not inlined ("already compiled into a big method"), so that every
     * row was a call; written in, the sweeps of the fused two-level preconditioner take about a sixth less time
     * (paper packing, N = 16384).
     */
    private void applyWithTentativeWide(double[] r, double[] z, int[] pAgg, double[] pVal, double[] coarse,
                                        CoarseSolve coarseSolve) {
        final int[] pm = perm;
        final double[] y = work, c = coarse;
        final int[] fc = forward.col, fo = forward.overflowOffsets, bc = backward.col, bo = backward.overflowOffsets;
        final double[] fv = forward.val, bv = backward.val, pi = pivotInverse;
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            int o = pm == null ? 2 * i : 2 * pm[i];
            double r0 = r[o], r1 = r[o + 1];
            int c0 = 3 * pAgg[i], v = 6 * i;
            c[c0] += pVal[v] * r0 + pVal[v + 3] * r1;
            c[c0 + 1] += pVal[v + 1] * r0 + pVal[v + 4] * r1;
            c[c0 + 2] += pVal[v + 2] * r0 + pVal[v + 5] * r1;
            // forwardRow4 with y_i = r_i (stored first, as there: a padded slot of row 0 points at row 0 itself)
            y[2 * i] = r0;
            y[2 * i + 1] = r1;
            int e = WIDE_PAD * i, q = 4 * WIDE_PAD * i;
            int k0 = 2 * fc[e], k1 = 2 * fc[e + 1], k2 = 2 * fc[e + 2], k3 = 2 * fc[e + 3];
            double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
            double u0 = y[k2], u1 = y[k2 + 1], v0 = y[k3], v1 = y[k3 + 1];
            r0 -= ((fv[q] * x0 + fv[q + 2] * x1) + (fv[q + 4] * w0 + fv[q + 6] * w1))
                    + ((fv[q + 8] * u0 + fv[q + 10] * u1) + (fv[q + 12] * v0 + fv[q + 14] * v1));
            r1 -= ((fv[q + 1] * x0 + fv[q + 3] * x1) + (fv[q + 5] * w0 + fv[q + 7] * w1))
                    + ((fv[q + 9] * u0 + fv[q + 11] * u1) + (fv[q + 13] * v0 + fv[q + 15] * v1));
            y[2 * i] = r0;
            y[2 * i + 1] = r1;
            if (fo[i + 1] > fo[i]) subtractOverflow(forward, i, y, 2, 1);
        }
        coarseSolve.solve(c);
        for (int i = n - 1; i >= 0; i--) {
            // the pivot, then backwardRow4
            int o4 = 4 * i;
            double a0 = y[2 * i], a1 = y[2 * i + 1];
            double s0 = pi[o4] * a0 + pi[o4 + 1] * a1;
            double s1 = pi[o4 + 2] * a0 + pi[o4 + 3] * a1;
            int e = WIDE_PAD * i, q = 4 * WIDE_PAD * i;
            int k0 = 2 * bc[e], k1 = 2 * bc[e + 1], k2 = 2 * bc[e + 2], k3 = 2 * bc[e + 3];
            double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
            double u0 = y[k2], u1 = y[k2 + 1], v0 = y[k3], v1 = y[k3 + 1];
            s0 -= ((bv[q] * x0 + bv[q + 1] * x1) + (bv[q + 4] * w0 + bv[q + 5] * w1))
                    + ((bv[q + 8] * u0 + bv[q + 9] * u1) + (bv[q + 12] * v0 + bv[q + 13] * v1));
            s1 -= ((bv[q + 2] * x0 + bv[q + 3] * x1) + (bv[q + 6] * w0 + bv[q + 7] * w1))
                    + ((bv[q + 10] * u0 + bv[q + 11] * u1) + (bv[q + 14] * v0 + bv[q + 15] * v1));
            y[2 * i] = s0;
            y[2 * i + 1] = s1;
            if (bo[i + 1] > bo[i]) {
                subtractOverflow(backward, i, y, 1, 2);
                s0 = y[2 * i];
                s1 = y[2 * i + 1];
            }
            int c0 = 3 * pAgg[i], v = 6 * i;
            double y0 = c[c0], y1 = c[c0 + 1], y2 = c[c0 + 2];
            int o = pm == null ? 2 * i : 2 * pm[i];
            z[o] = s0 + pVal[v] * y0 + pVal[v + 1] * y1 + pVal[v + 2] * y2;
            z[o + 1] = s1 + pVal[v + 3] * y0 + pVal[v + 4] * y1 + pVal[v + 5] * y2;
        }
    }

    /*
     * The row kernels below are static and take the arrays they read, and the overflow of a padded row is subtracted by
     * the caller: so each is small enough (under the 325 bytecodes of -XX:FreqInlineSize) to be inlined into the sweep
     * loops. As instance methods that also handled the overflow (376 and 436 bytecodes for the 4-wide rows) they were
     * "hot method too big" for C2, and every row of every sweep was a call that reloaded the layout's fields. Same
     * operations in the same order as before.
     */

    /** Forward row i for b = 2: y_i ← y_i − Σ_k U_kiᵀ y_k over the padded part of row i of Uᵀ (k &lt; i). */
    private static void forwardRow(int i, double[] y, int[] pc, double[] pv) {
        int c = PAD * i, q = 4 * PAD * i;
        double a0 = y[2 * i], a1 = y[2 * i + 1];
        int k0 = 2 * pc[c], k1 = 2 * pc[c + 1], k2 = 2 * pc[c + 2];
        double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
        double u0 = y[k2], u1 = y[k2 + 1];
        a0 -= (pv[q] * x0 + pv[q + 2] * x1) + (pv[q + 4] * w0 + pv[q + 6] * w1)
                + (pv[q + 8] * u0 + pv[q + 10] * u1);
        a1 -= (pv[q + 1] * x0 + pv[q + 3] * x1) + (pv[q + 5] * w0 + pv[q + 7] * w1)
                + (pv[q + 9] * u0 + pv[q + 11] * u1);
        y[2 * i] = a0;
        y[2 * i + 1] = a1;
    }

    /**
     * Backward row i for b = 2 after the pivot: y_i ← y_i − Σ_j U_ij y_j over the padded part of row i of U (j &gt; i),
     * y_i already D_i⁻¹ times the forward sweep's; returns the new y_{2i} (both entries are stored).
     */
    private static double backwardRow(int i, double[] y, int[] pc, double[] pv) {
        double s0 = y[2 * i], s1 = y[2 * i + 1];
        int c = PAD * i, q = 4 * PAD * i;
        int k0 = 2 * pc[c], k1 = 2 * pc[c + 1], k2 = 2 * pc[c + 2];
        double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
        double u0 = y[k2], u1 = y[k2 + 1];
        s0 -= (pv[q] * x0 + pv[q + 1] * x1) + (pv[q + 4] * w0 + pv[q + 5] * w1)
                + (pv[q + 8] * u0 + pv[q + 9] * u1);
        s1 -= (pv[q + 2] * x0 + pv[q + 3] * x1) + (pv[q + 6] * w0 + pv[q + 7] * w1)
                + (pv[q + 10] * u0 + pv[q + 11] * u1);
        y[2 * i] = s0;
        y[2 * i + 1] = s1;
        return s0;
    }

    /** {@link #forwardRow} over rows padded to {@value #WIDE_PAD} entries. */
    private static void forwardRow4(int i, double[] y, int[] pc, double[] pv) {
        int c = WIDE_PAD * i, q = 4 * WIDE_PAD * i;
        double a0 = y[2 * i], a1 = y[2 * i + 1];
        int k0 = 2 * pc[c], k1 = 2 * pc[c + 1], k2 = 2 * pc[c + 2], k3 = 2 * pc[c + 3];
        double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
        double u0 = y[k2], u1 = y[k2 + 1], v0 = y[k3], v1 = y[k3 + 1];
        a0 -= ((pv[q] * x0 + pv[q + 2] * x1) + (pv[q + 4] * w0 + pv[q + 6] * w1))
                + ((pv[q + 8] * u0 + pv[q + 10] * u1) + (pv[q + 12] * v0 + pv[q + 14] * v1));
        a1 -= ((pv[q + 1] * x0 + pv[q + 3] * x1) + (pv[q + 5] * w0 + pv[q + 7] * w1))
                + ((pv[q + 9] * u0 + pv[q + 11] * u1) + (pv[q + 13] * v0 + pv[q + 15] * v1));
        y[2 * i] = a0;
        y[2 * i + 1] = a1;
    }

    /** {@link #backwardRow} over rows padded to {@value #WIDE_PAD} entries. */
    private static double backwardRow4(int i, double[] y, int[] pc, double[] pv) {
        double s0 = y[2 * i], s1 = y[2 * i + 1];
        int c = WIDE_PAD * i, q = 4 * WIDE_PAD * i;
        int k0 = 2 * pc[c], k1 = 2 * pc[c + 1], k2 = 2 * pc[c + 2], k3 = 2 * pc[c + 3];
        double x0 = y[k0], x1 = y[k0 + 1], w0 = y[k1], w1 = y[k1 + 1];
        double u0 = y[k2], u1 = y[k2 + 1], v0 = y[k3], v1 = y[k3 + 1];
        s0 -= ((pv[q] * x0 + pv[q + 1] * x1) + (pv[q + 4] * w0 + pv[q + 5] * w1))
                + ((pv[q + 8] * u0 + pv[q + 9] * u1) + (pv[q + 12] * v0 + pv[q + 13] * v1));
        s1 -= ((pv[q + 2] * x0 + pv[q + 3] * x1) + (pv[q + 6] * w0 + pv[q + 7] * w1))
                + ((pv[q + 10] * u0 + pv[q + 11] * u1) + (pv[q + 14] * v0 + pv[q + 15] * v1));
        y[2 * i] = s0;
        y[2 * i + 1] = s1;
        return s0;
    }

    /** Forward row i, padded part and overflow, for the 3- or 4-wide layout. */
    private void forwardRowAll(int i, double[] y, boolean wide, int[] pc, double[] pv, int[] oo) {
        if (wide) forwardRow4(i, y, pc, pv); else forwardRow(i, y, pc, pv);
        if (oo[i + 1] > oo[i]) subtractOverflow(forward, i, y, 2, 1);
    }

    /**
     * Backward row i for the 3- or 4-wide layout: the pivot y_i ← D_i⁻¹ y_i (stored, then read back by the row kernel:
     * the same values), the padded part, the overflow; returns the new y_{2i}.
     */
    private double backwardRowAll(int i, double[] y, boolean wide, int[] pc, double[] pv, double[] pi, int[] oo) {
        int o4 = 4 * i;
        double a0 = y[2 * i], a1 = y[2 * i + 1];
        y[2 * i] = pi[o4] * a0 + pi[o4 + 1] * a1;
        y[2 * i + 1] = pi[o4 + 2] * a0 + pi[o4 + 3] * a1;
        double s0 = wide ? backwardRow4(i, y, pc, pv) : backwardRow(i, y, pc, pv);
        if (oo[i + 1] > oo[i]) {
            subtractOverflow(backward, i, y, 1, 2);
            s0 = y[2 * i];
        }
        return s0;
    }

    /**
     * The overflow entries of padded row i (the blocks past the padding), shared by the 3- and 4-wide rows of both
     * sweeps: y_i ← y_i − Σ B y_k over the row's overflow blocks B (2×2, row-major at 4e), read as B (forward rows of
     * Uᵀ: {@code cross = 2, along = 1}, i.e. entries o, o+2 / o+1, o+3) or as stored (backward rows of U:
     * {@code cross = 1, along = 2}). Same operations in the same order as when the row summed them itself.
     */
    private static void subtractOverflow(Padded2 p, int i, double[] y, int cross, int along) {
        final int[] oo = p.overflowOffsets;
        final int[] oc = p.overflowColumns;
        final double[] ov = p.overflowValues;
        double a0 = y[2 * i], a1 = y[2 * i + 1];
        for (int e = oo[i]; e < oo[i + 1]; e++) {
            int k = 2 * oc[e];
            int o = 4 * e;
            double z0 = y[k], z1 = y[k + 1];
            a0 -= ov[o] * z0 + ov[o + cross] * z1;
            a1 -= ov[o + along] * z0 + ov[o + along + cross] * z1;
        }
        y[2 * i] = a0;
        y[2 * i + 1] = a1;
    }

    /** The two sweeps for 2×2 blocks, unrolled; both gather (rows of Uᵀ forward, rows of U backward). */
    private void apply2(double[] y) {
        final boolean wide = forward.pad == WIDE_PAD;
        final int[] fc = forward.col, fo = forward.overflowOffsets, bc = backward.col, bo = backward.overflowOffsets;
        final double[] fv = forward.val, bv = backward.val, pi = pivotInverse;
        for (int i = 0; i < n; i++) forwardRowAll(i, y, wide, fc, fv, fo);
        for (int i = n - 1; i >= 0; i--) backwardRowAll(i, y, wide, bc, bv, pi, bo);
    }

    @Override public String name() { return "IC(" + fillLevel + ")"; }

    /** @return the fill level: 0 for IC(0), 1 for IC(1) */
    public int fillLevel() { return fillLevel; }

    @Override public String toString() {
        return String.format("IncompleteCholeskyPreconditioner[b=%d, n=%d, %s, shift=%.3g, attempts=%d]", b, n, ordering,
                shift, attempts);
    }
}
