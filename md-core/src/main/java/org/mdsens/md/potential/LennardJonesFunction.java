package org.mdsens.md.potential;

/**
 * V(r) = 4ε[(σ/r)¹² − (σ/r)⁶] for r &lt; r_c, in one of four forms: plain cut (φ = V), shifted
 * (φ = V − V(r_c), r_c fixed), smoothly switched (φ = V·S(r) with the C² quintic S on
 * [r_on, r_c]) or WCA (φ = V + ε, r_c = 2^{1/6}σ, moving with σ). Effective parameters
 * p = (σ, ε). Immutable; evaluation allocation-free.
 */
final class LennardJonesFunction extends PairFunction {

    static final int SIGMA = 0;
    static final int EPSILON = 1;

    enum Mode { CUT, SHIFT, SWITCH, WCA }

    private final double sigma;
    private final double epsilon;
    private final double cutoff;
    private final Mode mode;
    private final double c12;       // 4εσ¹²
    private final double c6;        // 4εσ⁶
    private final double offset;    // added to V below the cutoff: −V(r_c), +ε or 0
    private final double switchOn;
    private final double invWidth;  // 1/(r_c − r_on)
    private final boolean switched;

    /** @param switchOn r_on for {@link Mode#SWITCH}, ignored otherwise */
    LennardJonesFunction(double sigma, double epsilon, double cutoff, Mode mode, double switchOn) {
        this.sigma = sigma;
        this.epsilon = epsilon;
        this.mode = mode;
        this.cutoff = mode == Mode.WCA ? Math.pow(2, 1.0 / 6) * sigma : cutoff;
        double s6 = sigma * sigma * sigma;
        s6 *= s6;
        this.c6 = 4 * epsilon * s6;
        this.c12 = c6 * s6;
        this.switched = mode == Mode.SWITCH;
        this.switchOn = switched ? switchOn : this.cutoff;
        this.invWidth = switched ? 1 / (this.cutoff - switchOn) : 0;
        this.offset = switch (mode) {
            case SHIFT -> -raw(this.cutoff);
            case WCA -> epsilon;
            default -> 0;
        };
    }

    private double raw(double r) {
        double ir2 = 1 / (r * r);
        double ir6 = ir2 * ir2 * ir2;
        return ir6 * (c12 * ir6 - c6);
    }

    @Override public double cutoff() { return cutoff; }

    @Override public double energy(double r) {
        if (r >= cutoff) return 0;
        double ir2 = 1 / (r * r);
        double ir6 = ir2 * ir2 * ir2;
        double v = ir6 * (c12 * ir6 - c6);
        if (switched && r > switchOn) {
            double t = (r - switchOn) * invWidth;
            v *= 1 - t * t * t * (10 + t * (-15 + 6 * t));
        }
        return v + offset;
    }

    @Override public double firstDerivative(double r) {
        if (r >= cutoff) return 0;
        double ir = 1 / r;
        double ir2 = ir * ir;
        double ir6 = ir2 * ir2 * ir2;
        double a = c12 * ir6 * ir6;
        double b = c6 * ir6;
        double d1 = (6 * b - 12 * a) * ir;
        if (switched && r > switchOn) {
            double t = (r - switchOn) * invWidth;
            double omt = 1 - t;
            double s = 1 - t * t * t * (10 + t * (-15 + 6 * t));
            double ds = -30 * t * t * omt * omt * invWidth;
            return d1 * s + (a - b) * ds;
        }
        return d1;
    }

    @Override public double secondDerivative(double r) {
        if (r >= cutoff) return 0;
        double ir = 1 / r;
        double ir2 = ir * ir;
        double ir6 = ir2 * ir2 * ir2;
        double a = c12 * ir6 * ir6;
        double b = c6 * ir6;
        double d2 = (156 * a - 42 * b) * ir2;
        if (switched && r > switchOn) {
            double t = (r - switchOn) * invWidth;
            double omt = 1 - t;
            double s = 1 - t * t * t * (10 + t * (-15 + 6 * t));
            double ds = -30 * t * t * omt * omt * invWidth;
            double dds = -60 * t * omt * (1 - 2 * t) * invWidth * invWidth;
            double d1 = (6 * b - 12 * a) * ir;
            return d2 * s + 2 * d1 * ds + (a - b) * dds;
        }
        return d2;
    }

    @Override int parameterCount() { return 2; }

    /** ∂/∂p_j of V^(order)(r), unswitched and unshifted. */
    private double rawPartial(int j, int order, double r) {
        double q = sigma / r;
        double q2 = q * q;
        double s6 = q2 * q2 * q2;
        double s12 = s6 * s6;
        if (j == SIGMA) {
            double a = 4 * epsilon * s12, b = 4 * epsilon * s6;
            return switch (order) {
                case 0 -> (12 * a - 6 * b) / sigma;
                case 1 -> (36 * b - 144 * a) / (r * sigma);
                default -> (1872 * a - 252 * b) / (r * r * sigma);
            };
        }
        if (j != EPSILON) throw new IndexOutOfBoundsException("Lennard-Jones pair parameter index must be 0 or 1, got " + j);
        double a = 4 * s12, b = 4 * s6;
        return switch (order) {
            case 0 -> a - b;
            case 1 -> (6 * b - 12 * a) / r;
            default -> (156 * a - 42 * b) / (r * r);
        };
    }

    @Override double parameterPartial(int j, int order, double r) {
        if (r >= cutoff) return 0;
        double v = rawPartial(j, order, r);
        switch (mode) {
            case SHIFT:
                return order == 0 ? v - rawPartial(j, 0, cutoff) : v;
            case WCA:
                return order == 0 && j == EPSILON ? v + 1 : v;
            case SWITCH: {
                if (r <= switchOn) return v;
                double t = (r - switchOn) * invWidth;
                double omt = 1 - t;
                double s = 1 - t * t * t * (10 + t * (-15 + 6 * t));
                if (order == 0) return v * s;
                double ds = -30 * t * t * omt * omt * invWidth;
                double v0 = rawPartial(j, 0, r);
                if (order == 1) return v * s + v0 * ds;
                double dds = -60 * t * omt * (1 - 2 * t) * invWidth * invWidth;
                return v * s + 2 * rawPartial(j, 1, r) * ds + v0 * dds;
            }
            default:
                return v;
        }
    }

    private double rawSecondPartial(int i, int j, double r) {
        if (i == EPSILON && j == EPSILON) return 0;
        double q = sigma / r;
        double q2 = q * q;
        double s6 = q2 * q2 * q2;
        double s12 = s6 * s6;
        if (i == SIGMA && j == SIGMA) return 4 * epsilon * (132 * s12 - 30 * s6) / (sigma * sigma);
        return 4 * (12 * s12 - 6 * s6) / sigma;
    }

    @Override double parameterSecondPartial(int i, int j, double r) {
        if (r >= cutoff) return 0;
        double v = rawSecondPartial(i, j, r);
        return switch (mode) {
            case SHIFT -> v - rawSecondPartial(i, j, cutoff);
            case SWITCH -> {
                if (r <= switchOn) yield v;
                double t = (r - switchOn) * invWidth;
                yield v * (1 - t * t * t * (10 + t * (-15 + 6 * t)));
            }
            default -> v;
        };
    }

    @Override public String toString() {
        return "LennardJones(sigma=" + sigma + ", epsilon=" + epsilon + ", cutoff=" + cutoff + ", " + mode
                + (switched ? ", switchOn=" + switchOn : "") + ")";
    }
}
