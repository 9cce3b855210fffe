package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The minimizers' long-vector arithmetic: the implementation in use ({@link Vectors#OPS}, the
 * Vector API one when the incubator module is present) against the scalar reference bit for bit
 * on lengths that hit every loop tail, the fused passes against the separate loops, and the
 * accuracy of the plain and compensated dots against exact sums.
 */
class VectorOpsTest {

    static final int[] LENGTHS = {0, 1, 2, 3, 7, 8, 9, 13, 15, 16, 17, 23, 24, 31, 207, 1000, 24000, 24003};
    static final VectorOps REF = ScalarVectorOps.INSTANCE;

    static double[] random(UniformRandomProvider rng, int len, double scale) {
        double[] a = new double[len];
        for (int k = 0; k < len; k++) a[k] = scale * (2 * rng.nextDouble() - 1) * Math.exp(3 * rng.nextDouble());
        return a;
    }

    static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        for (int k = 0; k < expected.length; k++) assertBits(expected[k], actual[k], what + "[" + k + "]");
    }

    @Test
    void implementationInUseMatchesTheScalarReferenceBitForBitSeed42() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        VectorOps ops = Vectors.OPS;
        for (int len : LENGTHS) {
            double[] a = random(rng, len, 1), b = random(rng, len, 1e-3), z = random(rng, len, 10);
            double c = rng.nextDouble() - 0.5, g = 0.5 + rng.nextDouble();
            String w = ops.name() + " len " + len;
            assertBits(REF.dot(a, b, len), ops.dot(a, b, len), w + " dot");
            assertBits(REF.dotCompensated(a, b, len), ops.dotCompensated(a, b, len), w + " dotCompensated");

            double[] q1 = a.clone(), q2 = a.clone();
            assertBits(REF.subtractDot(q1, c, b, z, len), ops.subtractDot(q2, c, b, z, len), w + " subtractDot");
            assertBits(q1, q2, w + " subtractDot q");
            assertBits(REF.subtractScaleDot(q1, c, b, g, z, len), ops.subtractScaleDot(q2, c, b, g, z, len),
                    w + " subtractScaleDot");
            assertBits(q1, q2, w + " subtractScaleDot q");
            assertBits(REF.addDot(q1, c, z, b, len), ops.addDot(q2, c, z, b, len), w + " addDot");
            assertBits(q1, q2, w + " addDot q");
            double[] d1 = new double[len], d2 = new double[len];
            assertBits(REF.copyDot(a, d1, z, len), ops.copyDot(a, d2, z, len), w + " copyDot");
            assertBits(a, d2, w + " copyDot dst");
        }
    }

    @Test
    void vectorImplementationIsUsedWhenTheIncubatorModuleIsPresentOnARecentJdk() {
        if (!Vectors.vectorOpsWanted()) {
            assertSame(ScalarVectorOps.INSTANCE, Vectors.OPS);
        } else {
            assertEquals(preferredBits() >= 256 ? "vector-256" : "scalar", Vectors.OPS.name());
        }
    }

    /** Preferred double-vector width; only called when the incubator module is present. */
    private static int preferredBits() {
        return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }

    @Test
    void fusedPassesEqualTheSeparateLoopsSeed7() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        for (int len : LENGTHS) {
            double[] q = random(rng, len, 1), y = random(rng, len, 1), z = random(rng, len, 1);
            double a = rng.nextDouble(), g = 1 + rng.nextDouble();
            double[] expect = new double[len];
            for (int k = 0; k < len; k++) expect[k] = q[k] - a * y[k];
            double[] got = q.clone();
            double dot = Vectors.subtractDot(got, a, y, z, len);
            assertBits(expect, got, "subtractDot len " + len);
            assertBits(Vectors.dot(z, expect, len), dot, "subtractDot's dot len " + len);

            for (int k = 0; k < len; k++) expect[k] = (got[k] - a * y[k]) * g;
            dot = Vectors.subtractScaleDot(got, a, y, g, z, len);
            assertBits(expect, got, "subtractScaleDot len " + len);
            assertBits(Vectors.dot(z, expect, len), dot, "subtractScaleDot's dot len " + len);

            for (int k = 0; k < len; k++) expect[k] = got[k] + a * y[k];
            dot = Vectors.addDot(got, a, y, z, len);
            assertBits(expect, got, "addDot len " + len);
            assertBits(Vectors.dot(z, expect, len), dot, "addDot's dot len " + len);
        }
    }

    @Test
    void dotsAreAccurateAgainstExactSumsSeed2025() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2025L);
        for (int len : LENGTHS) {
            double[] a = random(rng, len, 1), b = random(rng, len, 1);
            BigDecimal exact = BigDecimal.ZERO;
            double abs = 0;
            for (int k = 0; k < len; k++) {
                exact = exact.add(new BigDecimal(a[k]).multiply(new BigDecimal(b[k])));
                abs += Math.abs(a[k] * b[k]);
            }
            double e = exact.round(MathContext.DECIMAL128).doubleValue();
            // plain: |error| ≤ γ_n Σ|a_k b_k| with γ_n ≈ n·2⁻⁵³ (n ≥ 1 here for a non-trivial bound)
            assertEquals(e, Vectors.dot(a, b, len), (len + 1) * 0x1.0p-53 * abs, "dot len " + len);
            // compensated: within an ulp of the exact value plus γ_n² Σ|a_k b_k|
            double tol = Math.ulp(e) + Math.pow((len + 1) * 0x1.0p-53, 2) * abs;
            assertEquals(e, Vectors.dotCompensated(a, b, len), tol, "dotCompensated len " + len);
        }
    }

    @Test
    void compensatedDotSurvivesCancellationThatThePlainDotLosesSeed11() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int len = 24003;
        double[] a = random(rng, len, 1), b = random(rng, len, 1);
        // append the negated products so the true sum is a small known remainder
        double[] a2 = new double[2 * len + 1], b2 = new double[2 * len + 1];
        for (int k = 0; k < len; k++) {
            a2[2 * k] = a[k] * 1e8;
            b2[2 * k] = b[k];
            a2[2 * k + 1] = -a[k] * 1e8;
            b2[2 * k + 1] = b[k];
        }
        a2[2 * len] = 1.25e-3;
        b2[2 * len] = 1.0;
        assertEquals(1.25e-3, Vectors.dotCompensated(a2, b2, 2 * len + 1), Math.ulp(1.25e-3));
    }
}
