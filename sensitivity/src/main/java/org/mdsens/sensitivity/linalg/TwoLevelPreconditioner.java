package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * A two-level preconditioner: a fine-level smoother S ≈ A⁻¹ (e.g. {@link IncompleteCholeskyPreconditioner}) plus an
 * exact solve on a coarse space spanned by aggregate-wise near-null-space vectors (for particle Hessians: the
 * rigid motions of spatial groups of particles), which removes the slow, smooth error components a local
 * preconditioner leaves behind.
 *
 * <p>Coarse space. Block rows are grouped into aggregates; on each aggregate the given near-null-space vectors
 * (r per block row) are orthonormalized (modified Gram–Schmidt, twice; numerically dependent ones dropped), giving
 * the tentative prolongator Z with orthonormal columns (Vaněk, Mandel &amp; Brezina, Computing 56, 179–196, 1996,
 * without smoothing). The coarse matrix E = ZᵀAZ is assembled block by block from A and factored densely
 * (Cholesky); known null vectors of A (rigid translations) that lie in range(Z) make E singular, so
 * E + σ Σ c cᵀ with c = Zᵀ t (normalized) and σ = tr(E)/k is factored instead, which leaves the solution of
 * consistent right-hand sides (orthogonal to every t) unchanged; if the factorization still fails, a diagonal shift
 * of 1e-12·σ, growing tenfold, is added.
 *
 * <p>Application, with Q = Z E⁻¹ Zᵀ:
 * <ul>
 *   <li>{@link Mode#ADDITIVE}: z = S r + Q r (symmetric positive definite whenever S is);</li>
 *   <li>{@link Mode#MULTIPLICATIVE}: z₁ = ωS r, z₂ = z₁ + Q(r − A z₁), z = z₂ + ωS(r − A z₂): a symmetric V(1,1)
 *       cycle (two products with A), with the smoother damped by ω = 1/λ̂_max(SA) (a few power iterations at
 *       setup, times 1.1) so that the cycle is a convergent, positive definite preconditioner.</li>
 * </ul>
 *
 * <p>With an {@link IncompleteCholeskyPreconditioner} smoother in additive mode, 2×2 blocks and three vectors per
 * aggregate (2D rigid motions), the application is fused into the smoother's two triangular sweeps (restriction in
 * the forward sweep, prolongation in the backward one; see {@link #fused()}): the same operator, up to the summation
 * order of Pᵀr, at about the cost of the smoother alone plus the coarse solve.
 *
 * <p>Cost: dense k×k storage and an O(k³) factorization for k coarse vectors (at most a few per aggregate): keep
 * k ≲ 1000. Not thread-safe (work vectors). Reference: Tang, Nabben, Vuik &amp; Erlangga, J. Sci. Comput. 39,
 * 340–370 (2009) (two-level preconditioners for CG).
 */
public final class TwoLevelPreconditioner implements Preconditioner {

    /** How the coarse correction is combined with the smoother. */
    public enum Mode {
        /** S + Q. */
        ADDITIVE,
        /** The symmetric multiplicative cycle (pre-smoothing, coarse correction, post-smoothing). */
        MULTIPLICATIVE
    }

    private static final double DEPENDENCE_RATIO = 1e-8;
    private static final int POWER_STEPS = 12;

    private final int b;
    private final int n;
    private final int r;
    private final int k;
    private final Mode mode;
    private final ArrayOperator a;
    private final Preconditioner smoother;
    private final int[] rowAggregate;    // aggregate of each block row
    private final double[] basis;        // Z row by row: entry (b·i + c)·r + p, zero for dropped vectors
    private final int[] pOffsets;        // the prolongator P (Z, or Z smoothed) by block row: entries pOffsets[i]..
    private final int[] pAggregate;      // aggregate (coarse columns g·r .. g·r + r − 1) of each entry
    private final double[] pValues;      // b × r block of each entry, row-major
    private final boolean smoothed;
    private final double[] factor;       // lower Cholesky factor of the regularized E, k × k row-major
    private final double[] factorT;      // its transpose, row-major (the backward sweep reads rows)
    private final double omega;
    private final double[] coarse;
    private final double[] t1;
    private final double[] t2;
    // additive mode with an IC(0) smoother, b = 2, r = 3: P by rows in the factorization's order, for the fused sweeps
    private final IncompleteCholeskyPreconditioner fusedSmoother;
    private final int[] qOffsets;
    private final int[] qAggregate;
    private final double[] qValues;
    private final IncompleteCholeskyPreconditioner.CoarseSolve coarseStep;
    private boolean fuse = true;

    /**
     * @param a              the matrix (for E = ZᵀAZ)
     * @param product        products with A (e.g. the assembled, projected operator); used by the multiplicative mode
     * @param smoother       S ≈ A⁻¹, symmetric positive definite
     * @param aggregate      aggregate index of each block row, in [0, number of aggregates); every aggregate non-empty
     * @param nearNullSpace  r vectors per block row: entry (b·i + c)·r + t is component c of vector t on block row i
     * @param r              near-null-space vectors, ≥ 1
     * @param nullVectors    known null vectors of A that lie in range(Z) (each length n·b), or an empty array
     * @param mode           additive or multiplicative
     */
    public TwoLevelPreconditioner(SymmetricBlockMatrix a, ArrayOperator product, Preconditioner smoother, int[] aggregate,
                                  double[] nearNullSpace, int r, double[][] nullVectors, Mode mode) {
        this(a, product, smoother, aggregate, nearNullSpace, r, nullVectors, mode, false);
    }

    /**
     * @param a              the matrix (for E = PᵀAP)
     * @param product        products with A (e.g. the assembled, projected operator); used by the multiplicative mode
     * @param smoother       S ≈ A⁻¹, symmetric positive definite
     * @param aggregate      aggregate index of each block row, in [0, number of aggregates); every aggregate non-empty
     * @param nearNullSpace  r vectors per block row: entry (b·i + c)·r + t is component c of vector t on block row i
     * @param r              near-null-space vectors, ≥ 1
     * @param nullVectors    known null vectors of A that lie in range(Z) (each length n·b), or an empty array
     * @param mode           additive or multiplicative
     * @param smooth         whether to smooth the prolongator: P = (I − ω D⁻¹A) Z with D the block diagonal of A and
     *                       ω = 4/(3 ρ(D⁻¹A)) (smoothed aggregation), which spreads each aggregate's rigid motions
     *                       over its neighbours and makes the coarse space represent smooth modes far better
     */
    public TwoLevelPreconditioner(SymmetricBlockMatrix a, ArrayOperator product, Preconditioner smoother, int[] aggregate,
                                  double[] nearNullSpace, int r, double[][] nullVectors, Mode mode, boolean smooth) {
        // Every stage below is a small static method (arguments in, arrays out or filled): each is compiled once as an
        // ordinary method instead of this constructor, which runs once per sensitivity computation, being
        // on-stack-replaced at one loop after another.
        this.smoothed = smooth;
        this.b = a.blockSize();
        this.n = a.blockCount();
        this.r = r;
        this.mode = mode;
        this.a = product;
        this.smoother = smoother;
        if (aggregate.length != n) throw new IllegalArgumentException("aggregate length must be " + n + ", got " + aggregate.length);
        if (r < 1) throw new IllegalArgumentException("near-null-space vector count must be >= 1, got " + r);
        if (nearNullSpace.length != n * b * r) {
            throw new IllegalArgumentException("near-null-space length must be " + n * b * r + ", got " + nearNullSpace.length);
        }
        int na = aggregateCount(aggregate);
        int[] memberOffsets = memberOffsets(aggregate, na);
        int[] members = members(aggregate, memberOffsets);
        this.rowAggregate = aggregate.clone();
        this.k = na * r;

        // local orthonormal bases (modified Gram–Schmidt twice; dependent vectors become zero columns)
        basis = new double[n * b * r];
        boolean[] dropped = new boolean[k];
        for (int g = 0; g < na; g++) orthonormalizeAggregate(g, members, memberOffsets, nearNullSpace, b, r, basis, dropped);

        // the prolongator P, then E = Pᵀ A P, identity rows for dropped vectors
        double[] e;
        if (!smooth && b == 2 && r == 3) {
            // the tentative prolongator: one entry per row, E block by block from the stored blocks of A
            pOffsets = identityOffsets(n);
            pAggregate = rowAggregate;
            pValues = basis;
            e = tentativeGalerkin2(a);
        } else {
            int[][] adjacency = fullAdjacency(a);
            int[] adjOff = adjacency[0], adjCol = adjacency[1], adjBlock = adjacency[2];
            Object[] prolongator = smooth ? smoothedProlongator(a, adjOff, adjCol, adjBlock, na)
                    : new Object[] {identityOffsets(n), aggregate.clone(), basis.clone()};
            pOffsets = (int[]) prolongator[0];
            pAggregate = (int[]) prolongator[1];
            pValues = (double[]) prolongator[2];
            e = galerkin(a, adjOff, adjCol, adjBlock, na);
        }
        double sigma = coarseScale(e, dropped, k);
        fillDropped(e, dropped, k, sigma);
        double[] c = new double[k];
        for (double[] t : nullVectors) {
            if (t.length != n * b) throw new IllegalArgumentException("null vector length must be " + n * b + ", got " + t.length);
            // c = Zᵀ t, so that Z c = t and, since A t = 0, also P c = t and E c = 0
            Arrays.fill(c, 0.0);
            restrictTentative(basis, rowAggregate, t, n, b, r, c);
            double norm2 = dot(c, c);
            if (!(norm2 > 0)) continue;
            addNullPenalty(e, k, sigma, c, norm2);
        }
        double[] l = null;
        for (double shift = 0; l == null; shift = shift == 0 ? 1e-12 * sigma : shift * 10) {
            if (shift > sigma) throw new IllegalStateException("coarse matrix must be positive definite after a shift of at most "
                    + sigma + ", got a failed factorization");
            l = cholesky(e, k, shift);
        }
        factor = l;
        factorT = lowerTranspose(l, k);
        coarse = new double[k];
        t1 = new double[n * b];
        t2 = new double[n * b];
        omega = mode == Mode.MULTIPLICATIVE ? 1.0 / (1.1 * largestEigenvalueOfSmoothedOperator()) : 1.0;
        if (mode == Mode.ADDITIVE && b == 2 && r == 3 && smoother instanceof IncompleteCholeskyPreconditioner ic
                && ic.blockSize() == 2 && ic.blockCount() == n) {
            int[] order = ic.orderRef();
            int[] qo = reorderedOffsets(order, pOffsets, n);
            int[] qa = new int[qo[n]];
            double[] qv = new double[6 * qo[n]];
            reorderRows(order, pOffsets, pAggregate, pValues, qo, qa, qv);
            fusedSmoother = ic;
            qOffsets = qo[n] == n ? null : qo;   // one entry per row: the unsmoothed prolongator
            qAggregate = qa;
            qValues = qv;
            coarseStep = this::coarseSolve;
        } else {
            fusedSmoother = null;
            qOffsets = null;
            qAggregate = null;
            qValues = null;
            coarseStep = null;
        }
    }

    /** The number of aggregates (largest index + 1), checking that every index is ≥ 0. */
    private static int aggregateCount(int[] aggregate) {
        int na = 0;
        for (int g : aggregate) {
            if (g < 0) throw new IllegalArgumentException("aggregate indices must be >= 0, got " + g);
            na = Math.max(na, g + 1);
        }
        return na;
    }

    /** Offsets of each aggregate's members (length na + 1), checking that no aggregate is empty. */
    private static int[] memberOffsets(int[] aggregate, int na) {
        int[] memberOffsets = new int[na + 1];
        for (int g : aggregate) memberOffsets[g + 1]++;
        for (int g = 0; g < na; g++) {
            if (memberOffsets[g + 1] == 0) throw new IllegalArgumentException("aggregate " + g + " must not be empty");
            memberOffsets[g + 1] += memberOffsets[g];
        }
        return memberOffsets;
    }

    /** The block rows of every aggregate, ascending, at memberOffsets[g] ... */
    private static int[] members(int[] aggregate, int[] memberOffsets) {
        int n = aggregate.length;
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(memberOffsets, memberOffsets.length - 1);
        for (int i = 0; i < n; i++) members[fill[aggregate[i]]++] = i;
        return members;
    }

    /**
     * The orthonormal basis of aggregate g: its near-null-space vectors gathered, orthonormalized (modified
     * Gram–Schmidt twice) and scattered into basis; dependent ones are marked in dropped and left zero.
     */
    private static void orthonormalizeAggregate(int g, int[] members, int[] memberOffsets, double[] nearNullSpace, int b,
                                                int r, double[] basis, boolean[] dropped) {
        int size = memberOffsets[g + 1] - memberOffsets[g];
        int first = memberOffsets[g];
        double[][] cols = gatherColumns(members, first, size, nearNullSpace, b, r);
        double[][] kept = new double[r][];
        for (int t = 0; t < r; t++) {
            double[] v = cols[t];
            if (!orthonormalize(v, kept, t)) {
                dropped[g * r + t] = true;
                continue;
            }
            kept[t] = v;
            scatterColumn(v, members, first, size, b, r, t, basis);
        }
    }

    /** The r near-null-space vectors restricted to the size members from members[first], each size·b long. */
    private static double[][] gatherColumns(int[] members, int first, int size, double[] nearNullSpace, int b, int r) {
        double[][] cols = new double[r][size * b];
        for (int m = 0; m < size; m++) {
            int i = members[first + m];
            for (int c = 0; c < b; c++) for (int t = 0; t < r; t++) cols[t][m * b + c] = nearNullSpace[(b * i + c) * r + t];
        }
        return cols;
    }

    /**
     * v minus its projections on the kept vectors kept[0 .. t) (two passes), normalized; false (v left partly
     * reduced) when v is zero or dependent on them.
     */
    private static boolean orthonormalize(double[] v, double[][] kept, int t) {
        double before = Math.sqrt(dot(v, v));
        if (!(before > 0)) return false;
        for (int pass = 0; pass < 2; pass++) {
            for (int p = 0; p < t; p++) {
                if (kept[p] == null) continue;
                subtractMultiple(v, dot(kept[p], v), kept[p]);
            }
        }
        double after = Math.sqrt(dot(v, v));
        if (!(after > DEPENDENCE_RATIO * before)) return false;
        divide(v, after);
        return true;
    }

    /** v −= cf·w. */
    private static void subtractMultiple(double[] v, double cf, double[] w) {
        for (int e = 0; e < v.length; e++) v[e] -= cf * w[e];
    }

    /** v /= s. */
    private static void divide(double[] v, double s) {
        for (int e = 0; e < v.length; e++) v[e] /= s;
    }

    /** Column t of Z on the members of one aggregate, from v. */
    private static void scatterColumn(double[] v, int[] members, int first, int size, int b, int r, int t, double[] basis) {
        for (int m = 0; m < size; m++) {
            int i = members[first + m];
            for (int c = 0; c < b; c++) basis[(b * i + c) * r + t] = v[m * b + c];
        }
    }

    /** σ = |tr E| over the kept coarse vectors / their count (1 when there are none, or it is not positive). */
    private static double coarseScale(double[] e, boolean[] dropped, int k) {
        double trace = 0;
        int live = 0;
        for (int p = 0; p < k; p++) {
            if (dropped[p]) continue;
            trace += e[p * k + p];
            live++;
        }
        double sigma = live > 0 ? Math.abs(trace) / live : 1.0;
        if (!(sigma > 0)) sigma = 1.0;
        return sigma;
    }

    /** E_pp = σ for every dropped coarse vector p. */
    private static void fillDropped(double[] e, boolean[] dropped, int k, double sigma) {
        for (int p = 0; p < k; p++) if (dropped[p]) e[p * k + p] = sigma;
    }

    /** c += Zᵀ t for the tentative prolongator (basis, one aggregate per block row). */
    private static void restrictTentative(double[] basis, int[] rowAggregate, double[] t, int n, int b, int r, double[] c) {
        for (int i = 0; i < n; i++) {
            for (int cc = 0; cc < b; cc++) {
                for (int p = 0; p < r; p++) c[rowAggregate[i] * r + p] += basis[(b * i + cc) * r + p] * t[b * i + cc];
            }
        }
    }

    /** E += σ c cᵀ / |c|² (rows with c_p = 0 skipped). */
    private static void addNullPenalty(double[] e, int k, double sigma, double[] c, double norm2) {
        for (int p = 0; p < k; p++) {
            if (c[p] == 0) continue;
            addScaledRow(e, p * k, sigma * c[p], c, norm2);
        }
    }

    /** e[at + q] += s·c_q / norm2 for every q (the products in the order σ·c_p·c_q / |c|²). */
    private static void addScaledRow(double[] e, int at, double s, double[] c, double norm2) {
        for (int q = 0; q < c.length; q++) e[at + q] += s * c[q] / norm2;
    }

    /** The transpose of the lower triangular k × k matrix l (row-major), zero above the diagonal of l. */
    private static double[] lowerTranspose(double[] l, int k) {
        double[] lt = new double[k * k];
        for (int i = 0; i < k; i++) for (int j = 0; j <= i; j++) lt[j * k + i] = l[i * k + j];
        return lt;
    }

    /** Offsets of P's rows taken in the given order (new → old, or null for the natural one). */
    private static int[] reorderedOffsets(int[] order, int[] pOffsets, int n) {
        int[] qo = new int[n + 1];
        for (int p = 0; p < n; p++) {
            int i = order == null ? p : order[p];
            qo[p + 1] = qo[p] + pOffsets[i + 1] - pOffsets[i];
        }
        return qo;
    }

    /** P's rows (b = 2, r = 3) copied in the given order into qa, qv at the offsets qo. */
    private static void reorderRows(int[] order, int[] pOffsets, int[] pAggregate, double[] pValues, int[] qo, int[] qa,
                                    double[] qv) {
        int n = qo.length - 1;
        for (int p = 0; p < n; p++) {
            int i = order == null ? p : order[p];
            int len = pOffsets[i + 1] - pOffsets[i];
            System.arraycopy(pAggregate, pOffsets[i], qa, qo[p], len);
            System.arraycopy(pValues, 6 * pOffsets[i], qv, 6 * qo[p], 6 * len);
        }
    }

    /**
     * Turns the fused application off (the additive IC(0) path then runs the smoother, the restriction, the coarse
     * solve and the prolongation as separate passes): for tests that compare the two.
     */
    TwoLevelPreconditioner withoutFusion() {
        fuse = false;
        return this;
    }

    /**
     * E = ZᵀAZ for the tentative prolongator built twice, by {@link #tentativeGalerkin2} (from the stored blocks) and by
     * the generic {@link #galerkin} (through the full adjacency), before dropped rows and null vectors are handled: for
     * tests that compare the two. Only for unsmoothed preconditioners with b = 2 and r = 3.
     *
     * @param a the matrix this preconditioner was built from
     * @return {tentative, generic}, each k × k row-major
     */
    double[][] tentativeCoarseMatricesBothWays(SymmetricBlockMatrix a) {
        if (smoothed || b != 2 || r != 3) {
            throw new IllegalStateException("the tentative coarse matrix must be for b = 2, r = 3, unsmoothed, got b = " + b
                    + ", r = " + r + ", smoothed = " + smoothed);
        }
        int[][] adjacency = fullAdjacency(a);
        return new double[][] {tentativeGalerkin2(a), galerkin(a, adjacency[0], adjacency[1], adjacency[2], k / r)};
    }

    /** @return whether applications use the fused sweeps (additive mode, IC(0) smoother, b = 2, r = 3) */
    public boolean fused() { return fuse && fusedSmoother != null; }

    private static int[] identityOffsets(int n) {
        int[] o = new int[n + 1];
        for (int i = 0; i <= n; i++) o[i] = i;
        return o;
    }

    /**
     * Full block adjacency of A (diagonal first in each row, then every neighbour): {offsets, columns, block}, where
     * block ≥ 0 is an upper block index (A_ij = upper[block]), −1 − q the transpose of upper block q, and
     * {@code Integer.MIN_VALUE} the diagonal block.
     */
    private static int[][] fullAdjacency(SymmetricBlockMatrix a) {
        int n = a.blockCount();
        int[] off = a.offsetsRef(), col = a.columnsRef();
        int[] ao = adjacencyOffsets(n, off, col);
        int[] ac = new int[ao[n]], ab = new int[ao[n]];
        int[] fill = Arrays.copyOf(ao, n);
        adjacencyDiagonal(n, fill, ac, ab);
        adjacencyNeighbours(n, off, col, fill, ac, ab);
        return new int[][] {ao, ac, ab};
    }

    /** Offsets of the full adjacency: 1 (the diagonal) plus the stored blocks in each row and column. */
    private static int[] adjacencyOffsets(int n, int[] off, int[] col) {
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i]++;
            for (int e = off[i]; e < off[i + 1]; e++) {
                degree[i]++;
                degree[col[e]]++;
            }
        }
        int[] ao = new int[n + 1];
        for (int i = 0; i < n; i++) ao[i + 1] = ao[i] + degree[i];
        return ao;
    }

    /** The diagonal entry first in every row. */
    private static void adjacencyDiagonal(int n, int[] fill, int[] ac, int[] ab) {
        for (int i = 0; i < n; i++) {
            ac[fill[i]] = i;
            ab[fill[i]++] = Integer.MIN_VALUE;
        }
    }

    /** Every stored upper block A_ij in row i and, transposed, in row j. */
    private static void adjacencyNeighbours(int n, int[] off, int[] col, int[] fill, int[] ac, int[] ab) {
        for (int i = 0; i < n; i++) {
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = col[e];
                ac[fill[i]] = j;
                ab[fill[i]++] = e;
                ac[fill[j]] = i;
                ab[fill[j]++] = -1 - e;
            }
        }
    }

    /** out (b × cols) += A_block · x (b × cols), with A_block diagonal, upper or transposed upper. */
    private void multiplyBlock(SymmetricBlockMatrix a, int block, int row, double[] x, int xAt, int cols, double[] out,
                               int outAt, double sign) {
        int bb = b * b;
        double[] m;
        int at;
        boolean transpose = false;
        if (block == Integer.MIN_VALUE) {
            m = a.diagonalRef();
            at = bb * row;
        } else if (block >= 0) {
            m = a.upperRef();
            at = bb * block;
        } else {
            m = a.upperRef();
            at = bb * (-1 - block);
            transpose = true;
        }
        for (int rr = 0; rr < b; rr++) {
            for (int p = 0; p < cols; p++) {
                double sum = 0;
                for (int c = 0; c < b; c++) {
                    double v = transpose ? m[at + c * b + rr] : m[at + rr * b + c];
                    sum += v * x[xAt + c * cols + p];
                }
                out[outAt + rr * cols + p] += sign * sum;
            }
        }
    }

    /** P = (I − ω D⁻¹ A) Z as {offsets, aggregates, values}. */
    private Object[] smoothedProlongator(SymmetricBlockMatrix a, int[] adjOff, int[] adjCol, int[] adjBlock, int na) {
        int br = b * r;
        BlockJacobiPreconditioner jacobi = new BlockJacobiPreconditioner(a);
        double omega = 4.0 / (3.0 * spectralRadius(a, jacobi));
        double[] dinv = jacobi.inverseRef();
        int[] slot = new int[na];
        Arrays.fill(slot, -1);
        int[] touched = new int[na];
        double[] acc = new double[na * br];   // at most na aggregates touch a row
        int[] off = new int[n + 1];
        int[] aggs = new int[4 * n];
        double[] vals = new double[4 * n * br];
        double[] tmp = new double[br];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int count = smoothingProducts(a, i, adjOff, adjCol, adjBlock, slot, touched, acc);
            if (m + count > aggs.length) {
                aggs = Arrays.copyOf(aggs, 2 * (m + count));
                vals = Arrays.copyOf(vals, 2 * (m + count) * br);
            }
            for (int q = 0; q < count; q++) {
                int g = touched[q];
                smoothedEntry(i, g, q, omega, dinv, acc, tmp);
                aggs[m] = g;
                System.arraycopy(tmp, 0, vals, m * br, br);
                m++;
                slot[g] = -1;
            }
            off[i + 1] = m;
        }
        return new Object[] {off, Arrays.copyOf(aggs, m), Arrays.copyOf(vals, m * br)};
    }

    /** T_i = Σ_j A_ij Z_j, grouped by the aggregate of j (as in {@link #galerkinProducts}); returns the count. */
    private int smoothingProducts(SymmetricBlockMatrix a, int i, int[] adjOff, int[] adjCol, int[] adjBlock, int[] slot,
                                  int[] touched, double[] acc) {
        int br = b * r;
        int count = 0;
        for (int e = adjOff[i]; e < adjOff[i + 1]; e++) {
            int j = adjCol[e], g = rowAggregate[j];
            if (slot[g] < 0) {
                slot[g] = count;
                touched[count++] = g;
                Arrays.fill(acc, slot[g] * br, (slot[g] + 1) * br, 0.0);
            }
            multiplyBlock(a, adjBlock[e], i, basis, b * j * r, r, acc, slot[g] * br, 1.0);
        }
        return count;
    }

    /** tmp = P_i[g] = [g == g(i)] Z_i − ω D_i⁻¹ T_i[g], with T_i[g] at acc[q·br ..]. */
    private void smoothedEntry(int i, int g, int q, double omega, double[] dinv, double[] acc, double[] tmp) {
        int br = b * r;
        Arrays.fill(tmp, 0.0);
        for (int rr = 0; rr < b; rr++) {
            for (int p = 0; p < r; p++) {
                double sum = 0;
                for (int c = 0; c < b; c++) sum += dinv[b * b * i + rr * b + c] * acc[q * br + c * r + p];
                tmp[rr * r + p] = -omega * sum;
            }
        }
        if (g == rowAggregate[i]) for (int t = 0; t < br; t++) tmp[t] += basis[br * i + t];
    }

    /** ρ(D⁻¹A) by power iteration from a deterministic start (times 1.05 against underestimation). */
    private double spectralRadius(SymmetricBlockMatrix a, Preconditioner jacobi) {
        int len = n * b;
        double[] v = new double[len], w = new double[len], z = new double[len];
        for (int q = 0; q < len; q++) v[q] = Math.sin(1.0 + q * 0.7548776662466927);
        double lambda = 1.0;
        for (int step = 0; step < POWER_STEPS; step++) {
            a.multiply(v, w);
            jacobi.apply(w, z);
            double num = dot(z, w), den = dot(v, w);
            if (den > 0 && num > 0) lambda = num / den;
            double norm = Math.sqrt(dot(z, z));
            if (!(norm > 0)) break;
            for (int q = 0; q < len; q++) v[q] = z[q] / norm;
        }
        return 1.05 * Math.max(lambda, 1e-300);
    }

    /**
     * E = ZᵀAZ for b = 2, r = 3 and the tentative prolongator (row i of Z is the 2×3 block Z_i in aggregate g(i)):
     * Z_iᵀA_iiZ_i for every diagonal block and, for every stored upper block A_ij, T = Z_iᵀA_ijZ_j added at (g(i), g(j))
     * and Tᵀ at (g(j), g(i)), which is exactly symmetric; no adjacency is built. Symmetrized like {@link #galerkin}.
     */
    private double[] tentativeGalerkin2(SymmetricBlockMatrix a) {
        final double[] e = new double[k * k];
        final double[] z = basis, dg = a.diagonalRef(), up = a.upperRef();
        final int[] off = a.offsetsRef(), col = a.columnsRef(), g = rowAggregate;
        final int kk = k;
        for (int i = 0; i < n; i++) tentativeRow2(e, kk, i, z, dg, up, off, col, g);
        symmetrize(e, kk);
        return e;
    }

    /** E ← (E + Eᵀ)/2 against round-off, entry pair by entry pair. */
    private static void symmetrize(double[] e, int k) {
        for (int p = 0; p < k; p++) symmetrizeRow(e, k, p);
    }

    /** Row p of {@link #symmetrize}: the pairs (p, q), q &lt; p. */
    private static void symmetrizeRow(double[] e, int k, int p) {
        for (int q = 0; q < p; q++) {
            double avg = 0.5 * (e[p * k + q] + e[q * k + p]);
            e[p * k + q] = avg;
            e[q * k + p] = avg;
        }
    }

    /** Block row i of {@link #tentativeGalerkin2}: its diagonal block, then its stored upper blocks. */
    private static void tentativeRow2(double[] e, int kk, int i, double[] z, double[] dg, double[] up, int[] off, int[] col,
                                      int[] g) {
        int zi = 6 * i, o = 4 * i;
        double a00 = dg[o], a01 = dg[o + 1], a10 = dg[o + 2], a11 = dg[o + 3];
        addBlock(e, kk, 3 * g[i], 3 * g[i], z, zi, a00, a01, a10, a11, z, zi);
        for (int f = off[i]; f < off[i + 1]; f++) {
            int j = col[f], u = 4 * f;
            addBlockAndTranspose(e, kk, 3 * g[i], 3 * g[j], z, zi, up[u], up[u + 1], up[u + 2], up[u + 3], z, 6 * j);
        }
    }

    /** e[(gr + p)·k + gc + q] += (Z_aᵀ A Z_b)_pq, Z 2×3 row-major at za, zb, A = [a00 a01; a10 a11]. */
    private static void addBlock(double[] e, int k, int gr, int gc, double[] za, int ia, double a00, double a01,
                                 double a10, double a11, double[] zb, int ib) {
        for (int q = 0; q < 3; q++) {
            double w0 = a00 * zb[ib + q] + a01 * zb[ib + 3 + q];
            double w1 = a10 * zb[ib + q] + a11 * zb[ib + 3 + q];
            for (int p = 0; p < 3; p++) e[(gr + p) * k + gc + q] += za[ia + p] * w0 + za[ia + 3 + p] * w1;
        }
    }

    /** {@link #addBlock} at (gr, gc) and its transpose at (gc, gr). */
    private static void addBlockAndTranspose(double[] e, int k, int gr, int gc, double[] za, int ia, double a00,
                                             double a01, double a10, double a11, double[] zb, int ib) {
        for (int q = 0; q < 3; q++) {
            double w0 = a00 * zb[ib + q] + a01 * zb[ib + 3 + q];
            double w1 = a10 * zb[ib + q] + a11 * zb[ib + 3 + q];
            for (int p = 0; p < 3; p++) {
                double t = za[ia + p] * w0 + za[ia + 3 + p] * w1;
                e[(gr + p) * k + gc + q] += t;
                e[(gc + q) * k + gr + p] += t;
            }
        }
    }

    /** E = Pᵀ A P (dense k × k): row by row, (AP)_i grouped by aggregate, then P_iᵀ (AP)_i. */
    private double[] galerkin(SymmetricBlockMatrix a, int[] adjOff, int[] adjCol, int[] adjBlock, int na) {
        int br = b * r;
        double[] e = new double[k * k];
        int[] slot = new int[na];
        Arrays.fill(slot, -1);
        int[] touched = new int[na];
        double[] acc = new double[na * br];   // at most na aggregates touch a row
        for (int i = 0; i < n; i++) {
            int count = galerkinProducts(a, i, adjOff, adjCol, adjBlock, slot, touched, acc);
            for (int f = pOffsets[i]; f < pOffsets[i + 1]; f++) galerkinEntry(e, f, count, touched, acc);
            clearSlots(slot, touched, count);
        }
        symmetrize(e, k);
        return e;
    }

    /**
     * (AP)_i grouped by aggregate: acc[q·br ..] = Σ_j A_ij P_j over the entries of P in the aggregate touched[q];
     * returns the number of aggregates touched (slot[g] is then g's q).
     */
    private int galerkinProducts(SymmetricBlockMatrix a, int i, int[] adjOff, int[] adjCol, int[] adjBlock, int[] slot,
                                 int[] touched, double[] acc) {
        int br = b * r;
        int count = 0;
        for (int q = adjOff[i]; q < adjOff[i + 1]; q++) {
            int j = adjCol[q];
            for (int f = pOffsets[j]; f < pOffsets[j + 1]; f++) {
                int g = pAggregate[f];
                if (slot[g] < 0) {
                    slot[g] = count;
                    touched[count++] = g;
                    Arrays.fill(acc, slot[g] * br, (slot[g] + 1) * br, 0.0);
                }
                multiplyBlock(a, adjBlock[q], i, pValues, f * br, r, acc, slot[g] * br, 1.0);
            }
        }
        return count;
    }

    /** E[g(f), g₂] += P_fᵀ (AP)_i[g₂] for the entry f of row i and every aggregate g₂ the row touched. */
    private void galerkinEntry(double[] e, int f, int count, int[] touched, double[] acc) {
        int br = b * r;
        int g1 = pAggregate[f];
        for (int q = 0; q < count; q++) {
            int g2 = touched[q];
            for (int p1 = 0; p1 < r; p1++) {
                for (int p2 = 0; p2 < r; p2++) {
                    double sum = 0;
                    for (int rr = 0; rr < b; rr++) sum += pValues[f * br + rr * r + p1] * acc[q * br + rr * r + p2];
                    e[(g1 * r + p1) * k + g2 * r + p2] += sum;
                }
            }
        }
    }

    /** slot[g] = −1 for the count aggregates in touched. */
    private static void clearSlots(int[] slot, int[] touched, int count) {
        for (int q = 0; q < count; q++) slot[touched[q]] = -1;
    }

    /** Lower Cholesky factor of e + shift·I (row-major), or null when not positive definite. */
    private static double[] cholesky(double[] e, int k, double shift) {
        double[] l = new double[k * k];
        for (int j = 0; j < k; j++) {
            double s = e[j * k + j] + shift - BlockVectors.dot(l, j * k, l, j * k, j);
            if (!(s > 0)) return null;
            double d = Math.sqrt(s);
            l[j * k + j] = d;
            choleskyColumn(e, l, k, j, d);
        }
        return l;
    }

    /** Column j of the Cholesky factor below the diagonal d. */
    private static void choleskyColumn(double[] e, double[] l, int k, int j, double d) {
        for (int i = j + 1; i < k; i++) {
            l[i * k + j] = (e[i * k + j] - BlockVectors.dot(l, i * k, l, j * k, j)) / d;
        }
    }

    /** λ_max(S A) by power iteration on the S-symmetric operator, from a deterministic start. */
    private double largestEigenvalueOfSmoothedOperator() {
        int len = n * b;
        double[] v = new double[len], w = new double[len], z = new double[len];
        for (int q = 0; q < len; q++) v[q] = Math.sin(1.0 + q * 0.7548776662466927);
        double lambda = 1.0;
        for (int step = 0; step < POWER_STEPS; step++) {
            a.apply(v, w);
            smoother.apply(w, z);
            double num = dot(z, w), den = dot(v, w);   // Rayleigh quotient of SA in the A inner product
            if (den > 0 && num > 0) lambda = num / den;
            double norm = Math.sqrt(dot(z, z));
            if (!(norm > 0)) break;
            for (int q = 0; q < len; q++) v[q] = z[q] / norm;
        }
        return Math.max(lambda, 1e-300);
    }

    /** y = Pᵀ x (y overwritten), block row by block row. */
    private void restrict(double[] x, double[] y) {
        Arrays.fill(y, 0.0);
        final double[] z = pValues;
        final int rr = r, bs = b, br = b * r;
        if (bs == 2 && rr == 3) {
            for (int i = 0; i < n; i++) {
                double x0 = x[2 * i], x1 = x[2 * i + 1];
                for (int f = pOffsets[i]; f < pOffsets[i + 1]; f++) {
                    int c0 = pAggregate[f] * 3, o = 6 * f;
                    y[c0] += z[o] * x0 + z[o + 3] * x1;
                    y[c0 + 1] += z[o + 1] * x0 + z[o + 4] * x1;
                    y[c0 + 2] += z[o + 2] * x0 + z[o + 5] * x1;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int f = pOffsets[i]; f < pOffsets[i + 1]; f++) {
                int c0 = pAggregate[f] * rr, o = br * f;
                for (int c = 0; c < bs; c++) {
                    double xv = x[bs * i + c];
                    for (int p = 0; p < rr; p++) y[c0 + p] += z[o + c * rr + p] * xv;
                }
            }
        }
    }

    /** x += P y, block row by block row. */
    private void prolongAdd(double[] y, double[] x) {
        final double[] z = pValues;
        final int rr = r, bs = b, br = b * r;
        if (bs == 2 && rr == 3) {
            for (int i = 0; i < n; i++) {
                double s0 = 0, s1 = 0;
                for (int f = pOffsets[i]; f < pOffsets[i + 1]; f++) {
                    int c0 = pAggregate[f] * 3, o = 6 * f;
                    double y0 = y[c0], y1 = y[c0 + 1], y2 = y[c0 + 2];
                    s0 += z[o] * y0 + z[o + 1] * y1 + z[o + 2] * y2;
                    s1 += z[o + 3] * y0 + z[o + 4] * y1 + z[o + 5] * y2;
                }
                x[2 * i] += s0;
                x[2 * i + 1] += s1;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int f = pOffsets[i]; f < pOffsets[i + 1]; f++) {
                int c0 = pAggregate[f] * rr, o = br * f;
                for (int c = 0; c < bs; c++) {
                    double sum = 0;
                    for (int p = 0; p < rr; p++) sum += z[o + c * rr + p] * y[c0 + p];
                    x[bs * i + c] += sum;
                }
            }
        }
    }

    /**
     * y ← E⁻¹ y with the Cholesky factor E = LLᵀ, both sweeps column by column (axpy form): once y_j is final, its
     * multiple of column j of L (forward: row j of Lᵀ, entries j+1 ..) or of Lᵀ (backward: row j of L, entries .. j−1)
     * is subtracted from the rest. The inner loops are contiguous, independent updates that the JIT vectorizes, where
     * the dot-product form was one long chain of dependent additions per row.
     */
    private void coarseSolve(double[] y) {
        forwardSolve(factorT, y, k);
        backwardSolve(factor, y, k);
    }

    /** y ← L⁻¹ y, reading the rows of u = Lᵀ (k × k row-major). */
    private static void forwardSolve(double[] u, double[] y, int kk) {
        for (int j = 0; j < kk; j++) {
            int rj = j * kk;
            double yj = y[j] / u[rj + j];
            y[j] = yj;
            for (int i = j + 1; i < kk; i++) y[i] -= yj * u[rj + i];
        }
    }

    /** y ← L⁻ᵀ y, reading the rows of L (k × k row-major). */
    private static void backwardSolve(double[] l, double[] y, int kk) {
        for (int j = kk - 1; j >= 0; j--) {
            int rj = j * kk;
            double yj = y[j] / l[rj + j];
            y[j] = yj;
            for (int i = 0; i < j; i++) y[i] -= yj * l[rj + i];
        }
    }

    /** z += Q x. */
    private void addCoarse(double[] x, double[] z) {
        restrict(x, coarse);
        coarseSolve(coarse);
        prolongAdd(coarse, z);
    }

    @Override public void apply(double[] r, double[] z) {
        int len = n * b;
        if (mode == Mode.ADDITIVE) {
            if (fuse && fusedSmoother != null) {
                fusedSmoother.applyWithCoarse2(r, z, qOffsets, qAggregate, qValues, coarse, coarseStep);
                return;
            }
            smoother.apply(r, z);
            addCoarse(r, z);
            return;
        }
        smoother.apply(r, z);
        for (int q = 0; q < len; q++) z[q] *= omega;
        a.apply(z, t1);
        for (int q = 0; q < len; q++) t1[q] = r[q] - t1[q];
        addCoarse(t1, z);
        a.apply(z, t1);
        for (int q = 0; q < len; q++) t1[q] = r[q] - t1[q];
        smoother.apply(t1, t2);
        for (int q = 0; q < len; q++) z[q] += omega * t2[q];
    }

    /** @return the coarse dimension k */
    public int coarseDimension() { return k; }

    /** @return the smoother damping ω (1 in additive mode) */
    public double damping() { return omega; }

    @Override public String name() {
        return (mode == Mode.ADDITIVE ? "additive " : "") + (smoothed ? "smoothed " : "") + "two-level(" + smoother.name() + ")";
    }

    /** @return whether the prolongator is smoothed */
    public boolean smoothed() { return smoothed; }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    @Override public String toString() {
        return String.format("TwoLevelPreconditioner[%s, %s, coarse %d, omega %.3f]", mode, smoother.name(), k, omega);
    }
}
