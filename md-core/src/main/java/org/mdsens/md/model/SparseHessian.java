package org.mdsens.md.model;

import java.util.Arrays;

import org.mdsens.md.kernel.PairBatch;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The Hessian H = ∇²E of an {@link EnergyModel} at fixed positions, assembled once as a sparse
 * matrix of d×d pair stiffnesses, so that products H v no longer walk the Verlet list (skin pairs)
 * or re-evaluate pair derivatives.
 *
 * <p>Form. H is a sum over interacting pairs e = (i, j), i &lt; j (pairs strictly inside their
 * species pair's cutoff, as the kernels gather them, plus harmonic bonds; a bonded pair that also
 * interacts is one pair with the summed stiffness):
 * <pre>
 *   H = Σ_e (e_i − e_j)(e_i − e_j)ᵀ ⊗ K_e,   K_e = (φ'(r)/r) I + [(φ''(r) − φ'(r)/r)/r²] r_ij r_ijᵀ
 * </pre>
 * with r_ij = x_i − x_j under the minimum image (DESIGN.md §4; bonds: φ = k (r − r0)²). So the
 * off-diagonal block is H_ij = H_ji = −K_e and the diagonal block is D_i = Σ_{e ∋ i} K_e.
 * {@link #multiply} evaluates (Hv)_i = Σ_j K_ij (v_i − v_j) pair by pair, in the same order and with
 * the same scatter as the scalar kernel, so it equals {@link EnergyEvaluator#hessianProduct} to
 * round-off (about 1e-15 relative) and annihilates rigid translations exactly.
 *
 * <p>Layout (arrays returned are copies): pairs are grouped by their first particle i in CSR form,
 * {@link #offsets()} (length N + 1) and {@link #columns()} (j &gt; i, ascending within a row);
 * {@link #stiffness()} holds each K_e packed symmetric, s = d(d+1)/2 numbers per pair in the order
 * (xx, xy, yy) in 2D and (xx, xy, xz, yy, yz, zz) in 3D; {@link #diagonal()} holds D_i packed the
 * same way, s per particle. Vectors are xyz-interleaved, length d·N, in the system's particle order.
 * Memory: about (s + ½)·8 bytes per pair plus s·8 bytes per particle.
 *
 * <p>The matrix is a snapshot: moving the particles afterwards does not change it. Immutable and
 * thread-safe after {@link #assemble} ({@link #multiply} writes only its output).
 */
public final class SparseHessian {

    private final int dimension;
    private final int size;
    private final int[] offsets;
    private final int[] columns;
    private final double[] stiffness;
    private final double[] diagonal;

    private SparseHessian(int dimension, int size, int[] offsets, int[] columns, double[] stiffness, double[] diagonal) {
        this.dimension = dimension;
        this.size = size;
        this.offsets = offsets;
        this.columns = columns;
        this.stiffness = stiffness;
        this.diagonal = diagonal;
    }

    /** Packed entries of a symmetric d×d block: 3 in 2D, 6 in 3D. */
    public static int packedSize(int dimension) { return dimension * (dimension + 1) / 2; }

    /**
     * Assembles H at the evaluator's current positions (its neighbor list is updated; positions are
     * not moved): pair term plus bonds.
     *
     * @param evaluator the system and model
     * @return the assembled Hessian
     */
    public static SparseHessian assemble(EnergyEvaluator evaluator) {
        ParticleSystem system = evaluator.system();
        EnergyModel model = evaluator.model();
        PairPotential pair = model.pair();
        final int d = system.dimension();
        if (d != 2 && d != 3) throw new IllegalArgumentException("dimension must be 2 or 3, got " + d);
        final int n = system.size();
        final int s = packedSize(d);
        int species = pair.speciesNames().size();
        RadialFunction[] table = new RadialFunction[species * species];
        double[] cut2 = new double[species * species];
        for (int a = 0; a < species; a++) {
            for (int b = 0; b < species; b++) {
                table[a * species + b] = pair.pair(a, b);
                double c = table[a * species + b].cutoff();
                cut2[a * species + b] = c * c;
            }
        }
        NeighborList list = evaluator.neighborList();
        list.update(system);
        PairBatch batch = new PairBatch(species, cut2);
        batch.bind(system, list);

        // pair term, row by row (the half list keeps j > i, ascending)
        int[] offsets = new int[n + 1];
        int capacity = Math.max(16, list.pairCount());
        int[] cols = new int[capacity];
        double[] k = new double[s * capacity];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int count = batch.gather(i);
            if (m + count > cols.length) {
                int cap = Math.max(m + count, 2 * cols.length);
                cols = Arrays.copyOf(cols, cap);
                k = Arrays.copyOf(k, s * cap);
            }
            for (int p = 0; p < count; p++) {
                RadialFunction f = table[batch.type[p]];
                double rr = batch.r2[p];
                double r = Math.sqrt(rr);
                double fOverR = f.firstDerivative(r) / r;
                double c = (f.secondDerivative(r) - fOverR) / rr;
                cols[m] = batch.other[p];
                pack(d, fOverR, c, batch.delta, d * p, k, s * m);
                m++;
            }
            offsets[i + 1] = m;
        }

        HarmonicBonds bonds = model.bonds();
        if (bonds.size() > 0) {
            Rows merged = mergeBonds(system, bonds, new Rows(offsets, cols, k));
            offsets = merged.offsets();
            cols = merged.columns();
            k = merged.stiffness();
            m = offsets[n];
        }
        int[] columns = Arrays.copyOf(cols, m);
        double[] stiffness = Arrays.copyOf(k, s * m);
        double[] diagonal = new double[s * n];
        for (int i = 0; i < n; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                int j = columns[e];
                for (int t = 0; t < s; t++) {
                    diagonal[s * i + t] += stiffness[s * e + t];
                    diagonal[s * j + t] += stiffness[s * e + t];
                }
            }
        }
        return new SparseHessian(d, n, offsets, columns, stiffness, diagonal);
    }

    /** Pair rows under construction: CSR offsets, columns and packed stiffnesses (arrays may be longer). */
    private record Rows(int[] offsets, int[] columns, double[] stiffness) { }

    /** K = fOverR I + c r rᵀ, packed, from the displacement at {@code delta[o..o+d)}. */
    private static void pack(int d, double fOverR, double c, double[] delta, int o, double[] out, int at) {
        if (d == 2) {
            double x = delta[o], y = delta[o + 1];
            out[at] = fOverR + c * x * x;
            out[at + 1] = c * x * y;
            out[at + 2] = fOverR + c * y * y;
        } else {
            double x = delta[o], y = delta[o + 1], z = delta[o + 2];
            out[at] = fOverR + c * x * x;
            out[at + 1] = c * x * y;
            out[at + 2] = c * x * z;
            out[at + 3] = fOverR + c * y * y;
            out[at + 4] = c * y * z;
            out[at + 5] = fOverR + c * z * z;
        }
    }

    /**
     * Merges the bond stiffnesses into the pair rows (summing into an existing pair, inserting
     * otherwise, keeping rows ascending).
     */
    private static Rows mergeBonds(ParticleSystem system, HarmonicBonds bonds, Rows pairs) {
        final int[] offsets = pairs.offsets(), cols = pairs.columns();
        final double[] k = pairs.stiffness();
        final int d = system.dimension();
        final int n = system.size();
        final int m = offsets[n];
        final int s = packedSize(d);
        final double[] x = system.positions();
        final double[] len = system.box().imageLengths();
        final double[] inv = system.box().inverseImageLengths();
        int nb = bonds.size();
        int[] bi = new int[nb], bj = new int[nb];
        double[] bk = new double[s * nb];
        double[] delta = new double[d];
        for (int b = 0; b < nb; b++) {
            int i = bonds.first(b), j = bonds.second(b);
            double r2 = 0;
            for (int a = 0; a < d; a++) {
                delta[a] = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                r2 += delta[a] * delta[a];
            }
            double r = Math.sqrt(r2);
            int t = bonds.type(b);
            double k2 = 2 * bonds.stiffness(t);
            double fOverR = k2 * (r - bonds.restLength(t)) / r;   // φ'/r with φ = k (r − r0)²
            double c = (k2 - fOverR) / r2;                        // (φ'' − φ'/r)/r², the displacement's sign is irrelevant
            bi[b] = Math.min(i, j);
            bj[b] = Math.max(i, j);
            pack(d, fOverR, c, delta, 0, bk, s * b);
        }
        // bonds sorted by (first, second)
        Integer[] order = new Integer[nb];
        for (int b = 0; b < nb; b++) order[b] = b;
        Arrays.sort(order, (p, q) -> bi[p] != bi[q] ? Integer.compare(bi[p], bi[q]) : Integer.compare(bj[p], bj[q]));
        int[] newOffsets = new int[n + 1];
        int[] newCols = new int[m + nb];
        double[] newK = new double[s * (m + nb)];
        int out = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            int e = offsets[i], end = offsets[i + 1];
            while (e < end || (q < nb && bi[order[q]] == i)) {
                boolean takeBond = q < nb && bi[order[q]] == i && (e >= end || bj[order[q]] <= cols[e]);
                if (takeBond) {
                    int b = order[q++];
                    if (out > newOffsets[i] && newCols[out - 1] == bj[b]) {
                        for (int t = 0; t < s; t++) newK[s * (out - 1) + t] += bk[s * b + t];
                    } else {
                        newCols[out] = bj[b];
                        System.arraycopy(bk, s * b, newK, s * out, s);
                        out++;
                    }
                } else {
                    if (out > newOffsets[i] && newCols[out - 1] == cols[e]) {
                        for (int t = 0; t < s; t++) newK[s * (out - 1) + t] += k[s * e + t];
                    } else {
                        newCols[out] = cols[e];
                        System.arraycopy(k, s * e, newK, s * out, s);
                        out++;
                    }
                    e++;
                }
            }
            newOffsets[i + 1] = out;
        }
        return new Rows(newOffsets, newCols, newK);
    }

    /** Spatial dimension d. */
    public int dimension() { return dimension; }

    /** Number of particles N (block rows). */
    public int size() { return size; }

    /** Number of interacting pairs (off-diagonal block pairs). */
    public int pairCount() { return offsets[size]; }

    /** Pair row offsets, length N + 1 (a copy). */
    public int[] offsets() { return offsets.clone(); }

    /** Second particle j &gt; i of each pair, grouped by first particle (a copy). */
    public int[] columns() { return columns.clone(); }

    /** Packed K_e per pair, {@link #packedSize} numbers each (a copy). */
    public double[] stiffness() { return stiffness.clone(); }

    /** Packed diagonal blocks D_i, {@link #packedSize} numbers per particle (a copy). */
    public double[] diagonal() { return diagonal.clone(); }

    /** Bytes held by the matrix arrays. */
    public long bytes() {
        return 4L * (offsets.length + columns.length) + 8L * (stiffness.length + diagonal.length);
    }

    /**
     * An upper bound of ‖H‖₂: the largest absolute row sum, max_i Σ_j ‖H_ij‖ (entrywise, over the
     * d rows of block row i); H is symmetric, so ‖H‖₂ ≤ ‖H‖_∞.
     */
    public double normBound() {
        final int d = dimension, s = packedSize(d);
        double[] rows = new double[d * size];
        for (int i = 0; i < size; i++) {
            addAbs(d, diagonal, s * i, rows, d * i);
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                addAbs(d, stiffness, s * e, rows, d * i);
                addAbs(d, stiffness, s * e, rows, d * columns[e]);
            }
        }
        double m = 0;
        for (double r : rows) m = Math.max(m, r);
        return m;
    }

    private static void addAbs(int d, double[] packed, int at, double[] rows, int row) {
        if (d == 2) {
            rows[row] += Math.abs(packed[at]) + Math.abs(packed[at + 1]);
            rows[row + 1] += Math.abs(packed[at + 1]) + Math.abs(packed[at + 2]);
        } else {
            rows[row] += Math.abs(packed[at]) + Math.abs(packed[at + 1]) + Math.abs(packed[at + 2]);
            rows[row + 1] += Math.abs(packed[at + 1]) + Math.abs(packed[at + 3]) + Math.abs(packed[at + 4]);
            rows[row + 2] += Math.abs(packed[at + 2]) + Math.abs(packed[at + 4]) + Math.abs(packed[at + 5]);
        }
    }

    /**
     * Overwrites {@code out} with H v: (Hv)_i = Σ_j K_ij (v_i − v_j), summed over each row's pairs in
     * order and added to i once, subtracted from j as it comes. No allocation.
     *
     * @param v   input, length d·N (not modified)
     * @param out output, length d·N, not the same array as {@code v}
     */
    public void multiply(double[] v, double[] out) {
        int len = dimension * size;
        if (v.length != len || out.length != len) {
            throw new IllegalArgumentException("vector lengths must be d·N = " + len + ", got " + v.length + " and "
                    + out.length);
        }
        if (v == out) throw new IllegalArgumentException("out must not be the same array as v");
        Arrays.fill(out, 0.0);
        if (dimension == 2) multiply2(v, out); else multiply3(v, out);
    }

    private void multiply2(double[] v, double[] out) {
        final int[] off = offsets, col = columns;
        final double[] k = stiffness;
        for (int i = 0; i < size; i++) {
            final double vx = v[2 * i], vy = v[2 * i + 1];
            double ax = 0, ay = 0;
            final int end = off[i + 1];
            for (int e = off[i]; e < end; e++) {
                int bj = 2 * col[e];
                int o = 3 * e;
                double dx = vx - v[bj], dy = vy - v[bj + 1];
                double kxy = k[o + 1];
                double wx = k[o] * dx + kxy * dy;
                double wy = kxy * dx + k[o + 2] * dy;
                ax += wx;
                ay += wy;
                out[bj] -= wx;
                out[bj + 1] -= wy;
            }
            out[2 * i] += ax;
            out[2 * i + 1] += ay;
        }
    }

    private void multiply3(double[] v, double[] out) {
        final int[] off = offsets, col = columns;
        final double[] k = stiffness;
        for (int i = 0; i < size; i++) {
            final double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            double ax = 0, ay = 0, az = 0;
            final int end = off[i + 1];
            for (int e = off[i]; e < end; e++) {
                int bj = 3 * col[e];
                int o = 6 * e;
                double dx = vx - v[bj], dy = vy - v[bj + 1], dz = vz - v[bj + 2];
                double kxy = k[o + 1], kxz = k[o + 2], kyz = k[o + 4];
                double wx = k[o] * dx + kxy * dy + kxz * dz;
                double wy = kxy * dx + k[o + 3] * dy + kyz * dz;
                double wz = kxz * dx + kyz * dy + k[o + 5] * dz;
                ax += wx;
                ay += wy;
                az += wz;
                out[bj] -= wx;
                out[bj + 1] -= wy;
                out[bj + 2] -= wz;
            }
            out[3 * i] += ax;
            out[3 * i + 1] += ay;
            out[3 * i + 2] += az;
        }
    }

    @Override public String toString() {
        return "SparseHessian[d=" + dimension + ", N=" + size + ", pairs=" + pairCount() + "]";
    }
}
