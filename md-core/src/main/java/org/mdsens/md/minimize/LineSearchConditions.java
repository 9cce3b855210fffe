package org.mdsens.md.minimize;

/**
 * Round-off-aware acceptance tests for line searches along x(α) = x₀ + α p (package-private).
 * φ(α) = E(x(α)), φ'(α) = −F(x(α))·p; φ'(0) &lt; 0.
 */
final class LineSearchConditions {

    private LineSearchConditions() { }

    /**
     * Round-off bound on an energy E summed over n particles: 1e-14·(|E| + 1)·√n. Energy
     * differences no larger than this are treated as unresolved.
     */
    static double roundoffBound(double energy, int n) {
        return 1e-14 * (Math.abs(energy) + 1.0) * Math.sqrt(Math.max(n, 1));
    }

    /** True when the energy difference exceeds the round-off bound. */
    static boolean resolved(double difference, double bound) {
        return Math.abs(difference) > bound;
    }

    /**
     * Sufficient decrease. A resolved increase fails; a resolved decrease must satisfy Armijo,
     * φ(α) ≤ φ(0) + c₁ α φ'(0); an unresolved change (|φ(α) − φ(0)| ≤ bound) passes when
     * φ'(α) ≤ (1 − 2c₁)|φ'(0)|, which is Armijo's condition on a quadratic model (Hager &amp; Zhang,
     * SIAM J. Optim. 16 (2005), "approximate Wolfe"). Every accepted step therefore has
     * φ(α) ≤ φ(0) + bound.
     */
    static boolean sufficientDecrease(double phi0, double dphi0, double alpha, double phi, double dphi,
                                      double bound, double c1) {
        double change = phi - phi0;
        if (change > bound) return false;
        if (change < -bound) return phi <= phi0 + c1 * alpha * dphi0;
        return dphi <= (1.0 - 2.0 * c1) * (-dphi0);
    }
}
