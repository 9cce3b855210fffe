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
 * zero on more than 95 % of the particles is scaled by its maximum alone.
 *
 * <p>Zero field (round-off rule): a field with m ≤ τ is treated as zero: the scale is the finite 1,
 * {@link #zeroField()} = true, no arrows are drawn and the legend says so. The default threshold is
 * <pre>   τ = {@value #ROUND_OFF_RELATIVE} · D̄   (field units)</pre>
 * ({@link #defaultZeroThreshold}). In reduced units a parameter θ is of order 1, so a sensitivity
 * dx/dθ below 10⁻⁸ diameters per unit θ moves no particle visibly for any sensible change of θ and is
 * far below what a converged minimization determines (a symmetric crystal gives dx/dσ ≈ 10⁻¹⁰ of pure
 * round-off). Callers whose parameter has a large natural scale pass their own τ
 * ({@link ViewOptions#zeroFieldThreshold()}); τ = 0 treats only an exactly zero field as zero.
 *
 * <p>The legend's reference arrow shows {@link #referenceValue()}: the largest 1-2-5 number not above
 * the field value that is drawn one mean diameter long.
 *
 * @param worldPerUnit   world length per field unit, positive and finite
 * @param referenceValue field magnitude of the legend's scale arrow, positive and finite
 * @param maxMagnitude   largest |v_i| over non-rattlers (also reported for a zero field)
 * @param zeroField      true iff {@code maxMagnitude ≤ zeroThreshold}
 * @param zeroThreshold  τ, the round-off threshold applied, finite and ≥ 0 (field units)
 */
public record ArrowScale(double worldPerUnit, double referenceValue, double maxMagnitude, boolean zeroField,
                         double zeroThreshold) {

    /** The default round-off threshold relative to the mean diameter: τ = 10⁻⁸ · D̄. */
    public static final double ROUND_OFF_RELATIVE = 1e-8;

    public ArrowScale {
        if (!(worldPerUnit > 0) || !Double.isFinite(worldPerUnit)) {
            throw new IllegalArgumentException("worldPerUnit must be positive and finite, got " + worldPerUnit);
        }
        if (!(referenceValue > 0) || !Double.isFinite(referenceValue)) {
            throw new IllegalArgumentException("referenceValue must be positive and finite, got " + referenceValue);
        }
        if (!(zeroThreshold >= 0) || !Double.isFinite(zeroThreshold)) {
            throw new IllegalArgumentException("zeroThreshold must be finite and >= 0, got " + zeroThreshold);
        }
    }

    /** A scale with threshold τ = 0 (only an exactly zero field is zero). */
    public ArrowScale(double worldPerUnit, double referenceValue, double maxMagnitude, boolean zeroField) {
        this(worldPerUnit, referenceValue, maxMagnitude, zeroField, 0.0);
    }

    /** The default round-off threshold τ = {@link #ROUND_OFF_RELATIVE} · D̄ for mean diameter D̄ (positive). */
    public static double defaultZeroThreshold(double meanDiameter) {
        checkDiameter(meanDiameter);
        return ROUND_OFF_RELATIVE * meanDiameter;
    }

    /** {@link #automatic(double[], boolean[], double, double)} with the default threshold. */
    public static ArrowScale automatic(double[] magnitudes, boolean[] exclude, double meanDiameter) {
        return automatic(magnitudes, exclude, meanDiameter, defaultZeroThreshold(meanDiameter));
    }

    /**
     * The automatic scale described above.
     *
     * @param magnitudes    |v_i| per particle, length N, finite and non-negative
     * @param exclude       particles left out (rattlers), length N, or null
     * @param meanDiameter  D̄, positive
     * @param zeroThreshold τ: a field with max |v_i| ≤ τ is a zero field; finite and ≥ 0
     */
    public static ArrowScale automatic(double[] magnitudes, boolean[] exclude, double meanDiameter,
                                       double zeroThreshold) {
        double[] m = considered(magnitudes, exclude);
        checkDiameter(meanDiameter);
        checkThreshold(zeroThreshold);
        double max = m.length == 0 ? 0 : m[m.length - 1];
        if (max <= zeroThreshold) return new ArrowScale(1.0, 1.0, max, true, zeroThreshold);
        double q95 = m[Math.max(0, (int) Math.ceil(0.95 * m.length) - 1)];
        double s = 3 * meanDiameter / max;
        if (q95 > 0) s = Math.min(s, meanDiameter / q95);
        return new ArrowScale(s, niceFloor(meanDiameter / s), max, false, zeroThreshold);
    }

    /** {@link #fixed(double, double[], boolean[], double, double)} with the default threshold. */
    public static ArrowScale fixed(double worldPerUnit, double[] magnitudes, boolean[] exclude, double meanDiameter) {
        return fixed(worldPerUnit, magnitudes, exclude, meanDiameter, defaultZeroThreshold(meanDiameter));
    }

    /**
     * A fixed scale (an override), with the reference value chosen as in {@link #automatic}; the
     * round-off rule applies as there (a field with max |v_i| ≤ τ draws no arrows).
     */
    public static ArrowScale fixed(double worldPerUnit, double[] magnitudes, boolean[] exclude, double meanDiameter,
                                   double zeroThreshold) {
        double[] m = considered(magnitudes, exclude);
        double max = m.length == 0 ? 0 : m[m.length - 1];
        if (!(worldPerUnit > 0) || !Double.isFinite(worldPerUnit)) {
            throw new IllegalArgumentException("arrow scale must be positive and finite, got " + worldPerUnit);
        }
        checkDiameter(meanDiameter);
        checkThreshold(zeroThreshold);
        return new ArrowScale(worldPerUnit, niceFloor(meanDiameter / worldPerUnit), max, max <= zeroThreshold,
                zeroThreshold);
    }

    private static void checkDiameter(double meanDiameter) {
        if (!(meanDiameter > 0) || !Double.isFinite(meanDiameter)) {
            throw new IllegalArgumentException("meanDiameter must be positive and finite, got " + meanDiameter);
        }
    }

    private static void checkThreshold(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("zero-field threshold must be finite and >= 0, got " + t);
        }
    }

    /** This scale with a smaller reference value whose arrow is at most {@code maxWorldLength} long. */
    public ArrowScale withReferenceAtMost(double maxWorldLength) {
        double ref = referenceValue;
        while (ref * worldPerUnit > maxWorldLength && ref > Double.MIN_NORMAL * 10) ref = niceFloor(ref * 0.999);
        return new ArrowScale(worldPerUnit, ref, maxMagnitude, zeroField, zeroThreshold);
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
