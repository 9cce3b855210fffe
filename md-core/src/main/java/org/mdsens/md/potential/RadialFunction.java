package org.mdsens.md.potential;

/**
 * A radial pair function of one species pair with its parameters fixed: φ(r), φ'(r), φ''(r),
 * zero for r ≥ {@link #cutoff()}.
 *
 * <p>Also used for parameter derivatives: {@link PairPotential#parameterDerivative} returns a
 * RadialFunction whose {@code energy} is ∂φ/∂θ, {@code firstDerivative} is ∂φ'/∂θ and
 * {@code secondDerivative} is ∂φ''/∂θ (the cutoff is held fixed under differentiation).
 * Implementations are immutable and thread-safe.
 */
public interface RadialFunction {

    /** Absolute cutoff distance; the function and its derivatives are 0 at and beyond it. */
    double cutoff();

    /** φ(r). */
    double energy(double r);

    /** φ'(r) = dφ/dr. */
    double firstDerivative(double r);

    /** φ''(r) = d²φ/dr². */
    double secondDerivative(double r);

    /** The zero function (for pairs that do not interact or do not depend on a parameter). */
    RadialFunction ZERO = new RadialFunction() {
        @Override public double cutoff() { return 0; }
        @Override public double energy(double r) { return 0; }
        @Override public double firstDerivative(double r) { return 0; }
        @Override public double secondDerivative(double r) { return 0; }
        @Override public String toString() { return "RadialFunction.ZERO"; }
    };
}
