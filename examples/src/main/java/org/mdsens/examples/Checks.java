package org.mdsens.examples;

import org.mdsens.md.space.Box;

/**
 * Finite-difference helpers for comparing implicit derivatives with re-minimized systems. Arrays are
 * xyz-interleaved, length d·N, input order. Stateless and thread-safe.
 */
public final class Checks {

    private Checks() { }

    /**
     * (x⁺ − x⁻)/(2h) per coordinate, with each difference taken under the minimum image of the box (so a
     * particle that crossed a periodic boundary between the two minima is not counted as a jump).
     */
    public static double[] centralDifference(double[] plus, double[] minus, double h, Box box) {
        if (plus.length != minus.length) {
            throw new IllegalArgumentException("position arrays must have equal lengths, got " + plus.length + " and "
                    + minus.length);
        }
        int d = box.dimension();
        double[] lengths = box.imageLengths();
        double[] inverse = box.inverseImageLengths();
        double[] out = new double[plus.length];
        for (int q = 0; q < out.length; q++) {
            int a = q % d;
            double diff = plus[q] - minus[q];
            if (lengths[a] > 0) diff = Box.minimumImage(diff, lengths[a], inverse[a]);
            out[q] = diff / (2 * h);
        }
        return out;
    }

    /**
     * ‖a − (b − mean_backbone(b))‖ / ‖a‖ over the backbone (rattlers skipped): compares an implicit
     * sensitivity {@code a} (zero mean over the backbone) with a finite difference {@code b} in the same
     * gauge.
     */
    public static double relativeDifference(double[] a, double[] b, int[] rattlers, int d) {
        int n = a.length / d;
        boolean[] skip = new boolean[n];
        for (int r : rattlers) skip[r] = true;
        double[] mean = new double[d];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (skip[i]) continue;
            count++;
            for (int k = 0; k < d; k++) mean[k] += b[d * i + k];
        }
        if (count == 0) return Double.NaN;
        double err = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (skip[i]) continue;
            for (int k = 0; k < d; k++) {
                double e = a[d * i + k] - (b[d * i + k] - mean[k] / count);
                err += e * e;
                norm += a[d * i + k] * a[d * i + k];
            }
        }
        return Math.sqrt(err / norm);
    }
}
