package org.mdsens.viz.desktop;

/**
 * The live minimization trace behind the convergence chart: (iteration, energy, max force) records
 * appended by the minimizing thread and read by the event thread. Keeps at most
 * {@link #CAPACITY} records: when full it drops every other record and from then on keeps every
 * second (then fourth...) iteration, so a long run costs bounded memory and the chart stays
 * representative. Non-finite records are skipped. Thread-safe (synchronized).
 */
public final class ConvergenceTrace {

    /** The most records kept. */
    public static final int CAPACITY = 4096;

    private final int[] iterations = new int[CAPACITY];
    private final double[] energies = new double[CAPACITY];
    private final double[] maxForces = new double[CAPACITY];
    private int size;
    private int stride = 1;
    private int lastIteration = -1;
    private double lastEnergy = Double.NaN;
    private double lastMaxForce = Double.NaN;

    /** A snapshot of the records, in order: parallel arrays of one length. */
    public record Snapshot(int[] iterations, double[] energies, double[] maxForces) {
        /** Number of records. */
        public int size() { return iterations.length; }
    }

    /** Adds a record (kept if its iteration falls on the current stride, and always the latest one is remembered). */
    public synchronized void add(int iteration, double energy, double maxForce) {
        if (!Double.isFinite(energy) || !(maxForce >= 0) || !Double.isFinite(maxForce)) return;
        lastIteration = iteration;
        lastEnergy = energy;
        lastMaxForce = maxForce;
        if (iteration % stride != 0) return;
        if (size == CAPACITY) {
            int m = 0;
            for (int k = 0; k < size; k += 2) {
                iterations[m] = iterations[k];
                energies[m] = energies[k];
                maxForces[m] = maxForces[k];
                m++;
            }
            size = m;
            stride *= 2;
            if (iteration % stride != 0) return;
        }
        iterations[size] = iteration;
        energies[size] = energy;
        maxForces[size] = maxForce;
        size++;
    }

    /** Removes every record. */
    public synchronized void clear() {
        size = 0;
        stride = 1;
        lastIteration = -1;
        lastEnergy = Double.NaN;
        lastMaxForce = Double.NaN;
    }

    /** The records kept plus the latest one if it was not kept. */
    public synchronized Snapshot snapshot() {
        boolean extra = lastIteration >= 0 && (size == 0 || iterations[size - 1] != lastIteration);
        int n = size + (extra ? 1 : 0);
        int[] it = new int[n];
        double[] e = new double[n];
        double[] f = new double[n];
        System.arraycopy(iterations, 0, it, 0, size);
        System.arraycopy(energies, 0, e, 0, size);
        System.arraycopy(maxForces, 0, f, 0, size);
        if (extra) {
            it[size] = lastIteration;
            e[size] = lastEnergy;
            f[size] = lastMaxForce;
        }
        return new Snapshot(it, e, f);
    }
}
