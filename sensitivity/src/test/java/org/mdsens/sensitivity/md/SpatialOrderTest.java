package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mdsens.md.space.Box;

/** The spatial order of the backbone: a permutation of the kept particles, cell by cell. */
class SpatialOrderTest {

    @Test
    void isAPermutationSortedByWrappedCellSeed5() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5L);
        double l = 10.0, side = 2.5;
        int n = 400;
        double[] x = new double[2 * n];
        // positions partly outside the box: the order must use wrapped coordinates
        for (int q = 0; q < x.length; q++) x[q] = (rng.nextDouble() * 3 - 1) * l;
        int[] keep = new int[300];
        for (int m = 0; m < keep.length; m++) keep[m] = m + (m / 3);   // skip every fourth particle
        int[] order = SpatialOrder.of(Box.Periodic.cube(2, l), x, keep, side);
        int[] a = order.clone(), b = keep.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(b, a, "a permutation of the kept particles");
        long previous = -1;
        int previousIndex = -1;
        for (int i : order) {
            long cx = (long) ((x[2 * i] - l * Math.floor(x[2 * i] / l)) / side);
            long cy = (long) ((x[2 * i + 1] - l * Math.floor(x[2 * i + 1] / l)) / side);
            long cell = cy * 4 + cx;
            assertTrue(cell > previous || (cell == previous && i > previousIndex),
                    "cells ascending (x fastest), input order within a cell, got cell " + cell + " after " + previous);
            previous = cell;
            previousIndex = i;
        }
    }
}
