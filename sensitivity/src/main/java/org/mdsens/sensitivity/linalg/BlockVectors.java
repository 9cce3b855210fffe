package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * Kernels on small sets of long vectors (a block of k vectors of length n), done in chunks so that each vector is
 * streamed from memory once per call instead of once per pair: Gram matrices and linear combinations, as block
 * eigensolvers need them. No allocation.
 */
final class BlockVectors {

    /** Entries per chunk: 2·12 vectors of this many doubles stay in the first-level cache. */
    private static final int CHUNK = 256;

    private BlockVectors() { }

    /**
     * The upper triangles of the two Gram matrices of a basis S and its images T = AS, in one sweep:
     * ga[i·k + j] = s_i · t_j and gb[i·k + j] = s_i · s_j for i ≤ j, mirrored into j &lt; i (for a symmetric A,
     * Sᵀ A S is symmetric, so its upper triangle defines it). Dot products use four partial sums.
     *
     * @param s  k vectors of length n
     * @param t  k vectors of length n
     * @param k  the count
     * @param ga output, length ≥ k², overwritten
     * @param gb output, length ≥ k², overwritten
     */
    static void gram(double[][] s, double[][] t, int k, double[] ga, double[] gb) {
        Arrays.fill(ga, 0, k * k, 0.0);
        Arrays.fill(gb, 0, k * k, 0.0);
        if (k == 0) return;
        int n = s[0].length;
        for (int lo = 0; lo < n; lo += CHUNK) {
            int hi = Math.min(n, lo + CHUNK);
            for (int i = 0; i < k; i++) {
                double[] si = s[i];
                for (int j = i; j < k; j++) {
                    ga[i * k + j] += dot(si, t[j], lo, hi);
                    gb[i * k + j] += dot(si, s[j], lo, hi);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                ga[i * k + j] = ga[j * k + i];
                gb[i * k + j] = gb[j * k + i];
            }
        }
    }

    /** Σ_{q &lt; length} a[aAt + q]·b[bAt + q] with four partial sums. */
    static double dot(double[] a, int aAt, double[] b, int bAt, int length) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int q = 0;
        for (; q + 3 < length; q += 4) {
            s0 += a[aAt + q] * b[bAt + q];
            s1 += a[aAt + q + 1] * b[bAt + q + 1];
            s2 += a[aAt + q + 2] * b[bAt + q + 2];
            s3 += a[aAt + q + 3] * b[bAt + q + 3];
        }
        for (; q < length; q++) s0 += a[aAt + q] * b[bAt + q];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_{q in [lo, hi)} a_q b_q with four partial sums. */
    static double dot(double[] a, double[] b, int lo, int hi) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int q = lo;
        for (; q + 3 < hi; q += 4) {
            s0 += a[q] * b[q];
            s1 += a[q + 1] * b[q + 1];
            s2 += a[q + 2] * b[q + 2];
            s3 += a[q + 3] * b[q + 3];
        }
        for (; q < hi; q++) s0 += a[q] * b[q];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * out_j = Σ_{i in [from, to)} c[i·m + j]·s_i for j &lt; m (outputs overwritten).
     *
     * @param s    input vectors
     * @param from first input used
     * @param to   end of the inputs used
     * @param c    coefficients, row i for input i, m columns
     * @param m    outputs
     * @param out  m vectors of length n, distinct from the inputs
     */
    static void combine(double[][] s, int from, int to, double[] c, int m, double[][] out) {
        if (m == 0) return;
        int n = out[0].length;
        for (int lo = 0; lo < n; lo += CHUNK) {
            int hi = Math.min(n, lo + CHUNK);
            for (int j = 0; j < m; j++) {
                double[] o = out[j];
                Arrays.fill(o, lo, hi, 0.0);
                for (int i = from; i < to; i++) {
                    double cf = c[i * m + j];
                    if (cf == 0) continue;
                    double[] si = s[i];
                    for (int q = lo; q < hi; q++) o[q] += cf * si[q];
                }
            }
        }
    }
}
