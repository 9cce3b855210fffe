package org.mdsens.sensitivity.linalg;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * The smallest eigenvalues of a symmetric operator by the Lanczos process with full reorthogonalization, from a
 * seeded random start vector; an optional {@link Projector} deflates a known null space (the iteration then runs on
 * {@code P A P} restricted to the range of P, so "smallest" means smallest non-deflated).
 *
 * <p>Step k builds the tridiagonal T_k = Q_kᵀ A Q_k; its eigenpairs (θ_i, s_i) (Hipparchus
 * {@link EigenDecompositionSymmetric} on the tridiagonal form) give Ritz pairs (θ_i, Q_k s_i) whose residual is
 * β_k|s_i[k]| in exact arithmetic. The iteration stops when every requested pair meets the tolerance relative to
 * max|θ|, when the Krylov space becomes invariant (β_k ≈ 0: the Ritz values are then eigenvalues), or after
 * {@code maxSteps} steps. Each returned pair carries its <em>explicitly</em> recomputed residual
 * ‖A·y − θ·y‖, which bounds the distance from θ to the nearest eigenvalue (Bauer–Fike for symmetric A).
 *
 * <p>Uses: λ̂ for the error estimate of implicit differentiation (Blondel et al. 2022, Theorem 1), stability
 * checks of minima. Convergence to the smallest eigenvalue is fast when it is well separated; clustered small
 * eigenvalues may need more steps. Cost per step: one product plus O(k·n) reorthogonalization. Immutable and
 * thread-safe. Reference: Golub &amp; Van Loan, <i>Matrix Computations</i>, §10.1; Parlett, <i>The Symmetric
 * Eigenvalue Problem</i>.
 */
public final class LanczosEigenSolver {

    private static final double INVARIANT_RATIO = 1e-12;

    private final LanczosConfig config;

    /** @param config steps, tolerance and seed */
    public LanczosEigenSolver(LanczosConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return a solver with {@link LanczosConfig#defaults()} */
    public static LanczosEigenSolver withDefaults() { return new LanczosEigenSolver(LanczosConfig.defaults()); }

    /** @return the settings */
    public LanczosConfig config() { return config; }

    /**
     * @param a               symmetric operator, n × n (symmetry is not checked)
     * @param projectorOrNull orthogonal projector deflating a known null space, or {@code null}
     * @return the smallest eigenvalue estimate with its residual
     */
    public EigenEstimate smallest(RealLinearOperator a, Projector projectorOrNull) {
        return smallest(a, projectorOrNull, 1);
    }

    /**
     * @param a               symmetric operator, n × n (symmetry is not checked)
     * @param projectorOrNull orthogonal projector deflating a known null space, or {@code null}
     * @param count           how many of the smallest eigenvalues, 1 ≤ count ≤ n (fewer are returned if the
     *                        Krylov space becomes invariant first)
     * @return the {@code count} smallest eigenvalue estimates, ascending, with their residuals
     * @throws IllegalArgumentException if the operator is not square, {@code count} is out of range, or the
     *                                  projector annihilates the start vector
     */
    public EigenEstimate smallest(RealLinearOperator a, Projector projectorOrNull, int count) {
        Objects.requireNonNull(a, "operator");
        int n = a.getRowDimension();
        if (a.getColumnDimension() != n) {
            throw new IllegalArgumentException("operator must be square, got " + n + " x " + a.getColumnDimension());
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count must be in [1, " + n + "], got " + count);
        }
        int maxSteps = Math.min(config.maxSteps(), n);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed());
        // (a method of its own: a long loop here would have the JIT compile all of smallest on the stack)
        double[] q0 = randomVector(rng, n);
        if (projectorOrNull != null) {
            projectorOrNull.project(q0);
        }
        double q0Norm = Vectors.norm(q0);
        if (!(q0Norm > 0)) {
            throw new IllegalArgumentException("start vector must be non-zero after projection, got norm " + q0Norm);
        }
        Vectors.scale(1.0 / q0Norm, q0);

        double[][] q = new double[maxSteps][];
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        q[0] = q0;
        int[] applications = {0};
        int k = 0;
        SolveStatus status = SolveStatus.MAX_ITERATIONS;
        double[] ritz = new double[0];
        double[][] s = new double[0][];
        double scale = 0;
        for (int j = 0; j < maxSteps; j++) {
            double[] w = apply(a, q[j], projectorOrNull, applications);
            alpha[j] = Vectors.dot(q[j], w);
            Vectors.axpy(-alpha[j], q[j], w);
            if (j > 0) {
                Vectors.axpy(-beta[j - 1], q[j - 1], w);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    Vectors.axpy(-Vectors.dot(q[i], w), q[i], w);
                }
            }
            if (projectorOrNull != null) {
                projectorOrNull.project(w);
            }
            beta[j] = Vectors.norm(w);
            k = j + 1;
            if (!Double.isFinite(beta[j]) || !Double.isFinite(alpha[j])) {
                status = SolveStatus.NON_FINITE;
                break;
            }
            scale = Math.max(scale, Math.abs(alpha[j]) + beta[j] + (j > 0 ? beta[j - 1] : 0));
            boolean invariant = beta[j] <= INVARIANT_RATIO * scale;
            boolean last = k == maxSteps;
            if (invariant || last || k <= 20 || k % 10 == 0) {
                double[][] eig = tridiagonalEigen(alpha, beta, k);
                ritz = eig[0];
                s = java.util.Arrays.copyOfRange(eig, 1, eig.length);
                if (invariant) {
                    status = SolveStatus.CONVERGED;
                    break;
                }
                if (k >= count) {
                    double maxAbs = Math.max(Math.abs(ritz[0]), Math.abs(ritz[k - 1]));
                    boolean done = true;
                    for (int i = 0; i < count && done; i++) {
                        done = beta[j] * Math.abs(s[i][k - 1]) <= config.relativeTolerance() * maxAbs;
                    }
                    if (done) {
                        status = SolveStatus.CONVERGED;
                        break;
                    }
                }
                if (last) {
                    break;
                }
            }
            Vectors.scale(1.0 / beta[j], w);
            q[j + 1] = w;
        }
        if (status == SolveStatus.NON_FINITE) {
            return new EigenEstimate(new double[] {Double.NaN}, new double[] {Double.NaN}, new double[][] {new double[n]},
                    Double.NaN, Double.NaN, k, applications[0], status);
        }
        int m = Math.min(count, ritz.length);
        double[] values = new double[m];
        double[] residuals = new double[m];
        double[][] vectors = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] y = new double[n];
            for (int l = 0; l < ritz.length; l++) {
                Vectors.axpy(s[i][l], q[l], y);
            }
            Vectors.scale(1.0 / Vectors.norm(y), y);
            double theta = ritz[i];
            double[] ay = apply(a, y, projectorOrNull, applications);
            Vectors.axpy(-theta, y, ay);
            values[i] = theta;
            residuals[i] = Vectors.norm(ay);
            vectors[i] = y;
        }
        double minAbs = Double.POSITIVE_INFINITY;
        double maxAbs = 0;
        for (double t : ritz) {
            minAbs = Math.min(minAbs, Math.abs(t));
            maxAbs = Math.max(maxAbs, Math.abs(t));
        }
        return new EigenEstimate(values, residuals, vectors, minAbs, maxAbs, k, applications[0], status);
    }

    /** n uniform deviates in [−½, ½). */
    private static double[] randomVector(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        return v;
    }

    private static double[] apply(RealLinearOperator a, double[] v, Projector p, int[] applications) {
        applications[0]++;
        RealVector y = a.operate(new ArrayRealVector(v, false));
        double[] w = y.toArray();
        if (p != null) {
            p.project(w);
        }
        return w;
    }

    /**
     * Eigen-decomposition of the k × k tridiagonal (alpha, beta), ascending. Row 0 of the result holds the
     * eigenvalues; row 1 + i holds the eigenvector of eigenvalue i (length k).
     */
    private static double[][] tridiagonalEigen(double[] alpha, double[] beta, int k) {
        double[][] out = new double[k + 1][];
        if (k == 1) {
            out[0] = new double[] {alpha[0]};
            out[1] = new double[] {1.0};
            return out;
        }
        EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(
                java.util.Arrays.copyOf(alpha, k), java.util.Arrays.copyOf(beta, k - 1));
        double[] values = ed.getEigenvalues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        out[0] = new double[k];
        for (int i = 0; i < k; i++) {
            out[0][i] = values[order[i]];
            out[1 + i] = ed.getEigenvector(order[i]).toArray();
        }
        return out;
    }
}
