package org.mdsens.md.potential;

/**
 * φ(r) = (ε/α)(1 − r/σ)^α for r < σ, else 0, with effective parameters p = (σ, ε, α).
 * α = 2 avoids {@link Math#pow}. Immutable; evaluation allocation-free.
 */
final class SoftSphereFunction extends PairFunction {

    static final int SIGMA = 0;
    static final int EPSILON = 1;
    static final int ALPHA = 2;

    private final double sigma;
    private final double epsilon;
    private final double alpha;
    private final double invSigma;
    private final double energyScale;     // ε/α
    private final double forceScale;      // ε/σ
    private final double curvatureScale;  // ε(α−1)/σ²
    private final boolean harmonic;
    private final int twiceAlpha;         // 2α when α is a half-integer up to 32, else −1 (then Math.pow)

    SoftSphereFunction(double sigma, double epsilon, double alpha) {
        this.sigma = sigma;
        this.epsilon = epsilon;
        this.alpha = alpha;
        this.invSigma = 1 / sigma;
        this.energyScale = epsilon / alpha;
        this.forceScale = epsilon / sigma;
        this.curvatureScale = epsilon * (alpha - 1) / (sigma * sigma);
        this.harmonic = alpha == 2;
        double twice = 2 * alpha;
        this.twiceAlpha = twice == Math.rint(twice) && twice <= 64 ? (int) twice : -1;
    }

    /** u^(α − shift) for u &gt; 0, without {@link Math#pow} when α is a half-integer (α = 5/2: Hertz). */
    private double power(double u, int shift) {
        if (twiceAlpha < 0) return Math.pow(u, alpha - shift);
        int twice = twiceAlpha - 2 * shift;
        int n = Math.floorDiv(twice, 2);
        double p = 1;
        for (int i = 0; i < Math.abs(n); i++) p *= u;
        if (n < 0) p = 1 / p;
        return (twice & 1) != 0 ? p * Math.sqrt(u) : p;
    }

    @Override public double cutoff() { return sigma; }

    @Override public double energy(double r) {
        if (r >= sigma) return 0;
        double u = 1 - r * invSigma;
        if (u <= 0) return 0;
        return harmonic ? energyScale * u * u : energyScale * power(u, 0);
    }

    @Override public double firstDerivative(double r) {
        if (r >= sigma) return 0;
        double u = 1 - r * invSigma;
        if (u <= 0) return 0;
        return harmonic ? -forceScale * u : -forceScale * power(u, 1);
    }

    @Override public double secondDerivative(double r) {
        if (r >= sigma) return 0;
        double u = 1 - r * invSigma;
        if (u <= 0) return 0;
        return harmonic ? curvatureScale : curvatureScale * power(u, 2);
    }

    @Override int parameterCount() { return 3; }

    @Override double parameterPartial(int j, int order, double r) {
        if (r >= sigma) return 0;
        double u = 1 - r * invSigma;
        if (u <= 0) return 0;
        double e = epsilon, a = alpha, s = sigma;
        double pm2 = power(u, 2);                  // u^(α−2)
        double pm1 = pm2 * u;                      // u^(α−1)
        double p0 = pm1 * u;                       // u^α
        double rs2 = r / (s * s);                  // ∂u/∂σ
        switch (j) {
            case SIGMA:
                return switch (order) {
                    case 0 -> e * pm1 * rs2;
                    case 1 -> e / (s * s) * pm1 - e / s * (a - 1) * pm2 * rs2;
                    default -> -2 * e * (a - 1) / (s * s * s) * pm2
                            + (a == 2 ? 0 : e * (a - 1) * (a - 2) / (s * s) * (pm2 / u) * rs2);
                };
            case EPSILON:
                return switch (order) {
                    case 0 -> p0 / a;
                    case 1 -> -pm1 / s;
                    default -> (a - 1) * pm2 / (s * s);
                };
            case ALPHA: {
                double l = Math.log(u);
                return switch (order) {
                    case 0 -> e / a * p0 * (l - 1 / a);
                    case 1 -> -e / s * pm1 * l;
                    default -> e / (s * s) * pm2 * (1 + (a - 1) * l);
                };
            }
            default:
                throw new IndexOutOfBoundsException("soft-sphere pair parameter index must be 0..2, got " + j);
        }
    }

    @Override double parameterSecondPartial(int i, int j, double r) {
        if (r >= sigma) return 0;
        double u = 1 - r * invSigma;
        if (u <= 0) return 0;
        if (i > j) { int t = i; i = j; j = t; }
        double e = epsilon, a = alpha, s = sigma;
        double pm2 = power(u, 2);
        double pm1 = pm2 * u;
        double p0 = pm1 * u;
        double rs2 = r / (s * s);
        double l = Math.log(u);
        if (i == SIGMA && j == SIGMA) return e * rs2 * ((a - 1) * pm2 * rs2 - 2 * pm1 / s);
        if (i == SIGMA && j == EPSILON) return pm1 * rs2;
        if (i == SIGMA && j == ALPHA) return e * pm1 * l * rs2;
        if (i == EPSILON && j == EPSILON) return 0;
        if (i == EPSILON && j == ALPHA) return p0 * (l - 1 / a) / a;
        double m = l - 1 / a;
        return e * p0 / a * (m * m + 1 / (a * a));
    }

    @Override public String toString() {
        return "SoftSphere(sigma=" + sigma + ", epsilon=" + epsilon + ", alpha=" + alpha + ")";
    }
}
