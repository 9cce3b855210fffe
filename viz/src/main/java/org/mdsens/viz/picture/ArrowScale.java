package org.mdsens.viz.picture;

import java.util.Arrays;

/**
 * How long a field arrow is drawn: an arrow for a vector v has world length {@code |v| · worldPerUnit}
 * (world = the scene's length unit).
 *
 * <p>Automatic rule (documented choice): with D̄ the mean particle diameter, q₉₅ the 95th percentile
 * (nearest rank) and m the maximum of the per-particle magnitudes |v_i| over non-rattler particles,
 * <pre>   worldPerUnit = min(D̄ / q₉₅, 3 D̄ / m)</pre>
 * so 95 % of the arrows are at most one mean diameter long and none is longer than three; a field that is
 * zero on more than 95 % of the particles is scaled by its maximum alone. An all-zero field gets the
 * finite scale 1 and {@link #zeroField()} = true: no arrows are drawn and the legend says so.
 *
 * <p>The legend's reference arrow shows {@link #referenceValue()}: the largest 1-2-5 number not above
 * the field value that is drawn one mean diameter long.
 *
 * @param worldPerUnit   world length per field unit, positive and finite
 * @param referenceValue field magnitude of the legend's scale arrow, positive and finite
 * @param maxMagnitude   largest |v_i| over non-rattlers (0 for a zero field)
 * @param zeroField      true iff every considered magnitude is 0
 */
public record ArrowScale(double worldPerUnit, double referenceValue, double maxMagnitude, boolean zeroField) {

    public ArrowScale {
        if (!(worldPerUnit > 0) || !Double.isFinite(worldPerUnit)) {
            throw new IllegalArgumentException("worldPerUnit must be positive and finite, got " + worldPerUnit);
        }
        if (!(referenceValue > 0) || !Double.isFinite(referenceValue)) {
            throw new IllegalArgumentException("referenceValue must be positive and finite, got " + referenceValue);
        }
    }

    /**
     * The automatic scale described above.
     *
     * @param magnitudes   |v_i| per particle, length N, finite and non-negative
     * @param exclude      particles left out (rattlers), length N, or null
     * @param meanDiameter D̄, positive
     */
    public static ArrowScale automatic(double[] magnitudes, boolean[] exclude, double meanDiameter) {
        double[] m = considered(magnitudes, exclude);
        if (!(meanDiameter > 0) || !Double.isFinite(meanDiameter)) {
            throw new IllegalArgumentException("meanDiameter must be positive and finite, got " + meanDiameter);
        }
        if (m.length == 0 || m[m.length - 1] == 0) return new ArrowScale(1.0, 1.0, 0.0, true);
        double max = m[m.length - 1];
        double q95 = m[Math.max(0, (int) Math.ceil(0.95 * m.length) - 1)];
        double s = 3 * meanDiameter / max;
        if (q95 > 0) s = Math.min(s, meanDiameter / q95);
        return new ArrowScale(s, niceFloor(meanDiameter / s), max, false);
    }

    /** A fixed scale (an override), with the reference value chosen as in {@link #automatic}. */
    public static ArrowScale fixed(double worldPerUnit, double[] magnitudes, boolean[] exclude, double meanDiameter) {
        double[] m = considered(magnitudes, exclude);
        double max = m.length == 0 ? 0 : m[m.length - 1];
        if (!(worldPerUnit > 0) || !Double.isFinite(worldPerUnit)) {
            throw new IllegalArgumentException("arrow scale must be positive and finite, got " + worldPerUnit);
        }
        return new ArrowScale(worldPerUnit, niceFloor(meanDiameter / worldPerUnit), max, max == 0);
    }

    /** This scale with a smaller reference value whose arrow is at most {@code maxWorldLength} long. */
    public ArrowScale withReferenceAtMost(double maxWorldLength) {
        double ref = referenceValue;
        while (ref * worldPerUnit > maxWorldLength && ref > Double.MIN_NORMAL * 10) ref = niceFloor(ref * 0.999);
        return new ArrowScale(worldPerUnit, ref, maxMagnitude, zeroField);
    }

    private static double[] considered(double[] magnitudes, boolean[] exclude) {
        if (exclude != null && exclude.length != magnitudes.length) {
            throw new IllegalArgumentException("exclude mask length must equal N = " + magnitudes.length + ", got "
                    + exclude.length);
        }
        double[] m = new double[magnitudes.length];
        int k = 0;
        for (int i = 0; i < magnitudes.length; i++) {
            double v = magnitudes[i];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("field magnitudes must be finite and >= 0, got " + v);
            }
            if (exclude == null || !exclude[i]) m[k++] = v;
        }
        m = Arrays.copyOf(m, k);
        Arrays.sort(m);
        return m;
    }

    /** The largest number of the form {1, 2, 5}·10^k not above {@code x} (x positive and finite). */
    static double niceFloor(double x) {
        double e = Math.floor(Math.log10(x));
        double p = Math.pow(10, e);
        double f = x / p;
        double nice = f >= 5 ? 5 : f >= 2 ? 2 : 1;
        double v = nice * p;
        if (v > x) v = (nice == 5 ? 2 : nice == 2 ? 1 : 0.5) * p; // log10 round-off at exact powers
        return v;
    }
}
