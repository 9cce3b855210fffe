package org.mdsens.md.minimize;

/**
 * The reference {@link VectorOps}: plain Java, eight scalar streams in the order that interface
 * fixes (several independent chains, so these loops run at memory speed rather than at the
 * latency of one addition per element). Also the oracle the Vector API implementation is tested
 * against, bit for bit. Stateless and thread-safe.
 */
public final class ScalarVectorOps implements VectorOps {

    public static final ScalarVectorOps INSTANCE = new ScalarVectorOps();

    private ScalarVectorOps() { }

    @Override
    public double dot(double[] a, double[] b, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            s0 = Math.fma(a[k], b[k], s0);
            s1 = Math.fma(a[k + 1], b[k + 1], s1);
            s2 = Math.fma(a[k + 2], b[k + 2], s2);
            s3 = Math.fma(a[k + 3], b[k + 3], s3);
            s4 = Math.fma(a[k + 4], b[k + 4], s4);
            s5 = Math.fma(a[k + 5], b[k + 5], s5);
            s6 = Math.fma(a[k + 6], b[k + 6], s6);
            s7 = Math.fma(a[k + 7], b[k + 7], s7);
        }
        return finishDot(a, b, end, len, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    @Override
    public double copyDot(double[] src, double[] dst, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            double q0 = src[k], q1 = src[k + 1], q2 = src[k + 2], q3 = src[k + 3];
            double q4 = src[k + 4], q5 = src[k + 5], q6 = src[k + 6], q7 = src[k + 7];
            dst[k] = q0;
            dst[k + 1] = q1;
            dst[k + 2] = q2;
            dst[k + 3] = q3;
            dst[k + 4] = q4;
            dst[k + 5] = q5;
            dst[k + 6] = q6;
            dst[k + 7] = q7;
            s0 = Math.fma(z[k], q0, s0);
            s1 = Math.fma(z[k + 1], q1, s1);
            s2 = Math.fma(z[k + 2], q2, s2);
            s3 = Math.fma(z[k + 3], q3, s3);
            s4 = Math.fma(z[k + 4], q4, s4);
            s5 = Math.fma(z[k + 5], q5, s5);
            s6 = Math.fma(z[k + 6], q6, s6);
            s7 = Math.fma(z[k + 7], q7, s7);
        }
        System.arraycopy(src, end, dst, end, len - end);
        return finishDot(z, dst, end, len, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    @Override
    public double subtractDot(double[] q, double a, double[] y, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            double q0 = q[k] - a * y[k];
            double q1 = q[k + 1] - a * y[k + 1];
            double q2 = q[k + 2] - a * y[k + 2];
            double q3 = q[k + 3] - a * y[k + 3];
            double q4 = q[k + 4] - a * y[k + 4];
            double q5 = q[k + 5] - a * y[k + 5];
            double q6 = q[k + 6] - a * y[k + 6];
            double q7 = q[k + 7] - a * y[k + 7];
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            q[k + 4] = q4;
            q[k + 5] = q5;
            q[k + 6] = q6;
            q[k + 7] = q7;
            s0 = Math.fma(z[k], q0, s0);
            s1 = Math.fma(z[k + 1], q1, s1);
            s2 = Math.fma(z[k + 2], q2, s2);
            s3 = Math.fma(z[k + 3], q3, s3);
            s4 = Math.fma(z[k + 4], q4, s4);
            s5 = Math.fma(z[k + 5], q5, s5);
            s6 = Math.fma(z[k + 6], q6, s6);
            s7 = Math.fma(z[k + 7], q7, s7);
        }
        for (int k = end; k < len; k++) q[k] = q[k] - a * y[k];
        return finishDot(z, q, end, len, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    @Override
    public double subtractScaleDot(double[] q, double a, double[] y, double g, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            double q0 = (q[k] - a * y[k]) * g;
            double q1 = (q[k + 1] - a * y[k + 1]) * g;
            double q2 = (q[k + 2] - a * y[k + 2]) * g;
            double q3 = (q[k + 3] - a * y[k + 3]) * g;
            double q4 = (q[k + 4] - a * y[k + 4]) * g;
            double q5 = (q[k + 5] - a * y[k + 5]) * g;
            double q6 = (q[k + 6] - a * y[k + 6]) * g;
            double q7 = (q[k + 7] - a * y[k + 7]) * g;
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            q[k + 4] = q4;
            q[k + 5] = q5;
            q[k + 6] = q6;
            q[k + 7] = q7;
            s0 = Math.fma(z[k], q0, s0);
            s1 = Math.fma(z[k + 1], q1, s1);
            s2 = Math.fma(z[k + 2], q2, s2);
            s3 = Math.fma(z[k + 3], q3, s3);
            s4 = Math.fma(z[k + 4], q4, s4);
            s5 = Math.fma(z[k + 5], q5, s5);
            s6 = Math.fma(z[k + 6], q6, s6);
            s7 = Math.fma(z[k + 7], q7, s7);
        }
        for (int k = end; k < len; k++) q[k] = (q[k] - a * y[k]) * g;
        return finishDot(z, q, end, len, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    @Override
    public double addDot(double[] q, double c, double[] s, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            double q0 = q[k] + c * s[k];
            double q1 = q[k + 1] + c * s[k + 1];
            double q2 = q[k + 2] + c * s[k + 2];
            double q3 = q[k + 3] + c * s[k + 3];
            double q4 = q[k + 4] + c * s[k + 4];
            double q5 = q[k + 5] + c * s[k + 5];
            double q6 = q[k + 6] + c * s[k + 6];
            double q7 = q[k + 7] + c * s[k + 7];
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            q[k + 4] = q4;
            q[k + 5] = q5;
            q[k + 6] = q6;
            q[k + 7] = q7;
            s0 = Math.fma(z[k], q0, s0);
            s1 = Math.fma(z[k + 1], q1, s1);
            s2 = Math.fma(z[k + 2], q2, s2);
            s3 = Math.fma(z[k + 3], q3, s3);
            s4 = Math.fma(z[k + 4], q4, s4);
            s5 = Math.fma(z[k + 5], q5, s5);
            s6 = Math.fma(z[k + 6], q6, s6);
            s7 = Math.fma(z[k + 7], q7, s7);
        }
        for (int k = end; k < len; k++) q[k] = q[k] + c * s[k];
        return finishDot(z, q, end, len, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    @Override
    public double dotCompensated(double[] a, double[] b, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        double c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0, c4 = 0.0, c5 = 0.0, c6 = 0.0, c7 = 0.0;
        final int end = len & ~7;
        for (int k = 0; k < end; k += 8) {
            double p, e, t, z;
            p = a[k] * b[k];
            e = Math.fma(a[k], b[k], -p);
            t = s0 + p;
            z = t - s0;
            c0 = c0 + (e + ((s0 - (t - z)) + (p - z)));
            s0 = t;
            p = a[k + 1] * b[k + 1];
            e = Math.fma(a[k + 1], b[k + 1], -p);
            t = s1 + p;
            z = t - s1;
            c1 = c1 + (e + ((s1 - (t - z)) + (p - z)));
            s1 = t;
            p = a[k + 2] * b[k + 2];
            e = Math.fma(a[k + 2], b[k + 2], -p);
            t = s2 + p;
            z = t - s2;
            c2 = c2 + (e + ((s2 - (t - z)) + (p - z)));
            s2 = t;
            p = a[k + 3] * b[k + 3];
            e = Math.fma(a[k + 3], b[k + 3], -p);
            t = s3 + p;
            z = t - s3;
            c3 = c3 + (e + ((s3 - (t - z)) + (p - z)));
            s3 = t;
            p = a[k + 4] * b[k + 4];
            e = Math.fma(a[k + 4], b[k + 4], -p);
            t = s4 + p;
            z = t - s4;
            c4 = c4 + (e + ((s4 - (t - z)) + (p - z)));
            s4 = t;
            p = a[k + 5] * b[k + 5];
            e = Math.fma(a[k + 5], b[k + 5], -p);
            t = s5 + p;
            z = t - s5;
            c5 = c5 + (e + ((s5 - (t - z)) + (p - z)));
            s5 = t;
            p = a[k + 6] * b[k + 6];
            e = Math.fma(a[k + 6], b[k + 6], -p);
            t = s6 + p;
            z = t - s6;
            c6 = c6 + (e + ((s6 - (t - z)) + (p - z)));
            s6 = t;
            p = a[k + 7] * b[k + 7];
            e = Math.fma(a[k + 7], b[k + 7], -p);
            t = s7 + p;
            z = t - s7;
            c7 = c7 + (e + ((s7 - (t - z)) + (p - z)));
            s7 = t;
        }
        return finishCompensated(a, b, end, len, s0, s1, s2, s3, s4, s5, s6, s7, c0, c1, c2, c3, c4, c5, c6, c7);
    }

    /**
     * Sums the eight streams pairwise, then adds the tail: the elements k ∈ [end, len) (fewer
     * than eight) accumulated in order by fused multiply-adds from 0. Shared by every
     * implementation, so the last steps are the same code.
     */
    /** The reference code that joins the eight stream sums and adds the tail (shared with the Vector API implementation). */
    public static double finishDot(double[] a, double[] b, int end, int len, double s0, double s1, double s2,
                            double s3, double s4, double s5, double s6, double s7) {
        double tail = 0.0;
        for (int k = end; k < len; k++) tail = Math.fma(a[k], b[k], tail);
        return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    }

    /**
     * Joins the eight Dot2 streams (s_l, c_l) by TwoSum in stream order, then a ninth stream: Dot2
     * over the tail k ∈ [end, len) in order; returns S + C. Shared by every implementation.
     */
    /** As {@link #finishDot}, for the compensated dot. */
    public static double finishCompensated(double[] a, double[] b, int end, int len,
                                    double s0, double s1, double s2, double s3, double s4, double s5, double s6,
                                    double s7, double c0, double c1, double c2, double c3, double c4, double c5,
                                    double c6, double c7) {
        double s8 = 0.0, c8 = 0.0;
        for (int k = end; k < len; k++) {
            double p = a[k] * b[k];
            double e = Math.fma(a[k], b[k], -p);
            double t = s8 + p;
            double z = t - s8;
            c8 = c8 + (e + ((s8 - (t - z)) + (p - z)));
            s8 = t;
        }
        double sum = s0;
        double corr = c0;
        double t, z;
        t = sum + s1; z = t - sum; corr = corr + (c1 + ((sum - (t - z)) + (s1 - z))); sum = t;
        t = sum + s2; z = t - sum; corr = corr + (c2 + ((sum - (t - z)) + (s2 - z))); sum = t;
        t = sum + s3; z = t - sum; corr = corr + (c3 + ((sum - (t - z)) + (s3 - z))); sum = t;
        t = sum + s4; z = t - sum; corr = corr + (c4 + ((sum - (t - z)) + (s4 - z))); sum = t;
        t = sum + s5; z = t - sum; corr = corr + (c5 + ((sum - (t - z)) + (s5 - z))); sum = t;
        t = sum + s6; z = t - sum; corr = corr + (c6 + ((sum - (t - z)) + (s6 - z))); sum = t;
        t = sum + s7; z = t - sum; corr = corr + (c7 + ((sum - (t - z)) + (s7 - z))); sum = t;
        t = sum + s8; z = t - sum; corr = corr + (c8 + ((sum - (t - z)) + (s8 - z))); sum = t;
        return sum + corr;
    }

    @Override public String name() { return "scalar"; }
}
