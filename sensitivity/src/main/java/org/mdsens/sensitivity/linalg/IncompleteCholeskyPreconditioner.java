package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * Block incomplete Cholesky IC(0) of a {@link SymmetricBlockMatrix}: M = Uᵀ D U ≈ A with U unit upper block
 * triangular on the block pattern of A (no fill-in) and D block diagonal, applied as z = U⁻¹ D⁻¹ U⁻ᵀ r (two sparse
 * triangular sweeps and the d×d pivot inverses).
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
    private final double[] u;       // U_ij, b² per entry
    private final int[] lowerOffsets;   // Uᵀ by rows: the entries (k, i), k < i, of column i of U
    private final int[] lowerColumns;   // k
    private final double[] lowerU;      // U_ki, b² each (not transposed)
    private final double[] pivotInverse;
    private final double[] work;
    private final double shift;
    private final int attempts;
    private final Ordering ordering;
    private final double relaxation;

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
        if (!(relaxation >= 0 && relaxation < 1)) {
            throw new IllegalArgumentException("relaxation must be in [0, 1), got " + relaxation);
        }
        this.relaxation = relaxation;
        this.b = a.blockSize();
        this.n = a.blockCount();
        this.ordering = ordering;
        int bb = b * b;
        int[] order = ordering == Ordering.REVERSE_CUTHILL_MCKEE ? reverseCuthillMcKee(a) : null;
        int[] inverse = null;
        if (order != null) {
            inverse = new int[n];
            for (int p = 0; p < n; p++) inverse[order[p]] = p;
        }
        // the permuted upper pattern, rows ascending
        int[] off = new int[n + 1];
        int[] aOff = a.offsetsRef(), aCol = a.columnsRef();
        double[] aUp = a.upperRef(), aDiag = a.diagonalRef();
        int m = aOff[n];
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                int p = inverse == null ? i : inverse[i], q = inverse == null ? aCol[e] : inverse[aCol[e]];
                off[Math.min(p, q) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) off[i + 1] += off[i];
        int[] col = new int[m];
        double[] w0 = new double[bb * m];
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
                    for (int r = 0; r < b; r++) for (int c = 0; c < b; c++) w0[bb * at + r * b + c] = aUp[bb * e + c * b + r];
                }
            }
        }
        sortRows(off, col, w0, bb);
        double[] d0 = new double[bb * n];
        for (int p = 0; p < n; p++) System.arraycopy(aDiag, bb * (order == null ? p : order[p]), d0, bb * p, bb);

        double[] uOut = new double[bb * m];
        double[] pivInv = new double[bb * n];
        double alpha = 0;
        int attempt = 0;
        boolean ok = false;
        while (!ok && attempt < MAX_ATTEMPTS) {
            attempt++;
            ok = factor(off, col, w0, d0, alpha, uOut, pivInv);
            if (!ok) alpha = alpha == 0 ? FIRST_SHIFT : alpha * SHIFT_GROWTH;
        }
        if (!ok) {
            throw new IllegalStateException("incomplete Cholesky must succeed with a diagonal shift of at most "
                    + alpha / SHIFT_GROWTH + ", got a breakdown in every one of " + MAX_ATTEMPTS + " attempts");
        }
        this.perm = order;
        this.offsets = off;
        this.columns = col;
        this.u = uOut;
        this.pivotInverse = pivInv;
        // the transposed pattern, for a forward sweep that gathers instead of scattering
        int[] lo = new int[n + 1];
        for (int e = 0; e < m; e++) lo[col[e] + 1]++;
        for (int i = 0; i < n; i++) lo[i + 1] += lo[i];
        int[] lc = new int[m];
        double[] lu = new double[bb * m];
        int[] lf = Arrays.copyOf(lo, n);
        for (int i = 0; i < n; i++) {
            for (int e = off[i]; e < off[i + 1]; e++) {
                int at = lf[col[e]]++;
                lc[at] = i;
                System.arraycopy(uOut, bb * e, lu, bb * at, bb);
            }
        }
        this.lowerOffsets = lo;
        this.lowerColumns = lc;
        this.lowerU = lu;
        this.shift = alpha;
        this.attempts = attempt;
        this.work = new double[b * n];
    }

    /** One factorization of A + α·diag(A); false on a breakdown. */
    private boolean factor(int[] off, int[] col, double[] w0, double[] d0, double alpha, double[] uOut, double[] pivInv) {
        final int bb = b * b;
        double[] w = w0.clone();
        double[] d = d0.clone();
        if (alpha != 0) {
            for (int i = 0; i < n; i++) for (int c = 0; c < b; c++) d[bb * i + c * b + c] *= 1 + alpha;
        }
        double[] scratch = new double[bb];
        double[] dropped = new double[bb];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            if (!SmallBlocks.invertSpd(d, bb * i, b, pivInv, bb * i, d0, bb * i, PIVOT_FLOOR, scratch)) return false;
            int start = off[i], end = off[i + 1];
            // U_ij = D_i⁻¹ W_ij
            for (int e = start; e < end; e++) {
                for (int r = 0; r < b; r++) {
                    for (int c = 0; c < b; c++) {
                        double s = 0;
                        for (int k = 0; k < b; k++) s += pivInv[bb * i + r * b + k] * w[bb * e + k * b + c];
                        uOut[bb * e + r * b + c] = s;
                    }
                }
            }
            for (int e = start; e < end; e++) {
                int j = col[e];
                // D_j −= W_ijᵀ U_ij
                subtractTransposeProduct(w, bb * e, uOut, bb * e, d, bb * j);
                if (e + 1 == end) continue;
                for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = s;
                for (int f = e + 1; f < end; f++) {
                    int s = mark[col[f]];
                    if (s >= 0) {
                        subtractTransposeProduct(w, bb * e, uOut, bb * f, w, bb * s);
                    } else if (relaxation != 0) {
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
                }
                for (int s = off[j]; s < off[j + 1]; s++) mark[col[s]] = -1;
            }
        }
        return true;
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
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                degree[i]++;
                degree[aCol[e]]++;
            }
        }
        int[] adjOff = new int[n + 1];
        for (int i = 0; i < n; i++) adjOff[i + 1] = adjOff[i] + degree[i];
        int[] adj = new int[adjOff[n]];
        int[] fill = Arrays.copyOf(adjOff, n);
        for (int i = 0; i < n; i++) {
            for (int e = aOff[i]; e < aOff[i + 1]; e++) {
                int j = aCol[e];
                adj[fill[i]++] = j;
                adj[fill[j]++] = i;
            }
        }
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int[] level = new int[n];
        int placed = 0;
        int[] queue = new int[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) continue;
            int start = pseudoPeripheral(root, adjOff, adj, degree, level, queue);
            // Cuthill–McKee BFS from start, neighbours by increasing degree
            int head = placed, tail = placed;
            order[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int v = order[head++];
                int from = tail;
                for (int e = adjOff[v]; e < adjOff[v + 1]; e++) {
                    int w = adj[e];
                    if (!seen[w]) {
                        seen[w] = true;
                        order[tail++] = w;
                    }
                }
                // insertion sort of the new entries by degree (then index, for determinism)
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
            placed = tail;
        }
        for (int p = 0, q = n - 1; p < q; p++, q--) {
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
        return order;
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

    /** The two sweeps for 2×2 blocks, unrolled; both gather (rows of Uᵀ forward, rows of U backward). */
    private void apply2(double[] y) {
        final int[] off = offsets, col = columns, lo = lowerOffsets, lc = lowerColumns;
        final double[] uu = u, lu = lowerU, pi = pivotInverse;
        for (int i = 0; i < n; i++) {
            double a0 = y[2 * i], a1 = y[2 * i + 1];
            for (int e = lo[i]; e < lo[i + 1]; e++) {
                int k = 2 * lc[e];
                int o = 4 * e;
                double x0 = y[k], x1 = y[k + 1];
                a0 -= lu[o] * x0 + lu[o + 2] * x1;
                a1 -= lu[o + 1] * x0 + lu[o + 3] * x1;
            }
            y[2 * i] = a0;
            y[2 * i + 1] = a1;
        }
        for (int i = n - 1; i >= 0; i--) {
            int o = 4 * i;
            double a0 = y[2 * i], a1 = y[2 * i + 1];
            double s0 = pi[o] * a0 + pi[o + 1] * a1;
            double s1 = pi[o + 2] * a0 + pi[o + 3] * a1;
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = 2 * col[e];
                int q = 4 * e;
                double x0 = y[j], x1 = y[j + 1];
                s0 -= uu[q] * x0 + uu[q + 1] * x1;
                s1 -= uu[q + 2] * x0 + uu[q + 3] * x1;
            }
            y[2 * i] = s0;
            y[2 * i + 1] = s1;
        }
    }

    @Override public String name() { return "IC(0)"; }

    @Override public String toString() {
        return String.format("IncompleteCholeskyPreconditioner[b=%d, n=%d, %s, shift=%.3g, attempts=%d]", b, n, ordering,
                shift, attempts);
    }
}
