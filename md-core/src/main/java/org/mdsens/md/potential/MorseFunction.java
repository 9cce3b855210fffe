package org.mdsens.md.potential;

/**
 * φ(r) = ε[(1 − e^{−a(r − r₀)})² − 1] = ε(E² − 2E), E = e^{−a(r − r₀)}, for r &lt; r_c, optionally
 * minus φ(r_c) (r_c fixed). Effective parameters p = (ε, r₀, a). Immutable; evaluation
 * allocation-free.
 */
final class MorseFunction extends PairFunction {

    static final int EPSILON = 0;
    static final int R0 = 1;
    static final int A = 2;

    private final double epsilon;
    private final double r0;
    private final double a;
    private final double cutoff;
    private final boolean shift;
    private final double offset;

    MorseFunction(double epsilon, double r0, double a, double cutoff, boolean shift) {
        this.epsilon = epsilon;
        this.r0 = r0;
        this.a = a;
        this.cutoff = cutoff;
        this.shift = shift;
        double e = Math.exp(-a * (cutoff - r0));
        this.offset = shift ? -epsilon * e * (e - 2) : 0;
    }

    @Override public double cutoff() { return cutoff; }

    @Override public double energy(double r) {
        if (r >= cutoff) return 0;
        double e = Math.exp(-a * (r - r0));
        return epsilon * e * (e - 2) + offset;
    }

    @Override public double firstDerivative(double r) {
        if (r >= cutoff) return 0;
        double e = Math.exp(-a * (r - r0));
        return 2 * a * epsilon * e * (1 - e);
    }

    @Override public double secondDerivative(double r) {
        if (r >= cutoff) return 0;
        double e = Math.exp(-a * (r - r0));
        return 2 * a * a * epsilon * e * (2 * e - 1);
    }

    @Override int parameterCount() { return 3; }

    private double raw(int j, int order, double r) {
        double x = r - r0;
        double e = Math.exp(-a * x);
        double e2 = e * e;
        double eps = epsilon;
        return switch (j) {
            case EPSILON -> switch (order) {
                case 0 -> e2 - 2 * e;
                case 1 -> 2 * a * (e - e2);
                default -> 2 * a * a * (2 * e2 - e);
            };
            case R0 -> switch (order) {
                case 0 -> 2 * a * eps * (e2 - e);
                case 1 -> -2 * a * a * eps * (2 * e2 - e);
                default -> 2 * a * a * a * eps * (4 * e2 - e);
            };
            case A -> switch (order) {
                case 0 -> 2 * eps * x * (e - e2);
                case 1 -> 2 * eps * (e - e2) + 2 * a * eps * x * (2 * e2 - e);
                default -> 4 * a * eps * (2 * e2 - e) - 2 * a * a * eps * x * (4 * e2 - e);
            };
            default -> throw new IndexOutOfBoundsException("Morse pair parameter index must be 0..2, got " + j);
        };
    }

    @Override double parameterPartial(int j, int order, double r) {
        if (r >= cutoff) return 0;
        double v = raw(j, order, r);
        return shift && order == 0 ? v - raw(j, 0, cutoff) : v;
    }

    private double rawSecond(int i, int j, double r) {
        if (i > j) { int t = i; i = j; j = t; }
        double x = r - r0;
        double e = Math.exp(-a * x);
        double e2 = e * e;
        if (i == EPSILON && j == EPSILON) return 0;
        if (i == EPSILON && j == R0) return 2 * a * (e2 - e);
        if (i == EPSILON) return 2 * x * (e - e2);
        if (i == R0 && j == R0) return 2 * a * a * epsilon * (2 * e2 - e);
        if (i == R0) return 2 * epsilon * (e2 - e) - 2 * a * epsilon * x * (2 * e2 - e);
        return 2 * epsilon * x * x * (2 * e2 - e);
    }

    @Override double parameterSecondPartial(int i, int j, double r) {
        if (r >= cutoff) return 0;
        double v = rawSecond(i, j, r);
        return shift ? v - rawSecond(i, j, cutoff) : v;
    }

    @Override public String toString() {
        return "Morse(epsilon=" + epsilon + ", r0=" + r0 + ", a=" + a + ", cutoff=" + cutoff + (shift ? ", shifted" : "") + ")";
    }
}
