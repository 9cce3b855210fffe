package org.mdsens.md.kernel.vector;

import java.util.Arrays;

import org.mdsens.md.neighbor.ClusterPairList;

/**
 * Workspaces of one energy-and-forces call over a {@link ClusterPairList} (the 4×4 cluster-pair
 * path): per cluster 8 doubles per axis holding its 4 particles twice (lanes 0–3 and 4–7), so
 * that on 8 lanes a j-cluster loads as one vector against two i particles per vector (4 lanes
 * read the first copy); the same
 * layout for the species (as doubles, for lane masks); and per force block a private force
 * accumulator over the block's window ({@link ClusterPairList#blockWindow()}), 8 doubles per
 * cluster, at {@code window[b]} in {@code fx/fy/fz}. The list's arrays are referenced for the
 * loops. Arrays grow with the sizes and are reused. Mutable, owned by one kernel; a block's
 * accumulator is written only by the thread running that block.
 */
final class PairFrame {

    /** Doubles per cluster in the slot buffers and accumulators. */
    static final int STRIDE = 2 * ClusterPairList.SIZE;
    /** Doubles of {@link #iScratch} per force block (12 used; 32 keep blocks on separate cache lines). */
    static final int SCRATCH = 32;

    double[] xs = new double[0], ys = new double[0], zs = new double[0];
    double[] speciesLanes = new double[0];
    double[] fx = new double[0], fy = new double[0], fz = new double[0];
    /** Per force block {@value #SCRATCH} doubles for its i-cluster ({@link LjQuadLoop}), written only by its thread. */
    double[] iScratch = new double[0];
    /** Per block and one past the last: the start of its accumulator in fx/fy/fz. */
    int[] window = new int[1];

    // the list, for the loops
    int clusters, blocks;
    int[] entryCluster, entryShift, jStart, jClusters, blockEntries, blockFirst, blockWindow;
    double[] shifts;
    /** Whether force loops accumulate the virial. */
    boolean virial;

    private ClusterPairList bound;
    private int boundVersion = -1;

    /** Points the frame at {@code list}'s current build; refreshes the species lanes when it changed. */
    void bind(ClusterPairList list, int[] particleSpecies) {
        clusters = list.clusterCount();
        blocks = list.blockCount();
        int n = STRIDE * clusters;
        if (xs.length < n) {
            int cap = n + n / 8 + STRIDE;
            xs = new double[cap];
            ys = new double[cap];
            zs = new double[cap];
            speciesLanes = new double[cap];
            boundVersion = -1;
        }
        entryCluster = list.entryCluster();
        entryShift = list.entryShift();
        jStart = list.jStart();
        jClusters = list.jClusters();
        blockEntries = list.blockEntries();
        blockFirst = list.blockFirst();
        blockWindow = list.blockWindow();
        shifts = list.imageShifts();
        if (window.length < blocks + 1) window = new int[blocks + 1];
        if (iScratch.length < SCRATCH * blocks) iScratch = new double[SCRATCH * (blocks + blocks / 8 + 1)];
        window[0] = 0;
        for (int b = 0; b < blocks; b++) window[b + 1] = window[b] + STRIDE * blockWindow[b];
        if (fx.length < window[blocks]) {
            int cap = window[blocks] + window[blocks] / 8 + STRIDE;
            fx = new double[cap];
            fy = new double[cap];
            fz = new double[cap];
        }
        if (list != bound || list.version() != boundVersion) {
            int[] sp = list.slotParticle();
            for (int c = 0; c < clusters; c++) {
                for (int l = 0; l < ClusterPairList.SIZE; l++) {
                    int p = sp[ClusterPairList.SIZE * c + l];
                    double t = p < 0 ? 0 : particleSpecies[p];
                    speciesLanes[STRIDE * c + l] = t;
                    speciesLanes[STRIDE * c + l + ClusterPairList.SIZE] = t;
                }
            }
            bound = list;
            boundVersion = list.version();
        }
    }

    /** Zeroes the accumulator of block b (by the thread that then runs it). */
    void clear(int b) {
        Arrays.fill(fx, window[b], window[b + 1], 0.0);
        Arrays.fill(fy, window[b], window[b + 1], 0.0);
        Arrays.fill(fz, window[b], window[b + 1], 0.0);
    }
}
