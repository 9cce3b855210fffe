package org.mdsens.md.minimize;

/**
 * The long-vector arithmetic of the minimizers (public only so that the Vector API implementation can live in the one package that imports the incubator module; not an API for users): dot products and the fused
 * update-and-dot passes of the L-BFGS two-loop recursion, over flat arrays (xyz-interleaved,
 * length d·N, only the first {@code len} entries used).
 *
 * <p><b>Summation order, fixed.</b> Every sum runs in eight interleaved streams over
 * k &lt; end = len − len mod 8, element k in stream k mod 8, each accumulated in increasing k by
 * a fused multiply-add s ← fma(a_k, b_k, s); the streams are added as ((s0 + s1) + (s2 + s3)) +
 * ((s4 + s5) + (s6 + s7)), and then the tail (the last len mod 8 elements, accumulated in order
 * by fused multiply-adds from 0). The compensated dot runs Ogita–Rump–Oishi Dot2 in each of the
 * eight streams and the tail, and joins the nine (sum, correction) pairs by TwoSum in stream
 * order. Element-wise updates are rounded as written
 * (a product, then a sum: no fused multiply-add). Every implementation gives the same bits: the
 * scalar reference ({@link ScalarVectorOps}) and the Vector API one ({@code org.mdsens.md.kernel.vector.SimdVectorOps},
 * loaded when {@code jdk.incubator.vector} is present on JDK 25 or later), so the minimizers' results do not
 * depend on the JDK or its flags.
 *
 * <p>Stateless and thread-safe.
 */
public interface VectorOps {

    /** Σ a_k b_k. */
    double dot(double[] a, double[] b, int len);

    /** dst ← src, then returns z·dst. */
    double copyDot(double[] src, double[] dst, double[] z, int len);

    /** q ← q − a·y, then returns z·q. */
    double subtractDot(double[] q, double a, double[] y, double[] z, int len);

    /** q ← (q − a·y)·g, then returns z·q. */
    double subtractScaleDot(double[] q, double a, double[] y, double g, double[] z, int len);

    /** q ← q + c·s, then returns z·q. */
    double addDot(double[] q, double c, double[] s, double[] z, int len);

    /**
     * Σ a_k b_k as accurate as if computed in twice the working precision, then rounded (Ogita,
     * Rump &amp; Oishi, SIAM J. Sci. Comput. 26 (2005), Alg. Dot2, in eight streams).
     */
    double dotCompensated(double[] a, double[] b, int len);

    /** Name for logs: {@code scalar} or {@code vector-256}. */
    String name();
}
