package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane constants of the 4×4 cluster-pair loop on 4 lanes ({@link LjQuadLoop}, AVX2): each
 * particle i_k of an i-cluster is a broadcast vector (i_k ×4) against the j-cluster's 4 lanes
 * (the first half of the duplicated layout of {@link PairFrame}). Initialised only where
 * {@link Lanes#WIDTH} is 4 ({@link #supported()} tells, without initialising the constants).
 * Immutable.
 */
final class QuadLanes {

    /**
     * Whether the 4-lane 4×4 loop runs: vectors of exactly 4 doubles, on JDK 25 or later, where it
     * was measured 1.25-1.35× faster than the 1×4 rows; on JDK 17 it was not faster (table U).
     */
    static boolean supported() { return Lanes.WIDTH == 4 && Runtime.version().feature() >= 25; }

    static final VectorSpecies<Double> SP = Lanes.SPECIES;
    /** Lane swaps by 1 and by 2, for the i-force transpose-and-sum. */
    static final VectorShuffle<Double> SWAP1 = VectorShuffle.fromArray(SP, new int[] {1, 0, 3, 2}, 0);
    static final VectorShuffle<Double> SWAP2 = VectorShuffle.fromArray(SP, new int[] {2, 3, 0, 1}, 0);
    /** Lanes 1, 3 and lanes 2, 3: where the transpose takes the second operand. */
    static final VectorMask<Double> ODD = VectorMask.fromArray(SP, new boolean[] {false, true, false, true}, 0);
    static final VectorMask<Double> HIGH = VectorMask.fromArray(SP, new boolean[] {false, false, true, true}, 0);
    /** The pairs i_k &lt; j of the self cluster pair, for k = 0, 1, 2 (i_3 has none). */
    static final VectorMask<Double> SELF0 = VectorMask.fromArray(SP, new boolean[] {false, true, true, true}, 0);
    static final VectorMask<Double> SELF1 = VectorMask.fromArray(SP, new boolean[] {false, false, true, true}, 0);
    static final VectorMask<Double> SELF2 = VectorMask.fromArray(SP, new boolean[] {false, false, false, true}, 0);

    private QuadLanes() { }
}
