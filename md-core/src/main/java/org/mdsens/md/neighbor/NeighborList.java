package org.mdsens.md.neighbor;

import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Verlet list with skin: every pair closer than cutoff + skin at the last build, rebuilt by
 * {@link #update} when any particle has moved more than skin/2 since then.
 *
 * <p>Half list in CSR form: the neighbors of particle i are
 * {@code neighbors()[offsets()[i] .. offsets()[i+1])}, each unordered pair stored once.
 * Mutable, one per thread.
 */
public final class NeighborList {

    private final double cutoff;
    private final double skin;
    private int[] offsets = new int[1];
    private int[] neighbors = new int[0];
    private double[] reference = new double[0];
    private Box referenceBox;
    private int rebuilds;

    /**
     * @param cutoff interaction cutoff (&gt; 0)
     * @param skin   Verlet skin (≥ 0)
     */
    public NeighborList(double cutoff, double skin) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be > 0, got " + cutoff);
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("skin must be >= 0, got " + skin);
        this.cutoff = cutoff;
        this.skin = skin;
    }

    public double cutoff() { return cutoff; }
    public double skin() { return skin; }
    public int[] offsets() { return offsets; }
    public int[] neighbors() { return neighbors; }
    public int pairCount() { return offsets[offsets.length - 1]; }
    public int rebuildCount() { return rebuilds; }

    /** Builds on first use and rebuilds when needed; returns true if it rebuilt. */
    public boolean update(ParticleSystem system) {
        if (needsRebuild(system)) {
            rebuild(system);
            return true;
        }
        return false;
    }

    private boolean needsRebuild(ParticleSystem system) {
        double[] x = system.positions();
        if (reference.length != x.length || !system.box().equals(referenceBox)) return true;
        int d = system.dimension();
        double limit = 0.25 * skin * skin;
        for (int i = 0; i < x.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                double dx = x[i + a] - reference[i + a];
                s += dx * dx;
            }
            if (s > limit) return true;
        }
        return false;
    }

    /** Rebuilds unconditionally from the system's current positions. */
    public void rebuild(ParticleSystem system) {
        Box box = system.box();
        int d = system.dimension();
        int n = system.size();
        double[] x = system.positions();
        double[] len = box.imageLengths();
        double[] inv = box.inverseImageLengths();
        double rl2 = (cutoff + skin) * (cutoff + skin);
        int[] off = new int[n + 1];
        int[] nb = new int[Math.max(16, 8 * n)];
        int count = 0;
        for (int i = 0; i < n; i++) {
            off[i] = count;
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                if (r2 < rl2) {
                    if (count == nb.length) nb = java.util.Arrays.copyOf(nb, 2 * nb.length);
                    nb[count++] = j;
                }
            }
        }
        off[n] = count;
        offsets = off;
        neighbors = java.util.Arrays.copyOf(nb, count);
        reference = x.clone();
        referenceBox = box;
        rebuilds++;
    }
}
