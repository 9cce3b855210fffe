package org.mdsens.md.minimize;

import java.util.Arrays;

/**
 * Energy and max-force trace with bounded memory (package-private). Every iteration is kept
 * until {@link #CAPACITY} entries are held; then every second entry is dropped and the stride
 * doubles, so at most {@code CAPACITY} evenly spaced entries (iterations 0, k, 2k, ...) remain,
 * plus the final iteration appended by {@link #close}.
 */
final class TraceRecorder {

    /** Most entries kept before the final one. */
    static final int CAPACITY = 20_000;

    private double[] energy;
    private double[] maxForce;
    private int[] iteration;
    private int size;
    private int stride = 1;

    TraceRecorder(int maxIterations) {
        int initial = (int) Math.min(CAPACITY + 1L, Math.min(1024L, maxIterations + 2L));
        energy = new double[initial];
        maxForce = new double[initial];
        iteration = new int[initial];
    }

    void record(int it, double e, double f) {
        if (it % stride != 0) return;
        if (size == CAPACITY) {
            int kept = 0;
            for (int k = 0; k < size; k += 2, kept++) {
                energy[kept] = energy[k];
                maxForce[kept] = maxForce[k];
                iteration[kept] = iteration[k];
            }
            size = kept;
            stride *= 2;
            if (it % stride != 0) return;
        }
        append(it, e, f);
    }

    /**
     * Appends the final iteration unless it is already the last entry (the recorded entry, an
     * accepted state, is then kept as it is).
     */
    void close(int it, double e, double f) {
        if (size > 0 && iteration[size - 1] == it) return;
        append(it, e, f);
    }

    private void append(int it, double e, double f) {
        if (size == energy.length) {
            int cap = Math.min(CAPACITY + 1, Math.max(16, 2 * size));
            energy = Arrays.copyOf(energy, cap);
            maxForce = Arrays.copyOf(maxForce, cap);
            iteration = Arrays.copyOf(iteration, cap);
        }
        energy[size] = e;
        maxForce[size] = f;
        iteration[size] = it;
        size++;
    }

    double[] energies() { return Arrays.copyOf(energy, size); }
    double[] maxForces() { return Arrays.copyOf(maxForce, size); }
    int[] iterations() { return Arrays.copyOf(iteration, size); }
    int size() { return size; }
}
