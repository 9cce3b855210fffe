package org.mdsens.md.model;

/**
 * A running sum with Neumaier's compensation (an improved Kahan–Babuška sum): the error of the
 * result does not grow with the number of terms. Package-private; reused after {@link #reset()},
 * no allocation; mutable, not thread-safe.
 *
 * <p>Reference: A. Neumaier, Z. Angew. Math. Mech. 54, 39 (1974).
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    /** Starts again from 0; returns this. */
    CompensatedSum reset() {
        sum = 0;
        compensation = 0;
        return this;
    }

    void add(double term) {
        double t = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }

    /** The compensated total. */
    double value() {
        return sum + compensation;
    }
}
