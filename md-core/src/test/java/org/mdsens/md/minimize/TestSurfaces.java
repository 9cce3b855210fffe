package org.mdsens.md.minimize;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Analytic potential surfaces for minimizer tests (test scope). Energies are summed with
 * Neumaier compensation so their round-off stays far below
 * {@link LbfgsMinimizer#roundoffBound(double, int)}.
 */
final class TestSurfaces {

    private TestSurfaces() { }

    /** Base: positions, size, dimension and an evaluation counter. */
    abstract static class Base implements PotentialSurface {
        final int d;
        final int n;
        final double[] x;
        int evaluations;

        Base(int d, double[] x) {
            this.d = d;
            this.n = x.length / d;
            this.x = x;
        }

        @Override public int dimension() { return d; }
        @Override public int size() { return n; }
        @Override public double[] positions() { return x; }

        @Override public final double computeForces(double[] forces) {
            evaluations++;
            return energyAndForces(forces);
        }

        abstract double energyAndForces(double[] forces);
    }

    /** Neumaier-compensated sum. */
    static final class Sum {
        private double s;
        private double c;

        void add(double v) {
            double t = s + v;
            if (Math.abs(s) >= Math.abs(v)) c += (s - t) + v;
            else c += (v - t) + s;
            s = t;
        }

        double value() { return s + c; }
    }

    /** E = ½ Σ_k κ_k (x_k − c_k)²: an anisotropic quadratic well, minimum x = c, E = 0. */
    static final class QuadraticWell extends Base {
        final double[] stiffness;
        final double[] center;

        QuadraticWell(int d, double[] start, double[] stiffness, double[] center) {
            super(d, start.clone());
            this.stiffness = stiffness.clone();
            this.center = center.clone();
        }

        @Override double energyAndForces(double[] f) {
            Sum e = new Sum();
            for (int k = 0; k < x.length; k++) {
                double u = x[k] - center[k];
                f[k] = -stiffness[k] * u;
                e.add(0.5 * stiffness[k] * u * u);
            }
            return e.value();
        }

        /** n particles in d dimensions, stiffness log-spaced in [kMin, kMax], seeded start. */
        static QuadraticWell anisotropic(int d, int n, double kMin, double kMax, long seed) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int len = d * n;
            double[] k = new double[len];
            double[] c = new double[len];
            double[] x = new double[len];
            for (int i = 0; i < len; i++) {
                k[i] = kMin * Math.pow(kMax / kMin, len == 1 ? 0.0 : i / (double) (len - 1));
                c[i] = rng.nextDouble(-2.0, 2.0);
                x[i] = c[i] + rng.nextDouble(-1.0, 1.0);
            }
            return new QuadraticWell(d, x, k, c);
        }
    }

    /** Lennard-Jones, ε = σ = 1, all pairs, no cutoff, open boundaries: E = Σ 4(r⁻¹² − r⁻⁶). */
    static final class LennardJones extends Base {
        LennardJones(int d, double[] start) {
            super(d, start.clone());
        }

        @Override double energyAndForces(double[] f) {
            java.util.Arrays.fill(f, 0.0);
            Sum e = new Sum();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double r2 = 0.0;
                    for (int c = 0; c < d; c++) {
                        double dx = x[i * d + c] - x[j * d + c];
                        r2 += dx * dx;
                    }
                    double inv2 = 1.0 / r2;
                    double inv6 = inv2 * inv2 * inv2;
                    e.add(4.0 * (inv6 * inv6 - inv6));
                    // F_i = −φ'(r) r_ij / r = 24 (2 r⁻¹² − r⁻⁶) r_ij / r²
                    double fOverR = 24.0 * (2.0 * inv6 * inv6 - inv6) * inv2;
                    for (int c = 0; c < d; c++) {
                        double dx = x[i * d + c] - x[j * d + c];
                        f[i * d + c] += fOverR * dx;
                        f[j * d + c] -= fOverR * dx;
                    }
                }
            }
            return e.value();
        }

        /** A dimer along x at distance r. */
        static LennardJones dimer(double r) {
            return new LennardJones(3, new double[] {0.0, 0.0, 0.0, r, 0.1 * r, -0.05 * r});
        }

        /**
         * 13 particles: a centred icosahedron with centre-vertex distance {@code radius}, every
         * coordinate then moved uniformly in ±{@code jitter} (seeded).
         */
        static LennardJones icosahedron13(double radius, double jitter, long seed) {
            double phi = (1.0 + Math.sqrt(5.0)) / 2.0;
            double[][] v = new double[12][];
            int m = 0;
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    v[m++] = new double[] {0.0, s1, s2 * phi};
                    v[m++] = new double[] {s1, s2 * phi, 0.0};
                    v[m++] = new double[] {s2 * phi, 0.0, s1};
                }
            }
            double norm = Math.sqrt(1.0 + phi * phi);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            double[] x = new double[39];
            for (int i = 0; i < 13; i++) {
                for (int c = 0; c < 3; c++) {
                    double base = i == 0 ? 0.0 : v[i - 1][c] * radius / norm;
                    x[3 * i + c] = base + rng.nextDouble(-jitter, jitter);
                }
            }
            return new LennardJones(3, x);
        }
    }

    /**
     * Chained Rosenbrock over all coordinates u = positions (length d·N):
     * E = Σ_{k&lt;len−1} [b (u_{k+1} − u_k²)² + (1 − u_k)²]; minimum u = 1, E = 0.
     */
    static final class Rosenbrock extends Base {
        final double b;

        Rosenbrock(int d, double[] start, double b) {
            super(d, start.clone());
            this.b = b;
        }

        @Override double energyAndForces(double[] f) {
            java.util.Arrays.fill(f, 0.0);
            Sum e = new Sum();
            for (int k = 0; k + 1 < x.length; k++) {
                double w = x[k + 1] - x[k] * x[k];
                double o = 1.0 - x[k];
                e.add(b * w * w + o * o);
                // dE/du_k = −4b w u_k − 2 o ; dE/du_{k+1} = 2b w
                f[k] -= -4.0 * b * w * x[k] - 2.0 * o;
                f[k + 1] -= 2.0 * b * w;
            }
            return e.value();
        }

        /** N particles in 2D, b, start 1 + U(−spread, spread) per coordinate (seeded). */
        static Rosenbrock near(int n, double b, double spread, long seed) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            double[] u = new double[2 * n];
            for (int k = 0; k < u.length; k++) u[k] = 1.0 + rng.nextDouble(-spread, spread);
            return new Rosenbrock(2, u, b);
        }
    }

    /** Delegates to another surface but returns NaN/∞ from evaluation {@code badFrom} on. */
    static final class Poisoned extends Base {
        enum Kind { NAN_ENERGY, INFINITE_ENERGY, NAN_FORCE, INFINITE_FORCE }

        final Base inner;
        final int badFrom;
        final Kind kind;

        Poisoned(Base inner, int badFrom, Kind kind) {
            super(inner.d, inner.x);
            this.inner = inner;
            this.badFrom = badFrom;
            this.kind = kind;
        }

        @Override double energyAndForces(double[] f) {
            double e = inner.computeForces(f);
            if (evaluations < badFrom) return e;
            switch (kind) {
                case NAN_ENERGY: return Double.NaN;
                case INFINITE_ENERGY: return Double.POSITIVE_INFINITY;
                case NAN_FORCE: f[f.length - 1] = Double.NaN; return e;
                default: f[0] = Double.NEGATIVE_INFINITY; return e;
            }
        }
    }

    /** E = s Σ_k x_k, F = −s: a constant slope that never converges. */
    static final class Slope extends Base {
        final double s;

        Slope(int d, double[] start, double s) {
            super(d, start.clone());
            this.s = s;
        }

        @Override double energyAndForces(double[] f) {
            Sum e = new Sum();
            for (int k = 0; k < x.length; k++) {
                f[k] = -s;
                e.add(s * x[k]);
            }
            return e.value();
        }
    }

    /**
     * Deliberately inconsistent (not a gradient, and not checked against finite differences):
     * E = {@code energyScale}·Σ x_k while the force is {@code forceSign}·(1, ..., 1), or flips
     * sign on every evaluation when {@code alternate}. Used to provoke line-search failure and
     * FIRE's P ≤ 0 stagnation.
     */
    static final class Inconsistent extends Base {
        final double energyScale;
        final boolean alternate;

        Inconsistent(int d, double[] start, double energyScale, boolean alternate) {
            super(d, start.clone());
            this.energyScale = energyScale;
            this.alternate = alternate;
        }

        @Override double energyAndForces(double[] f) {
            double sign = alternate && evaluations % 2 == 0 ? -1.0 : 1.0;
            double e = 0.0;
            for (int k = 0; k < x.length; k++) {
                f[k] = sign;
                e += energyScale * x[k];
            }
            return e;
        }
    }

    /**
     * Deliberately discontinuous: E = 0 at the start positions and 1 anywhere else, with a
     * constant force (1, ..., 1) that promises descent. No step can give sufficient decrease.
     */
    static final class Cusp extends Base {
        final double[] start;

        Cusp(int d, double[] start) {
            super(d, start.clone());
            this.start = start.clone();
        }

        @Override double energyAndForces(double[] f) {
            java.util.Arrays.fill(f, 1.0);
            return java.util.Arrays.equals(x, start) ? 0.0 : 1.0;
        }
    }
}
