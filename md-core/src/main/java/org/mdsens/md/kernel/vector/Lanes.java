package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species of this JVM, {@link DoubleVector#SPECIES_PREFERRED}, held in a
 * {@code static final} field so that C2 folds it, and never mixed with another width (DESIGN.md
 * §7); its lane count is the cluster width of the {@link org.mdsens.md.neighbor.ClusterList}.
 *
 * <p>Also the lane operations whose Vector API forms are not reproducible: a lane sum in a fixed
 * order ({@code reduceLanes(ADD)} may add in a different order once C2 compiles it, so the same
 * input could give other bits) and transcendental functions (the intrinsic ones differ from the
 * interpreter's by an ulp). Everything here uses only correctly rounded operations (+, ×, fma,
 * exact conversions) or {@link Math}'s functions, which HotSpot evaluates with the same stubs in
 * every execution mode, so results depend only on the inputs.
 */
final class Lanes {

    /** The preferred double species of the CPU and JVM. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector (8 with AVX-512, 4 with AVX2). */
    static final int WIDTH = SPECIES.length();

    /** Bits per vector. */
    static final int BITS = SPECIES.vectorBitSize();

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;   // fdlibm's split of ln 2
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double ROUND = 6755399441055744.0;             // 1.5·2^52: x + R − R = rint(x)

    private Lanes() { }

    /** Σ lanes of {@code v} in a fixed pairwise order; {@code scratch} has at least {@link #WIDTH} entries. */
    static double sum(DoubleVector v, double[] scratch) {
        v.intoArray(scratch, 0);
        if (WIDTH == 8) {
            return ((scratch[0] + scratch[1]) + (scratch[2] + scratch[3]))
                    + ((scratch[4] + scratch[5]) + (scratch[6] + scratch[7]));
        }
        if (WIDTH == 4) return (scratch[0] + scratch[1]) + (scratch[2] + scratch[3]);
        double s = 0;
        for (int l = 0; l < WIDTH; l++) s += scratch[l];
        return s;
    }

    /**
     * e^x lane-wise, to about one ulp, from +, ×, fma and exact conversions only: x = k ln 2 + t
     * with k = rint(x/ln 2), e^t by its Taylor polynomial of degree 13 (|t| ≤ ln2/2, truncation
     * below 1e-17), scaled by 2^k built from the exponent bits. x is clamped to [−708, 709], so
     * e^x underflows to e^−708 ≈ 3e−308 rather than to 0 (kernels blend such lanes away).
     */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(-708.0).min(709.0);
        DoubleVector k = c.mul(LOG2E).add(ROUND).sub(ROUND);
        DoubleVector t = k.neg().fma(DoubleVector.broadcast(SPECIES, LN2_HI), c);
        t = k.neg().fma(DoubleVector.broadcast(SPECIES, LN2_LO), t);
        DoubleVector p = DoubleVector.broadcast(SPECIES, 1.0 / 6227020800.0);   // 1/13!
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 479001600.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 39916800.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 3628800.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 362880.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 40320.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 5040.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 720.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 120.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 24.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0 / 6.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 0.5));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.0));
        LongVector bits = ((LongVector) k.add(1023.0).convertShape(VectorOperators.D2L, LONGS, 0))
                .lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }

    /** Math.pow(u, e) lane by lane (reproducible; for the uncommon soft-sphere exponents). */
    static DoubleVector pow(DoubleVector u, double e, double[] scratch) {
        u.intoArray(scratch, 0);
        for (int l = 0; l < WIDTH; l++) scratch[l] = Math.pow(scratch[l], e);
        return DoubleVector.fromArray(SPECIES, scratch, 0);
    }

    /** Math.log lane by lane (reproducible; soft-sphere α-derivatives only). */
    static DoubleVector log(DoubleVector u, double[] scratch) {
        u.intoArray(scratch, 0);
        for (int l = 0; l < WIDTH; l++) scratch[l] = Math.log(scratch[l]);
        return DoubleVector.fromArray(SPECIES, scratch, 0);
    }
}
