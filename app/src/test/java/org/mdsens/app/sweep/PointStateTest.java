package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The point state file keeps the bits and refuses damaged files. */
class PointStateTest {

    @Test
    void roundTripKeepsEveryBitSeed5() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[37];
        double[] dx = new double[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1e3, 1e3);
            dx[i] = Math.scalb(rng.nextDouble(), -1000);
        }
        x[3] = -0.0;
        dx[5] = Double.NaN;
        dx[6] = Double.MIN_VALUE;
        PointState back = PointState.decode(new PointState(x, dx).encode());
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(back.positions()[i]));
            assertEquals(Double.doubleToRawLongBits(dx[i]), Double.doubleToRawLongBits(back.dx()[i]));
        }
        PointState noDx = PointState.decode(new PointState(x, null).encode());
        assertNull(noDx.dx());
        assertArrayEquals(x, noDx.positions());
        assertEquals(new PointState(x, dx).checksum(), back.checksum());
    }

    @Test
    void damagedFilesAreRefused() {
        byte[] good = new PointState(new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.3, 0.4}).encode();
        byte[] flipped = good.clone();
        flipped[20] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> PointState.decode(flipped));
        assertThrows(IllegalArgumentException.class, () -> PointState.decode(Arrays.copyOf(good, good.length - 3)));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> PointState.decode(magic));
        assertThrows(IllegalArgumentException.class, () -> PointState.decode(new byte[3]));
    }
}
