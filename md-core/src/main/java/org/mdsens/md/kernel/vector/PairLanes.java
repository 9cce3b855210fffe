package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane constants of the 4×4 cluster-pair loops on 8 lanes ("2xNN", GROMACS's name): an
 * i-cluster of 4 particles is two vectors, (i0 ×4 | i1 ×4) and (i2 ×4 | i3 ×4), made by the
 * shuffles {@link #I01} and {@link #I23} of the cluster's duplicated coordinates, each against a
 * j-cluster stored twice (j0..j3 | j0..j3). Initialised only where {@link Lanes#WIDTH} is 8
 * ({@link #supported()} tells, without initialising the constants). Immutable.
 */
final class PairLanes {

    /**
     * Whether these 4×4 loops can run: vectors of exactly 8 doubles (AVX-512). On 4 lanes (AVX2)
     * one-species Lennard-Jones has {@link LjQuadLoop} ({@link QuadLanes}); everything else there,
     * and every other width, uses the 1×{@link Lanes#WIDTH} rows.
     */
    static boolean supported() { return Lanes.WIDTH == 8; }

    static final VectorSpecies<Double> SP = Lanes.SPECIES;
    /** (c0 c0 c0 c0 c1 c1 c1 c1) and (c2 c2 c2 c2 c3 c3 c3 c3) of a cluster's 8 duplicated lanes. */
    static final VectorShuffle<Double> I01 = VectorShuffle.fromArray(SP, new int[] {0, 0, 0, 0, 1, 1, 1, 1}, 0);
    static final VectorShuffle<Double> I23 = VectorShuffle.fromArray(SP, new int[] {2, 2, 2, 2, 3, 3, 3, 3}, 0);
    /** Lane swaps by 2 and by 1 within each half, for the i-force reduction. */
    static final VectorShuffle<Double> SWAP2 = VectorShuffle.fromArray(SP, new int[] {2, 3, 0, 1, 6, 7, 4, 5}, 0);
    static final VectorShuffle<Double> SWAP1 = VectorShuffle.fromArray(SP, new int[] {1, 0, 3, 2, 5, 4, 7, 6}, 0);
    /** Lanes 2, 3, 6, 7: where the reduction takes the (i2 | i3) vector. */
    static final VectorMask<Double> HIGH_PAIRS = VectorMask.fromArray(SP,
            new boolean[] {false, false, true, true, false, false, true, true}, 0);
    /**
     * After the reduction i0, i2 sit in lanes 0, 2 and i1, i3 in lanes 5, 7: lane l or l + 4 of
     * particle l in the duplicated layout, so the fold (lane l + lane l + 4) counts each once.
     */
    static final VectorMask<Double> KEEP = VectorMask.fromArray(SP,
            new boolean[] {true, false, true, false, false, true, false, true}, 0);
    /** The pairs i &lt; j of the self cluster pair, for the (i0 | i1) and (i2 | i3) vectors. */
    static final VectorMask<Double> SELF0 = VectorMask.fromArray(SP,
            new boolean[] {false, true, true, true, false, false, true, true}, 0);
    static final VectorMask<Double> SELF1 = VectorMask.fromArray(SP,
            new boolean[] {false, false, false, true, false, false, false, false}, 0);

    private PairLanes() { }
}
