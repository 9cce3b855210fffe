package org.mdsens.sensitivity.linalg;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * The smallest eigenvalues of a symmetric operator by the locally optimal block preconditioned conjugate gradient
 * method (LOBPCG, Knyazev, SIAM J. Sci. Comput. 23, 517–541, 2001), from a seeded random start block; an optional
 * {@link Projector} deflates a known null space (iterates stay in its range, so "smallest" means smallest
 * non-deflated) and an optional {@link Preconditioner} T ≈ A⁻¹ speeds convergence. For ill-conditioned operators
 * with a good preconditioner (incomplete Cholesky of a particle Hessian) it needs far fewer operator applications
 * than {@link LanczosEigenSolver} and keeps only a few vectors (no full reorthogonalization).
 *
 * <p>Iteration: X (blockSize vectors, orthonormal) with Ritz values θ; residuals R = AX − Xθ; W = P T R
 * (projected); Rayleigh–Ritz on span[X, W, P_prev] through the Gram matrices G_A = Sᵀ(AS), G_B = SᵀS (columns
 * scaled to unit norm, G_B factored by Cholesky; when G_B is numerically singular P_prev is dropped, then W is
 * orthonormalized explicitly), so each iteration applies A only to W; X ← the blockSize lowest Ritz vectors,
 * P ← their component outside X. Block operations stream each vector once per Gram matrix or combination.
 * Stops when every requested pair (the {@code count} lowest) has residual ≤ tolerance·|θ| (or ≤ 1e-14·max|θ|, for an
 * exact zero), on stagnation ({@link LobpcgConfig#stagnationTolerance()}), or after maxIterations. The returned
 * values are Rayleigh quotients of the returned (normalized) vectors with explicitly recomputed residuals (one
 * application per pair); each value is an upper bound of the corresponding eigenvalue of the deflated operator.
 *
 * <p>The returned {@link EigenEstimate}'s {@code largestMagnitude} is the largest |Ritz value| of the Rayleigh–Ritz
 * subspaces seen: a lower bound of ‖A‖ that is usually loose (use a few Lanczos steps for ‖A‖). Statuses:
 * CONVERGED, MAX_ITERATIONS, NON_FINITE (a non-finite product or Ritz value), BREAKDOWN (Rayleigh–Ritz failed even
 * with an orthonormalized basis; the current block is returned). Immutable and thread-safe (the preconditioner, if any, must be used by one thread at
 * a time). Memory: about 10·blockSize vectors of length n. Reference: Knyazev (2001); Hetmaniuk &amp; Lehoucq,
 * J. Comput. Phys. 218, 324–332 (2006) for the basis selection.
 */
public final class LobpcgEigenSolver {

    /** Iterations over which the stagnation test compares the smallest Ritz value. */
    public static final int STAGNATION_WINDOW = 10;
    /** Relative Cholesky pivot of the scaled Gram matrix below which the basis counts as dependent. */
    private static final double GRAM_PIVOT = 1e-12;

    private final LobpcgConfig config;

    /** @param config block size, iterations, tolerances and seed */
    public LobpcgEigenSolver(LobpcgConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return a solver with {@link LobpcgConfig#defaults()} */
    public static LobpcgEigenSolver withDefaults() { return new LobpcgEigenSolver(LobpcgConfig.defaults()); }

    /** @return the settings */
    public LobpcgConfig config() { return config; }

    /**
     * @param a                    symmetric operator, n × n (symmetry is not checked)
     * @param projectorOrNull      orthogonal projector deflating a known null space, or {@code null}
     * @param preconditionerOrNull T ≈ A⁻¹, symmetric positive definite, or {@code null} for none
     * @param count                how many of the smallest eigenvalues, 1 ≤ count ≤ n
     * @return the {@code count} smallest eigenvalue estimates, ascending, with their explicit residuals
     * @throws IllegalArgumentException if the operator is not square, count is out of range, or the projector
     *                                  annihilates the start block
     */
    public EigenEstimate smallest(RealLinearOperator a, Projector projectorOrNull, Preconditioner preconditionerOrNull,
                                  int count) {
        Objects.requireNonNull(a, "operator");
        int n = a.getRowDimension();
        if (a.getColumnDimension() != n) {
            throw new IllegalArgumentException("operator must be square, got " + n + " x " + a.getColumnDimension());
        }
        if (count < 1 || count > n) throw new IllegalArgumentException("count must be in [1, " + n + "], got " + count);
        int m = Math.max(count, Math.min(config.blockSize(), Math.max(1, n / 3)));
        Ops ops = new Ops(a, projectorOrNull, n);

        // random start block, projected and orthonormalized
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed());
        double[][] start = new double[m][];
        int have = 0;
        for (int j = 0; j < m; j++) {
            double[] v = randomVector(rng, n);
            ops.project(v);
            if (orthonormalize(v, null, start, have, null)) start[have++] = v;
        }
        if (have < count) {
            throw new IllegalArgumentException("start block must keep at least " + count
                    + " independent vectors after projection, got " + have);
        }
        m = have;
        // The iteration lives in Iteration (one call per step, every long vector loop in a small
        // method), so the JIT compiles it once as ordinary methods instead of on-stack-replacing
        // this method, with every operator and preconditioner inlined, at several of its loops.
        Iteration it = new Iteration(ops, preconditionerOrNull, start, m, n);
        if (!it.initialRitz()) {
            return new EigenEstimate(new double[] {Double.NaN}, new double[] {Double.NaN}, new double[][] {new double[n]},
                    Double.NaN, Double.NaN, 0, ops.applications, SolveStatus.NON_FINITE);
        }
        double[] theta = it.theta;
        double[] residuals = it.residuals;
        double[] history = new double[config.maxIterations() + 1];
        SolveStatus status = SolveStatus.MAX_ITERATIONS;
        int iteration = 0;
        while (true) {
            if (!it.residuals()) {
                status = SolveStatus.NON_FINITE;
                break;
            }
            double maxRitz = it.maxRitz;
            history[iteration] = theta[0];
            boolean converged = true, withinTheta = true;
            for (int j = 0; j < count; j++) {
                converged &= residuals[j] <= config.relativeTolerance() * Math.abs(theta[j])
                        || residuals[j] <= 1e-14 * maxRitz;
                withinTheta &= residuals[j] <= Math.abs(theta[j]) || residuals[j] <= 1e-14 * maxRitz;
            }
            boolean stagnated = config.stagnationTolerance() > 0 && withinTheta && iteration >= STAGNATION_WINDOW
                    && Math.abs(history[iteration - STAGNATION_WINDOW] - theta[0])
                    <= config.stagnationTolerance() * Math.abs(theta[0]);
            if (converged || stagnated) {
                status = SolveStatus.CONVERGED;
                break;
            }
            if (iteration >= config.maxIterations()) break;
            iteration++;
            SolveStatus stop = it.step();
            if (stop != null) {
                status = stop;
                break;
            }
        }
        if (status == SolveStatus.NON_FINITE) {
            return new EigenEstimate(new double[] {Double.NaN}, new double[] {Double.NaN}, new double[][] {new double[n]},
                    Double.NaN, Double.NaN, iteration, ops.applications, status);
        }
        double[][] x = it.x;
        double[] out = new double[count];
        double[] explicit = new double[count];
        double[][] vectors = new double[count][];
        double[] ay = new double[n];
        for (int j = 0; j < count; j++) {
            double[] y = x[j].clone();
            Vectors.scale(1.0 / Vectors.norm(y), y);
            ops.apply(y, ay);
            double th = Vectors.dot(y, ay);
            Vectors.axpy(-th, y, ay);
            out[j] = th;
            explicit[j] = Vectors.norm(ay);
            vectors[j] = y;
        }
        double minAbs = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) minAbs = Math.min(minAbs, Math.abs(theta[j]));
        return new EigenEstimate(out, explicit, vectors, minAbs, it.maxRitz, iteration, ops.applications, status);
    }

    /** n uniform deviates in [−½, ½). */
    private static double[] randomVector(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble() - 0.5;
        return v;
    }

    /** r ← A x − θ x; returns |r|². */
    private static double residual(double[] rj, double[] xj, double[] axj, double th, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = axj[i] - th * xj[i];
            rj[i] = v;
            sum += v * v;
        }
        return sum;
    }

    /** The blocks of one LOBPCG run and its step; one per call of {@link #smallest}, one thread. */
    private static final class Iteration {
        private final Ops ops;
        private final Preconditioner preconditioner;
        private final int m;
        private final int n;
        double[][] x;
        double[][] ax;
        private double[][] nx;
        private double[][] nax;
        private final double[][] p;
        private final double[][] ap;
        private final double[][] w;
        private final double[][] aw;
        private final double[][] r;
        private final double[] gA;
        private final double[] gB;
        private final double[] coefficients;
        final double[] theta;
        final double[] residuals;
        private final double[] values;
        private final double[][] s;
        private final double[][] as;
        double maxRitz;
        private int pCount;

        Iteration(Ops ops, Preconditioner preconditioner, double[][] start, int m, int n) {
            this.ops = ops;
            this.preconditioner = preconditioner;
            this.m = m;
            this.n = n;
            int cap = 3 * m;
            x = new double[m][];
            ax = new double[m][];
            p = new double[m][n];
            ap = new double[m][n];
            w = new double[m][n];
            aw = new double[m][n];
            r = new double[m][n];
            nx = new double[m][n];
            nax = new double[m][n];
            for (int j = 0; j < m; j++) {
                x[j] = start[j];
                ax[j] = new double[n];
                ops.apply(x[j], ax[j]);
            }
            gA = new double[cap * cap];
            gB = new double[cap * cap];
            coefficients = new double[cap * m];
            theta = new double[m];
            residuals = new double[m];
            values = new double[cap];
            s = new double[cap][];
            as = new double[cap][];
        }

        /** Rayleigh–Ritz on X (orthonormal: G_B = I); false when it fails. */
        boolean initialRitz() {
            for (int j = 0; j < m; j++) {
                s[j] = x[j];
                as[j] = ax[j];
            }
            if (!rayleighRitz(s, as, m, m, gA, gB, coefficients, values)) return false;
            for (int j = 0; j < m; j++) theta[j] = values[j];
            BlockVectors.combine(s, 0, m, coefficients, m, nx);
            BlockVectors.combine(as, 0, m, coefficients, m, nax);
            swap();
            pCount = 0;
            return true;
        }

        /** R = AX − Xθ with the residual norms; false when a residual or Ritz value is not finite. */
        boolean residuals() {
            boolean finite = true;
            for (int j = 0; j < m; j++) {
                double th = theta[j];
                residuals[j] = Math.sqrt(residual(r[j], x[j], ax[j], th, n));
                finite &= Double.isFinite(residuals[j]) && Double.isFinite(th);
                maxRitz = Math.max(maxRitz, Math.abs(th));
            }
            return finite;
        }

        /** W = P T R, Rayleigh–Ritz on [X, W, P], new X and P; the status that ends the run, or null. */
        SolveStatus step() {
            for (int j = 0; j < m; j++) {
                if (preconditioner != null) {
                    preconditioner.apply(r[j], w[j]);
                } else {
                    System.arraycopy(r[j], 0, w[j], 0, n);
                }
                ops.project(w[j]);
                ops.apply(w[j], aw[j]);
            }
            int k = 0;
            for (int j = 0; j < m; j++, k++) {
                s[k] = x[j];
                as[k] = ax[j];
            }
            for (int j = 0; j < m; j++, k++) {
                s[k] = w[j];
                as[k] = aw[j];
            }
            for (int j = 0; j < pCount; j++, k++) {
                s[k] = p[j];
                as[k] = ap[j];
            }
            boolean ok = rayleighRitz(s, as, k, m, gA, gB, coefficients, values);
            if (!ok && pCount > 0) {
                k = 2 * m;
                ok = rayleighRitz(s, as, k, m, gA, gB, coefficients, values);
            }
            if (!ok) {
                // orthonormalize W explicitly against X and itself (A·W transformed alongside)
                k = m;
                for (int j = 0; j < m; j++) {
                    if (orthonormalize(w[j], aw[j], s, k, as)) {
                        s[k] = w[j];
                        as[k] = aw[j];
                        k++;
                    }
                }
                ok = k > m && rayleighRitz(s, as, k, m, gA, gB, coefficients, values);
                if (!ok) return k == m ? SolveStatus.CONVERGED : SolveStatus.BREAKDOWN;
            }
            for (int q = 0; q < k; q++) maxRitz = Math.max(maxRitz, Math.abs(values[q]));
            for (int j = 0; j < m; j++) theta[j] = values[j];
            // new P = the part outside X, new X = P + X part
            BlockVectors.combine(s, m, k, coefficients, m, nx);
            BlockVectors.combine(as, m, k, coefficients, m, nax);
            for (int j = 0; j < m; j++) {
                System.arraycopy(nx[j], 0, p[j], 0, n);
                System.arraycopy(nax[j], 0, ap[j], 0, n);
            }
            pCount = m;
            BlockVectors.combine(s, 0, m, coefficients, m, nx);
            BlockVectors.combine(as, 0, m, coefficients, m, nax);
            for (int j = 0; j < m; j++) {
                Vectors.axpy(1.0, p[j], nx[j]);
                Vectors.axpy(1.0, ap[j], nax[j]);
            }
            swap();
            return null;
        }

        /** X ↔ the new X, AX ↔ the new AX. */
        private void swap() {
            double[][] t = x;
            x = nx;
            nx = t;
            t = ax;
            ax = nax;
            nax = t;
        }
    }

    /**
     * Rayleigh–Ritz on span(s[0..k)) with images as[0..k): fills values (k, ascending) and the coefficients
     * (k × m, row i for basis vector i) of the m lowest Ritz vectors, normalized so that the Ritz vectors have unit
     * norm; false when the scaled Gram matrix is numerically singular.
     */
    private static boolean rayleighRitz(double[][] s, double[][] as, int k, int m, double[] gA, double[] gB,
                                        double[] coefficients, double[] values) {
        // one small method per loop nest: each is compiled once on its own, and a deoptimization in one
        // (the triangular loops change trip counts with k) recompiles only that one
        BlockVectors.gram(s, as, k, gA, gB);
        if (!allFinite(gA, gB, k * k)) return false;
        double[] scale = new double[k];
        if (!unitScale(gB, k, scale)) return false;
        double[][] b = new double[k][k], am = new double[k][k];
        scaleGram(gB, gA, scale, k, b, am);
        // B = L Lᵀ
        double[][] l = new double[k][k];
        if (!cholesky(b, l, k)) return false;
        // C = L⁻¹ A L⁻ᵀ: first Y = L⁻¹ A (forward on columns), then C = Y L⁻ᵀ = (L⁻¹ Yᵀ)ᵀ
        double[][] y = new double[k][k];
        forwardColumns(am, l, y, k);
        double[][] cm = new double[k][k];
        forwardRows(y, l, cm, k);
        symmetrize(cm, k);
        EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(cm, false));
        double[] ev = ed.getEigenvalues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        java.util.Arrays.sort(order, (u, v) -> Double.compare(ev[u], ev[v]));
        for (int i = 0; i < k; i++) values[i] = ev[order[i]];
        for (int j = 0; j < m; j++) {
            double[] z = ed.getEigenvector(order[j]).toArray();
            // coefficients = D L⁻ᵀ z
            backward(l, z, k);
            for (int i = 0; i < k; i++) coefficients[i * m + j] = z[i] * scale[i];
        }
        return true;
    }

    /** Whether the first len entries of a and b are finite. */
    private static boolean allFinite(double[] a, double[] b, int len) {
        for (int q = 0; q < len; q++) if (!Double.isFinite(a[q]) || !Double.isFinite(b[q])) return false;
        return true;
    }

    /** scale_i = 1/√(G_B)_ii; false for a diagonal entry that is not positive and finite. */
    private static boolean unitScale(double[] gB, int k, double[] scale) {
        for (int i = 0; i < k; i++) {
            double d = gB[i * k + i];
            if (!(d > 0) || !Double.isFinite(d)) return false;
            scale[i] = 1.0 / Math.sqrt(d);
        }
        return true;
    }

    /** b = D G_B D, am = D G_A D with D = diag(scale). */
    private static void scaleGram(double[] gB, double[] gA, double[] scale, int k, double[][] b, double[][] am) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                b[i][j] = gB[i * k + j] * scale[i] * scale[j];
                am[i][j] = gA[i * k + j] * scale[i] * scale[j];
            }
        }
    }

    /** b = L Lᵀ (lower triangle of l); false when a pivot falls to {@value #GRAM_PIVOT} or below. */
    private static boolean cholesky(double[][] b, double[][] l, int k) {
        for (int j = 0; j < k; j++) {
            double d = b[j][j];
            for (int q = 0; q < j; q++) d -= l[j][q] * l[j][q];
            if (!(d > GRAM_PIVOT)) return false;
            double lj = Math.sqrt(d);
            l[j][j] = lj;
            for (int i = j + 1; i < k; i++) {
                double v = b[i][j];
                for (int q = 0; q < j; q++) v -= l[i][q] * l[j][q];
                l[i][j] = v / lj;
            }
        }
        return true;
    }

    /** Y = L⁻¹ A, column by column. */
    private static void forwardColumns(double[][] am, double[][] l, double[][] y, int k) {
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < k; i++) {
                double v = am[i][c];
                for (int q = 0; q < i; q++) v -= l[i][q] * y[q][c];
                y[i][c] = v / l[i][i];
            }
        }
    }

    /** C = Y L⁻ᵀ, row by row. */
    private static void forwardRows(double[][] y, double[][] l, double[][] cm, int k) {
        for (int row = 0; row < k; row++) {
            for (int i = 0; i < k; i++) {
                double v = y[row][i];
                for (int q = 0; q < i; q++) v -= l[i][q] * cm[row][q];
                cm[row][i] = v / l[i][i];
            }
        }
    }

    /** C ← (C + Cᵀ)/2. */
    private static void symmetrize(double[][] cm, int k) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (cm[i][j] + cm[j][i]);
                cm[i][j] = avg;
                cm[j][i] = avg;
            }
        }
    }

    /** z ← L⁻ᵀ z. */
    private static void backward(double[][] l, double[] z, int k) {
        for (int i = k - 1; i >= 0; i--) {
            double v = z[i];
            for (int q = i + 1; q < k; q++) v -= l[q][i] * z[q];
            z[i] = v / l[i][i];
        }
    }

    /** Applications of A (output projected), counted. */
    private static final class Ops {
        final RealLinearOperator a;
        final ArrayOperator flat;
        final Projector projector;
        int applications;

        Ops(RealLinearOperator a, Projector projector, int n) {
            this.a = a;
            this.flat = a instanceof ArrayOperator f ? f : null;
            this.projector = projector;
        }

        void apply(double[] v, double[] out) {
            applications++;
            if (flat != null) {
                flat.apply(v, out);
            } else {
                RealVector y = a.operate(new ArrayRealVector(v, false));
                System.arraycopy(y.toArray(), 0, out, 0, out.length);
            }
            project(out);
        }

        void project(double[] v) {
            if (projector != null) projector.project(v);
        }
    }

    /**
     * Orthogonalizes v against basis[0..k) twice (modified Gram–Schmidt), applying the same combination to its image
     * av with images[] when av is given, and normalizes both; false when v is numerically dependent.
     */
    private static boolean orthonormalize(double[] v, double[] av, double[][] basis, int k, double[][] images) {
        double before = Vectors.norm(v);
        if (!(before > 0) || !Double.isFinite(before)) return false;
        for (int pass = 0; pass < 2; pass++) {
            for (int q = 0; q < k; q++) {
                double c = Vectors.dot(basis[q], v);
                Vectors.axpy(-c, basis[q], v);
                if (av != null) Vectors.axpy(-c, images[q], av);
            }
        }
        double after = Vectors.norm(v);
        if (!(after > 1e-10 * before)) return false;
        Vectors.scale(1.0 / after, v);
        if (av != null) Vectors.scale(1.0 / after, av);
        return true;
    }
}
