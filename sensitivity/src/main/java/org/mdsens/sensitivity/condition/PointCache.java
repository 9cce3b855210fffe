package org.mdsens.sensitivity.condition;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Remembers one value computed at the last point (x, θ), compared by content. Thread-safe without locks: the entry is
 * an immutable snapshot published through a volatile field (two threads may both compute it; either result is
 * correct). Callers must not mutate the cached value.
 */
final class PointCache<T> {

    private record Entry<T>(double[] x, double[] theta, T value) {
    }

    private volatile Entry<T> entry;

    T get(double[] x, double[] theta, BiFunction<double[], double[], T> compute) {
        Entry<T> e = entry;
        if (e != null && Arrays.equals(e.x, x) && Arrays.equals(e.theta, theta)) {
            return e.value;
        }
        double[] xc = x.clone();
        double[] tc = theta.clone();
        T value = compute.apply(xc, tc);
        entry = new Entry<>(xc, tc, value);
        return value;
    }
}
