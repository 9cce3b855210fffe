package org.mdsens.md.kernel;

import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The traversal shared by every pair loop: gathers the half-list neighbors j of one particle i
 * that lie inside their species pair's cutoff, with their minimum-image displacements, and
 * scatters one per-pair vector back onto i (+) and j (−). Kernels only supply the arithmetic
 * between {@link #gather} and {@link #scatter}, so scalar and vector twins cannot drift apart in
 * traversal, minimum image or scatter order.
 *
 * <p>Layout after {@code m = gather(i)}: for p in [0, m): {@code other[p]} = j,
 * {@code type[p]} = s_i·S + s_j (S species), {@code delta[d·p + a]} = component a of
 * r_ij = x_i − x_j under the minimum image ({@link Box#minimumImage(double, double, double)}, the
 * identity on open axes), {@code r2[p]} = |r_ij|². A kernel writes the vector it wants to scatter
 * to {@code w[d·p + a]}; {@link #scatter} adds it to particle i and subtracts it from j, in list
 * order, so the result is deterministic.
 *
 * <p>Workspaces grow with the longest neighbor row and are reused; no allocation per pair or per
 * call (except the first call on a new box). Mutable, one per thread.
 */
public final class PairBatch {

    private final int speciesCount;
    private final double[] cutoff2;

    /** Neighbor index j per gathered pair. */
    public int[] other = new int[0];
    /** Species-pair index s_i·S + s_j per gathered pair. */
    public int[] type = new int[0];
    /** Minimum-image displacement x_i − x_j, d entries per gathered pair. */
    public double[] delta = new double[0];
    /** Squared distance per gathered pair. */
    public double[] r2 = new double[0];
    /** Vector to scatter, d entries per gathered pair (written by the kernel). */
    public double[] w = new double[0];

    private double[] x;
    private int[] species;
    private int[] offsets;
    private int[] neighbors;
    private int d;
    private Box box;
    private double[] len;
    private double[] inv;

    /**
     * @param speciesCount S
     * @param cutoff2      squared cutoff per species pair, indexed s_a·S + s_b (length S²);
     *                     pairs at or beyond it are not gathered
     */
    public PairBatch(int speciesCount, double[] cutoff2) {
        if (cutoff2.length != speciesCount * speciesCount) {
            throw new IllegalArgumentException("cutoff table length must be " + speciesCount * speciesCount
                    + ", got " + cutoff2.length);
        }
        this.speciesCount = speciesCount;
        this.cutoff2 = cutoff2.clone();
    }

    /** Spatial dimension of the bound system. */
    public int dimension() { return d; }

    /** Number of particles of the bound system. */
    public int particleCount() { return species.length; }

    /**
     * Binds the batch to a system and an up-to-date half list for one kernel call. Reads the live
     * position array; the caller must not move particles until the loop is done.
     */
    public void bind(ParticleSystem system, NeighborList list) {
        if (system.speciesCount() > speciesCount) {
            throw new IllegalArgumentException("system species count must be at most the potential's "
                    + speciesCount + ", got " + system.speciesCount());
        }
        x = system.positions();
        species = system.species();
        offsets = list.offsets();
        neighbors = list.neighbors();
        if (offsets.length != species.length + 1) {
            throw new IllegalArgumentException("neighbor list must be built for " + species.length
                    + " particles, got " + (offsets.length - 1));
        }
        d = system.dimension();
        Box b = system.box();
        if (b != box) {
            box = b;
            len = b.imageLengths();
            inv = b.inverseImageLengths();
        }
        int longest = 0;
        for (int i = 0; i < species.length; i++) longest = Math.max(longest, offsets[i + 1] - offsets[i]);
        if (other.length < longest) {
            int cap = Math.max(longest, 2 * other.length);
            other = new int[cap];
            type = new int[cap];
            r2 = new double[cap];
            delta = new double[3 * cap];
            w = new double[3 * cap];
        }
    }

    /**
     * Gathers the neighbors of particle {@code i} inside their pair cutoff (half list: each pair
     * once, from its first particle); returns their count m.
     */
    public int gather(int i) {
        return d == 3 ? gather3(i) : gather2(i);
    }

    private int gather3(int i) {
        final double[] pos = x;
        final int[] sp = species;
        final int[] nb = neighbors;
        final double[] c2 = cutoff2;
        final double[] dl = delta;
        final int si = sp[i] * speciesCount;
        final int end = offsets[i + 1];
        final double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
        final double lx = len[0], ly = len[1], lz = len[2];
        final double ix = inv[0], iy = inv[1], iz = inv[2];
        int m = 0;
        for (int q = offsets[i]; q < end; q++) {
            int j = nb[q];
            int bj = 3 * j;
            double dx = Box.minimumImage(xi - pos[bj], lx, ix);
            double dy = Box.minimumImage(yi - pos[bj + 1], ly, iy);
            double dz = Box.minimumImage(zi - pos[bj + 2], lz, iz);
            double s = dx * dx + dy * dy + dz * dz;
            int t = si + sp[j];
            if (s < c2[t]) {
                int o = 3 * m;
                dl[o] = dx;
                dl[o + 1] = dy;
                dl[o + 2] = dz;
                other[m] = j;
                type[m] = t;
                r2[m] = s;
                m++;
            }
        }
        return m;
    }

    private int gather2(int i) {
        final double[] pos = x;
        final int[] sp = species;
        final int[] nb = neighbors;
        final double[] c2 = cutoff2;
        final double[] dl = delta;
        final int si = sp[i] * speciesCount;
        final int end = offsets[i + 1];
        final double xi = pos[2 * i], yi = pos[2 * i + 1];
        final double lx = len[0], ly = len[1];
        final double ix = inv[0], iy = inv[1];
        int m = 0;
        for (int q = offsets[i]; q < end; q++) {
            int j = nb[q];
            int bj = 2 * j;
            double dx = Box.minimumImage(xi - pos[bj], lx, ix);
            double dy = Box.minimumImage(yi - pos[bj + 1], ly, iy);
            double s = dx * dx + dy * dy;
            int t = si + sp[j];
            if (s < c2[t]) {
                int o = 2 * m;
                dl[o] = dx;
                dl[o + 1] = dy;
                other[m] = j;
                type[m] = t;
                r2[m] = s;
                m++;
            }
        }
        return m;
    }

    /**
     * Adds Σ_p {@code w[d·p ..]} to particle i (summed in p order, then added once) and subtracts
     * each {@code w[d·p ..]} from {@code other[p]}, for p &lt; m.
     */
    public void scatter(int i, int m, double[] out) {
        final int dim = d;
        final int base = dim * i;
        final double[] wv = w;
        final int[] oth = other;
        if (dim == 3) {
            double fx = 0, fy = 0, fz = 0;
            for (int p = 0; p < m; p++) {
                int bj = 3 * oth[p];
                int o = 3 * p;
                double vx = wv[o], vy = wv[o + 1], vz = wv[o + 2];
                fx += vx;
                fy += vy;
                fz += vz;
                out[bj] -= vx;
                out[bj + 1] -= vy;
                out[bj + 2] -= vz;
            }
            out[base] += fx;
            out[base + 1] += fy;
            out[base + 2] += fz;
            return;
        }
        double fx = 0, fy = 0;
        for (int p = 0; p < m; p++) {
            int bj = 2 * oth[p];
            int o = 2 * p;
            double vx = wv[o], vy = wv[o + 1];
            fx += vx;
            fy += vy;
            out[bj] -= vx;
            out[bj + 1] -= vy;
        }
        out[base] += fx;
        out[base + 1] += fy;
    }
}
