package org.mdsens.md.potential;

/**
 * ∂/∂θ_k of one pair function, as the chain rule Σ_j (∂p_j/∂θ_k) ∂/∂p_j over the pair's effective
 * parameters. Immutable; evaluation is allocation-free.
 */
final class PairDerivative implements RadialFunction {

    private final PairFunction function;
    private final int[] index;
    private final double[] coefficient;

    /** {@code coefficients[j]} = ∂p_j/∂θ_k; zero entries are skipped. */
    PairDerivative(PairFunction function, double[] coefficients) {
        this.function = function;
        int count = 0;
        for (double c : coefficients) if (c != 0) count++;
        index = new int[count];
        coefficient = new double[count];
        int i = 0;
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0) {
                index[i] = j;
                coefficient[i] = coefficients[j];
                i++;
            }
        }
    }

    @Override public double cutoff() { return function.cutoff(); }

    @Override public double energy(double r) { return sum(0, r); }

    @Override public double firstDerivative(double r) { return sum(1, r); }

    @Override public double secondDerivative(double r) { return sum(2, r); }

    private double sum(int order, double r) {
        if (r >= function.cutoff()) return 0;
        double s = 0;
        for (int i = 0; i < index.length; i++) s += coefficient[i] * function.parameterPartial(index[i], order, r);
        return s;
    }

    @Override public String toString() { return "d/dθ of " + function; }
}
