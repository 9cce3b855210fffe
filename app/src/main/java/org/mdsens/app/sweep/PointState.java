package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The minimum of one committed point, for resuming its chain bit for bit: the positions x*
 * (xyz-interleaved, length d·N, input order, as the minimizer left them) and, when warm starts
 * need it, dx*&#47;dθ of the chain parameter (same layout), or null.
 *
 * <p>File format ({@code .state}, little-endian): the magic {@code MDSW}, format version 1, the
 * length d·N, a flag (1 when dx follows), the positions, dx, then the CRC-32 of every byte before
 * it. Doubles are stored as their IEEE bits, so reading gives exactly what was written. Immutable
 * (arrays are copied in and out).
 *
 * @param positions x*
 * @param dx        dx*&#47;dθ of the chain parameter, or null
 */
public record PointState(double[] positions, double[] dx) {

    private static final int MAGIC = 0x5753444D; // "MDSW" little-endian
    private static final int VERSION = 1;

    public PointState {
        positions = positions.clone();
        if (dx != null) {
            if (dx.length != positions.length) {
                throw new IllegalArgumentException("dx length must be " + positions.length + ", got " + dx.length);
            }
            dx = dx.clone();
        }
    }

    @Override public double[] positions() { return positions.clone(); }

    @Override public double[] dx() { return dx == null ? null : dx.clone(); }

    /** The file's bytes. */
    public byte[] encode() {
        int n = positions.length;
        ByteBuffer b = ByteBuffer.allocate(16 + 8 * n * (dx == null ? 1 : 2) + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(n).putInt(dx == null ? 0 : 1);
        for (double v : positions) b.putDouble(v);
        if (dx != null) for (double v : dx) b.putDouble(v);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putLong(crc.getValue());
        return b.array();
    }

    /** The CRC-32 of {@link #encode()}'s content (stored in the point's record to tie the two files). */
    public long checksum() {
        byte[] bytes = encode();
        return ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Decodes a state file; throws {@link IOException} naming the file when it is not a complete, intact one. */
    public static PointState read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Decodes {@link #encode()}'s bytes; throws {@link IllegalArgumentException} for anything else. */
    public static PointState decode(byte[] bytes) {
        if (bytes.length < 24) throw new IllegalArgumentException("state file must be at least 24 bytes, got " + bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != MAGIC) throw new IllegalArgumentException("not an mdsens point state (bad magic)");
        int version = b.getInt();
        if (version != VERSION) throw new IllegalArgumentException("state format version must be 1, got " + version);
        int n = b.getInt();
        int flag = b.getInt();
        if (n < 0 || (flag != 0 && flag != 1)) throw new IllegalArgumentException("corrupt state header");
        long expected = 16L + 8L * n * (flag + 1) + 8;
        if (bytes.length != expected) {
            throw new IllegalArgumentException("state file must be " + expected + " bytes, got " + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = b.getDouble();
        double[] d = null;
        if (flag == 1) {
            d = new double[n];
            for (int i = 0; i < n; i++) d[i] = b.getDouble();
        }
        if (b.getLong() != crc.getValue()) throw new IllegalArgumentException("state file checksum mismatch");
        return new PointState(x, d);
    }
}
