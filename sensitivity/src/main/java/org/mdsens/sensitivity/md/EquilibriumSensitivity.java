package org.mdsens.sensitivity.md;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdsens.md.kernel.PairBatch;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.model.SparseHessian;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.implicit.SolveReport;
import org.mdsens.sensitivity.linalg.EigenEstimate;
import org.mdsens.sensitivity.linalg.EigenSolverKind;
import org.mdsens.sensitivity.linalg.LanczosConfig;
import org.mdsens.sensitivity.linalg.LanczosEigenSolver;
import org.mdsens.sensitivity.linalg.LinearSolver;
import org.mdsens.sensitivity.linalg.LobpcgConfig;
import org.mdsens.sensitivity.linalg.LobpcgEigenSolver;
import org.mdsens.sensitivity.linalg.Preconditioner;
import org.mdsens.sensitivity.linalg.PreconditionerKind;
import org.mdsens.sensitivity.linalg.SymmetricBlockMatrix;
import org.mdsens.sensitivity.linalg.IncompleteCholeskyPreconditioner;
import org.mdsens.sensitivity.linalg.TwoLevelPreconditioner;
import org.mdsens.sensitivity.linalg.SolveResult;
import org.mdsens.sensitivity.linalg.SolveStatus;
import org.mdsens.sensitivity.linalg.SolverConfig;

/**
 * Equilibrium sensitivities of a minimized particle system by implicit differentiation
 * (Blondel et al., NeurIPS 2022; DESIGN.md §4).
 *
 * <p>At a minimum x* of E(x; θ), F = ∇ₓE = 0. With H = ∇²ₓE (assembled once at x̂ as a
 * {@link SparseHessian} by default, or matrix-free through {@link EnergyEvaluator#hessianProduct}; see
 * {@link SensitivityConfig#hessian()}) and b = ∂θ∇ₓE ({@link EnergyEvaluator#parameterGradient}):
 * <ul>
 *   <li>JVP ({@link #jvp}): dx*&#47;dθ = u with H u = −b (one Krylov solve per parameter);</li>
 *   <li>VJP ({@link #vjp}): for an observable L(x, θ), H λ = ∇ₓL, dL/dθ = ∂θL − λᵀb (one solve per
 *       observable, whatever the number of parameters);</li>
 *   <li>energy at the minimum: dE*&#47;dθ = ∂θE (envelope theorem, no solve) and
 *       d²E*&#47;dθ² = ∂²θE − bᵀH⁺b = ∂²θE + bᵀu.</li>
 * </ul>
 *
 * <p>Null space and gauge. H is singular: rigid translations (periodic box), translations and
 * rotations (open box; see {@link ZeroModes}), and, for contact potentials, the coordinates of
 * rattlers ({@link Rattlers}). Rattlers are removed exactly: the work is done on a backbone-only
 * copy of the system (its own evaluator, bonds remapped), so their rows and their contact terms
 * leave H. Right-hand sides and solutions are projected off the backbone's rigid modes, so every
 * result is the minimum-norm solution: zero mean displacement over the backbone, no rigid rotation
 * in open boxes, rattlers 0 ({@link #gauge()}, {@link #zeroModeCount()}, {@link #rattlers()}).
 *
 * <p>Cost. The Krylov solves are preconditioned ({@link SensitivityConfig#preconditioner()}; by default the
 * two-level preconditioner: block IC(1) of the assembled Hessian plus an exact solve on the rigid motions of
 * spatial aggregates, sized for about {@value #COARSE_DIMENSION} coarse vectors). The operator and the
 * preconditioner are built on first use; {@link #hessianKind()} and {@link #preconditionerKind()} say what was
 * built after the fallbacks (matrix-free when the assembled matrix would exceed {@value #ASSEMBLY_MEMORY}
 * doubles, block-Jacobi when IC(0) cannot be factored). On the 2D paper packing at N = 16384, CG to 1e-8 takes
 * 1339 iterations unpreconditioned and 129 with the two-level preconditioner (seed 1; 162 with an IC(0) smoother,
 * 159 with IC(0) and about 400 coarse vectors, whose O(k³) setup costs more than the four iterations save), and an assembled product costs about a ninth of a
 * matrix-free one.
 *
 * <p>Statuses, never silent numbers ({@link SensitivityStatus}):
 * <ul>
 *   <li>NON_SMOOTH when the soft-sphere exponent α &lt; 2, or a pair lies within
 *       {@value #CUTOFF_PROXIMITY}·r_c of a cutoff where the pair force jumps (truncated, unswitched
 *       potentials);</li>
 *   <li>NOT_A_MINIMUM when CG meets negative curvature, or the estimate λ̂ of the smallest
 *       non-deflated eigenvalue is below −{@value #NEGATIVE_RATIO}·‖H‖ (Ritz values bound the
 *       smallest eigenvalue from above, so this is conclusive);</li>
 *   <li>SINGULAR when that estimate lies within [−{@value #NEGATIVE_RATIO}, {@value #SINGULAR_RATIO}]·‖H‖:
 *       a zero mode beyond the rigid modes and rattlers;</li>
 *   <li>INVALID_PARAMETER when ∂θ∇E or ∂θE is not finite; SOLVER_NOT_CONVERGED when the Krylov
 *       solve stops above its tolerance (the last iterate is returned); NOT_CONVERGED_MINIMUM when
 *       the largest per-particle force exceeds {@link SensitivityConfig#forceTolerance()}.</li>
 * </ul>
 *
 * <p>Error estimates (Blondel et al. 2022, Theorem 1: the Jacobian error is linear in the distance of
 * x̂ from x*, with a constant C set by third derivatives and 1/λ_min⁺). C is evaluated, not bounded:
 * with the Newton correction δ = H⁺PF(x̂) (x* ≈ x̂ + δ; one loose solve per system, relative residual
 * {@value #ESTIMATE_TOLERANCE}), a computed JVP ũ differs from u(x*) by H⁺(ρ + D) to first order,
 * where ρ = P(Hũ + b) is the Krylov residual and D = P(T[δ]ũ + ∂ₓb[δ]) the derivative of Hũ + b along
 * δ (a central difference of step {@value #PROBE_STEP}·r_c,max: two Hessian products and two parameter
 * gradients). One loose solve per sensitivity gives it; the report is {@value #ERROR_SAFETY_FACTOR}
 * times its norm. For a VJP the same is done for λ̃ and dL/dθ = ∂θL − λ̃ᵀb (see {@code vjpErrors}).
 * Measured on an LJ crystal with a vacancy, a soft-sphere packing and a KA glass stopped at max force
 * 1e-4..1e-8, the estimate is about 2× the true error (first-order exact); it is an estimate, not a
 * bound (second-order terms, contact changes and round-off are not covered). The cheaper proxy
 * (‖F(x̂)‖ + ‖r‖)/λ̂ of DESIGN.md §4 ({@link SensitivityConfig#estimateErrors()} = false) has no
 * factor C and underestimates the error by up to 50× for parameters with a large ‖dx*&#47;dθ‖ (it is
 * right only when ‖dx*&#47;dθ‖ is small, e.g. for ε). λ̂, the smallest non-zero Hessian eigenvalue, comes
 * from a separate eigenvalue run from a seeded random start with the zero modes deflated (Ritz values of
 * the CG solve would miss soft modes orthogonal to the right-hand side), once per system: preconditioned
 * LOBPCG ({@link LobpcgEigenSolver}, with ‖H‖ from {@value #NORM_LANCZOS_STEPS} Lanczos steps) from
 * {@value #LOBPCG_MIN_DIMENSION} coordinates up, else Lanczos ({@link LanczosEigenSolver}); see
 * {@link SensitivityConfig#eigenSolver()}. It is a Ritz value, an upper bound of the smallest eigenvalue,
 * and also decides NOT_A_MINIMUM and SINGULAR.
 *
 * <p>Construction snapshots the evaluator's system (a copy at its current positions x̂, same model,
 * kernel provider; the skin at most {@value #INTERNAL_SKIN}·r_c,max): the caller may move or re-minimize its own
 * system afterwards. Parameter
 * names follow {@link EnergyModel#parameterNames()}; an unknown name throws
 * {@link IllegalArgumentException} listing the valid ones. Arrays are xyz-interleaved, length d·N,
 * input order. Mutable caches: one instance per thread.
 */
public final class EquilibriumSensitivity {

    /** Gauge of periodic systems: zero mean displacement over the backbone, rattlers 0. */
    public static final String GAUGE_PERIODIC = "zero-mean-backbone";
    /** Gauge of open systems: zero mean displacement and no rigid rotation of the backbone, rattlers 0. */
    public static final String GAUGE_OPEN = "zero-mean-no-rotation";
    /** λ̂/‖H‖ at or below which the Hessian counts as singular beyond its known zero modes. */
    public static final double SINGULAR_RATIO = 1e-10;
    /** −λ̂/‖H‖ above which the Hessian counts as indefinite (not a minimum). */
    public static final double NEGATIVE_RATIO = 1e-8;
    /** Relative distance |r − r_c|/r_c below which a pair counts as sitting on a cutoff with a force jump. */
    public static final double CUTOFF_PROXIMITY = 1e-6;
    /**
     * Lanczos keeps every basis vector (full reorthogonalization): its steps are capped so that they hold at
     * most this many doubles (160 MB), but never below {@value #MIN_LANCZOS_STEPS} steps.
     */
    public static final long LANCZOS_MEMORY = 20_000_000L;
    /** The fewest Lanczos steps the memory cap allows. */
    public static final int MIN_LANCZOS_STEPS = 30;
    /** Safety factor on the first-order error estimate (covers second-order terms and the loose solves). */
    public static final double ERROR_SAFETY_FACTOR = 2.0;
    /**
     * Relative tolerance of the solves behind the error estimates (preconditioned CG: the norm of the solution, which
     * is all an estimate needs, is then already accurate to about 1e-4 on the paper packing at N = 16384).
     */
    public static final double ESTIMATE_TOLERANCE = 1e-2;
    /** Step of the directional finite differences behind the error estimates, in units of the largest cutoff. */
    public static final double PROBE_STEP = 1e-5;
    /**
     * The most doubles an assembled Hessian may take (400 MB), estimated from the Verlet list before assembly;
     * above it products stay matrix-free and no preconditioner is built.
     */
    public static final long ASSEMBLY_MEMORY = 50_000_000L;
    /**
     * Verlet skin of the internal neighbor lists (the snapshot's and the backbone's), times r_c,max, when the caller's
     * skin is larger. The snapshot stays at x̂ except for the error estimates' probes ({@value #PROBE_STEP}·r_c,max
     * along a unit direction), so a list never needs the room a minimizer's skin leaves for motion; a thick one only
     * adds pairs beyond the cutoff that every kernel and the assembly filter out (paper packing: r_c,max = 1.4 and
     * the caller's skin 0.3 list pairs up to 1.7 instead of 1.428). Sums of the scalar kernels over the list are
     * unchanged bit for bit: rows are sorted, and the pairs within the cutoff are the same whatever the skin (the
     * cluster layouts of the vector kernels depend on the skin, so their sums may change in round-off).
     */
    public static final double INTERNAL_SKIN = 0.02;
    /** Below this many coordinates λ̂ comes from Lanczos even when LOBPCG is configured (Lanczos is exact there). */
    public static final int LOBPCG_MIN_DIMENSION = 200;
    /** Coarse vectors the two-level preconditioner aims at (its dense factorization is O(k³)). */
    public static final int COARSE_DIMENSION = 300;
    /**
     * Fill level of the two-level preconditioner's incomplete Cholesky: IC(1) (about 3.5 blocks per row of U
     * instead of 2.4 on the 2D paper packing) cuts CG iterations there by about a fifth (N = 16384, seed 2: 151
     * instead of 191) for about a third more per sweep, a net gain.
     */
    public static final int SMOOTHER_FILL_LEVEL = 1;
    /** Smallest aggregate of the two-level preconditioner, in particles. */
    public static final int MIN_AGGREGATE = 16;
    /** Lanczos steps behind the ‖H‖ scale of the SINGULAR / NOT_A_MINIMUM checks when λ̂ comes from LOBPCG. */
    public static final int NORM_LANCZOS_STEPS = 20;

    private final SensitivityConfig config;
    private final EnergyEvaluator full;
    private final EnergyEvaluator backbone;
    private final int[] backboneParticles;
    private final Rattlers rattlers;
    private final ZeroModes modes;
    private ProjectedHessian hessian;
    private Preconditioner preconditioner;
    private PreconditionerKind preconditionerUsed = PreconditionerKind.NONE;
    private HessianKind hessianUsed = HessianKind.MATRIX_FREE;
    private boolean operatorReady;
    private final LinearSolver solver;
    private final int dimension;
    private final int particles;
    private final double energy;
    private final double maxForce;
    private final double forceNorm;
    private final String smoothnessProblem;
    private final SensitivityStatus baseStatus;
    private final Map<Integer, ParameterSensitivity> jvpCache = new HashMap<>();
    private final double[] backboneBase;
    private final double[] fullBase;
    private final LinearSolver looseSolver;
    private final double probeStep;
    private double[] correction;
    private EigenEstimate spectrum;
    private SensitivityStatus spectralStatus = SensitivityStatus.OK;
    private boolean spectrumDone;

    /** With {@link SensitivityConfig#defaults()}. */
    public EquilibriumSensitivity(EnergyEvaluator evaluator) {
        this(evaluator, SensitivityConfig.defaults());
    }

    /**
     * Prepares the sensitivities of the evaluator's system at its current positions: copies the
     * system, checks smoothness, detects rattlers (contact potentials only), builds the backbone and
     * its zero modes. The assembled Hessian, the preconditioner and the λ̂ estimate are built on first use
     * of a solve (or of {@link #smallestEigenvalue()}).
     *
     * @param evaluator the system at (an approximation of) a minimum x*
     * @param config    solver, tolerances and checks
     */
    public EquilibriumSensitivity(EnergyEvaluator evaluator, SensitivityConfig config) {
        if (evaluator == null || config == null) throw new IllegalArgumentException("evaluator and config must not be null");
        this.config = config;
        ParticleSystem system = evaluator.system().copy();
        this.full = new EnergyEvaluator(system, evaluator.model(), evaluator.provider(), internalSkin(evaluator));
        this.dimension = system.dimension();
        this.particles = system.size();
        double[] force = new double[dimension * particles];
        this.energy = full.computeForces(force);
        this.maxForce = NewtonPolish.maxForce(force, dimension);
        this.smoothnessProblem = smoothnessProblem(full);
        this.rattlers = Rattlers.appliesTo(full.model())
                ? Rattlers.detect(full, config.forceTolerance(), config.contactThreshold())
                : Rattlers.none(particles);
        if (rattlers.count() == 0) {
            this.backbone = full;
            this.backboneParticles = new int[particles];
            for (int i = 0; i < particles; i++) backboneParticles[i] = i;
        } else {
            int[] kept = new int[particles - rattlers.count()];
            int m = 0;
            for (int i = 0; i < particles; i++) if (!rattlers.isRattler(i)) kept[m++] = i;
            // stored in a spatial order (the copy is made anyway): neighbor list, Hessian and sweeps walk nearby memory
            this.backboneParticles = SpatialOrder.of(system.box(), system.positions(), kept, full.model().pair().maxCutoff());
            this.backbone = backboneEvaluator(full, backboneParticles);
        }
        double[] bbPositions = backbone.positions();
        this.modes = backboneParticles.length == 0
                ? ZeroModes.none(dimension, 0)
                : ZeroModes.rigid(system.box(), bbPositions);
        this.hessian = new ProjectedHessian(backbone, modes); // replaced on first use by ensureOperator()
        double[] bbForce = new double[bbPositions.length];
        backbone.computeForces(bbForce);
        this.forceNorm = ZeroModes.norm(modes.project(bbForce));
        int n = bbPositions.length;
        int cap = config.maxIterations() > 0 ? config.maxIterations() : Math.max(1000, 4 * n);
        this.solver = config.solver().create(SolverConfig.defaults()
                .withRelativeTolerance(config.relativeTolerance()).withMaxIterations(cap));
        this.looseSolver = config.solver().create(SolverConfig.defaults()
                .withRelativeTolerance(Math.max(ESTIMATE_TOLERANCE, config.relativeTolerance())).withMaxIterations(cap));
        this.backboneBase = bbPositions.clone();
        this.fullBase = full.positions().clone();
        this.probeStep = PROBE_STEP * full.model().pair().maxCutoff();
        SensitivityStatus s = SensitivityStatus.OK;
        if (maxForce > config.forceTolerance() || !Double.isFinite(maxForce)) s = SensitivityStatus.NOT_CONVERGED_MINIMUM;
        if (smoothnessProblem != null) s = SensitivityStatus.NON_SMOOTH;
        this.baseStatus = s;
    }

    // ------------------------------------------------------------------ system-level information

    /** The configuration. */
    public SensitivityConfig config() { return config; }

    /** The gauge of every result: {@value #GAUGE_PERIODIC} or {@value #GAUGE_OPEN}. */
    public String gauge() {
        return full.system().box() instanceof Box.Open ? GAUGE_OPEN : GAUGE_PERIODIC;
    }

    /** Dimension of the projected null space: the backbone's rigid modes plus d per rattler. */
    public int zeroModeCount() { return modes.count() + dimension * rattlers.count(); }

    /** The backbone's rigid modes (translations, and rotations in open boxes). */
    public ZeroModes rigidModes() { return modes; }

    /** Rattler indices, ascending, 0-based in input order. */
    public int[] rattlers() { return rattlers.indices(); }

    /** The rattler detection (contact counts). */
    public Rattlers rattlerDetection() { return rattlers; }

    /** Number of particles N. */
    public int size() { return particles; }

    /** Spatial dimension d. */
    public int dimension() { return dimension; }

    /** x̂, the snapshot the sensitivities refer to (a copy, xyz-interleaved, length d·N). */
    public double[] positions() { return full.positions().clone(); }

    /** E(x̂). */
    public double energy() { return energy; }

    /** The largest per-particle force norm at x̂. */
    public double maxForce() { return maxForce; }

    /** ‖P F_backbone(x̂)‖₂, the force term of the error estimate. */
    public double forceNorm() { return forceNorm; }

    /** Why the energy is not smooth enough for sensitivities, or null. */
    public String smoothnessProblem() { return smoothnessProblem; }

    /**
     * λ̂, the smallest non-deflated Hessian eigenvalue estimate (LOBPCG or Lanczos; NaN when disabled or when
     * the backbone has no free coordinate). Runs the estimate on first call.
     */
    public double smallestEigenvalue() {
        ensureSpectrum();
        return spectrum == null ? Double.NaN : spectrum.eigenvalue();
    }

    /**
     * The estimate behind {@link #smallestEigenvalue()}, or null when not run; with LOBPCG its
     * {@code largestMagnitude} is the ‖H‖ scale of the status checks (from a short Lanczos run) and its
     * operator applications include that run's.
     */
    public EigenEstimate spectrum() {
        ensureSpectrum();
        return spectrum;
    }

    /**
     * The system-level status: NON_SMOOTH, NOT_A_MINIMUM, SINGULAR, NOT_CONVERGED_MINIMUM or OK (runs
     * the eigenvalue estimate when enabled). Per-parameter statuses can be worse (solver, parameter).
     */
    public SensitivityStatus status() {
        ensureSpectrum();
        return SensitivityStatus.worst(baseStatus, spectralStatus);
    }

    private void ensureSpectrum() {
        if (spectrumDone) return;
        spectrumDone = true;
        if (!config.estimateSmallestEigenvalue() || baseStatus == SensitivityStatus.NON_SMOOTH) return;
        int n = hessian.getRowDimension();
        if (n - modes.count() < 1) return;
        ensureOperator();
        EigenEstimate e;
        double scale;
        if (config.eigenSolver() == EigenSolverKind.LOBPCG && n >= LOBPCG_MIN_DIMENSION) {
            LobpcgConfig oc = LobpcgConfig.defaults().withSeed(config.lanczosSeed());
            EigenEstimate lo = new LobpcgEigenSolver(oc).smallest(hessian, modes::project, preconditioner, 1);
            int normSteps = Math.min(NORM_LANCZOS_STEPS, n - modes.count());
            EigenEstimate top = new LanczosEigenSolver(LanczosConfig.defaults().withSeed(config.lanczosSeed() + 1)
                    .withMaxSteps(normSteps)).smallest(hessian, modes::project);
            scale = Math.max(lo.largestMagnitude(), top.largestMagnitude());
            e = new EigenEstimate(lo.eigenvalues(), lo.residualNorms(), lo.vectors(), lo.smallestMagnitude(), scale,
                    lo.steps(), lo.operatorApplications() + top.operatorApplications(), lo.status());
        } else {
            int memoryCap = Math.max(MIN_LANCZOS_STEPS, (int) Math.min(Integer.MAX_VALUE, LANCZOS_MEMORY / n));
            int steps = Math.min(Math.min(config.lanczosSteps(), memoryCap), n - modes.count());
            LanczosConfig lc = LanczosConfig.defaults().withSeed(config.lanczosSeed()).withMaxSteps(steps);
            e = new LanczosEigenSolver(lc).smallest(hessian, modes::project);
            scale = e.largestMagnitude();
        }
        spectrum = e;
        double lambda = e.eigenvalue();
        if (!Double.isFinite(lambda)) {
            spectralStatus = SensitivityStatus.SINGULAR;
        } else if (lambda < -NEGATIVE_RATIO * scale) {
            spectralStatus = SensitivityStatus.NOT_A_MINIMUM;
        } else if (lambda <= SINGULAR_RATIO * scale) {
            spectralStatus = SensitivityStatus.SINGULAR;
        }
    }

    /**
     * Builds the operator and preconditioner of the solves on first use: the assembled Hessian of the backbone at
     * x̂ when the configuration asks for it or for a preconditioner (and the Verlet list says it fits in
     * {@link #ASSEMBLY_MEMORY}), then the preconditioner (IC(0) falls back to block-Jacobi when it cannot be
     * factored), projected onto the range of P.
     */
    private void ensureOperator() {
        if (operatorReady) return;
        operatorReady = true;
        boolean wantMatrix = config.hessian() == HessianKind.ASSEMBLED || config.preconditioner() != PreconditionerKind.NONE;
        if (!wantMatrix || smoothnessProblem != null) return;
        long estimate = (long) backbone.neighborList().pairCount() * (SparseHessian.packedSize(dimension) + 1)
                + (long) SparseHessian.packedSize(dimension) * backboneParticles.length;
        if (estimate > ASSEMBLY_MEMORY) return;
        SparseHessian sparse = SparseHessian.assemble(backbone);
        if (config.hessian() == HessianKind.ASSEMBLED) {
            hessian = new ProjectedHessian(backbone, modes, sparse);
            hessianUsed = HessianKind.ASSEMBLED;
        }
        if (config.preconditioner() == PreconditionerKind.NONE) return;
        SymmetricBlockMatrix matrix = blockMatrix(sparse);
        Preconditioner p;
        PreconditionerKind kind = config.preconditioner();
        try {
            p = kind == PreconditionerKind.TWO_LEVEL
                    ? twoLevel(matrix, new ProjectedHessian(backbone, modes, sparse))
                    : kind.create(matrix);
        } catch (IllegalStateException e) {
            kind = PreconditionerKind.BLOCK_JACOBI;
            p = kind.create(matrix);
        }
        preconditioner = Preconditioner.projected(p, modes::project);
        preconditionerUsed = kind;
    }

    /**
     * IC({@value #SMOOTHER_FILL_LEVEL}) plus the additive coarse correction on the rigid motions of spatial aggregates of the backbone, about
     * {@value #COARSE_DIMENSION} coarse vectors in all (aggregates of at least {@value #MIN_AGGREGATE} particles).
     */
    private Preconditioner twoLevel(SymmetricBlockMatrix matrix, ProjectedHessian product) {
        // unprojected: the caller projects the sum S r + Q r once
        Preconditioner smoother = new IncompleteCholeskyPreconditioner(matrix,
                IncompleteCholeskyPreconditioner.Ordering.REVERSE_CUTHILL_MCKEE, 0.0, SMOOTHER_FILL_LEVEL);
        int n = backboneParticles.length;
        int r = dimension * (dimension + 1) / 2;
        double size = Math.max(MIN_AGGREGATE, (double) n * r / COARSE_DIMENSION);
        RigidAggregates aggregates = RigidAggregates.of(backbone.system().box(), backbone.positions(), size);
        double[][] nulls = new double[modes.count()][];
        for (int q = 0; q < nulls.length; q++) nulls[q] = modes.mode(q);
        return new TwoLevelPreconditioner(matrix, product, smoother, aggregates.aggregate, aggregates.nearNullSpace,
                aggregates.vectors, nulls, TwoLevelPreconditioner.Mode.ADDITIVE);
    }

    /** The Hessian as a {@link SymmetricBlockMatrix}: H_ij = −K_ij (i &lt; j), H_ii = D_i, blocks unpacked. */
    static SymmetricBlockMatrix blockMatrix(SparseHessian h) {
        int d = h.dimension(), n = h.size(), s = SparseHessian.packedSize(d), dd = d * d;
        int[] offsets = h.offsets();
        int[] columns = h.columns();
        double[] k = h.stiffness();
        double[] diag = h.diagonal();
        double[] upper = new double[dd * columns.length];
        double[] diagonal = new double[dd * n];
        for (int e = 0; e < columns.length; e++) unpack(d, k, s * e, -1.0, upper, dd * e);
        for (int i = 0; i < n; i++) unpack(d, diag, s * i, 1.0, diagonal, dd * i);
        return new SymmetricBlockMatrix(d, offsets, columns, upper, diagonal);
    }

    /** A packed symmetric block (xx, xy, [xz,] yy, [yz, zz]) times sign, row-major. */
    private static void unpack(int d, double[] packed, int at, double sign, double[] out, int to) {
        int t = at;
        for (int r = 0; r < d; r++) {
            for (int c = r; c < d; c++) {
                double v = sign * packed[t++];
                out[to + r * d + c] = v;
                out[to + c * d + r] = v;
            }
        }
    }

    /** How the solves apply the Hessian (after the memory fallback; builds the operator if not yet done). */
    public HessianKind hessianKind() {
        ensureOperator();
        return hessianUsed;
    }

    /**
     * Products with the Hessian operator made so far by the solves, the eigenvalue estimate and the error
     * estimates at x̂ (assembled or matrix-free; the matrix-free products of the error estimates' directional
     * probes at displaced positions are not included).
     */
    public long hessianApplications() { return hessian.applications(); }

    /** The preconditioner the solves use (after fallbacks; builds it if not yet done). */
    public PreconditionerKind preconditionerKind() {
        ensureOperator();
        return preconditionerUsed;
    }

    // ------------------------------------------------------------------ JVP

    /**
     * dx*&#47;dθ for one parameter (one Krylov solve, cached), with dE*&#47;dθ and d²E*&#47;dθ².
     *
     * @throws IllegalArgumentException for an unknown parameter name (the message lists the valid ones)
     */
    public ParameterSensitivity jvp(String parameter) {
        int k = full.model().parameterIndex(parameter);
        ParameterSensitivity cached = jvpCache.get(k);
        if (cached != null && cached.name().equals(parameter)) return cached;
        ParameterSensitivity r = computeJvp(k, parameter);
        jvpCache.put(k, r);
        return r;
    }

    /** {@link #jvp} for each parameter, in order (names are all validated first). */
    public List<ParameterSensitivity> jacobian(List<String> parameters) {
        for (String p : parameters) full.model().parameterIndex(p);
        List<ParameterSensitivity> out = new ArrayList<>(parameters.size());
        for (String p : parameters) out.add(jvp(p));
        return out;
    }

    private ParameterSensitivity computeJvp(int k, String name) {
        SensitivityStatus system = status();
        double dEnergy = full.parameterEnergyDerivative(k);
        if (!system.hasNumbers()) return failed(name, system, dEnergy);
        int n = backbone.positions().length;
        double[] b = new double[n];
        backbone.parameterGradient(k, b);
        if (!allFinite(b) || !Double.isFinite(dEnergy)) return failed(name, SensitivityStatus.INVALID_PARAMETER, dEnergy);
        double[] rhs = new double[n];
        negate(b, rhs);
        modes.project(rhs);
        Solve s = solve(rhs);
        if (s.indefinite) return failed(name, SensitivityStatus.NOT_A_MINIMUM, dEnergy);
        double d2 = full.parameterSecondEnergyDerivative(k) + ZeroModes.dot(b, s.x);
        double[] dx = extend(s.x);
        SensitivityStatus status = SensitivityStatus.worst(system, s.status);
        SolveReport report = withError(s.report, jvpError(k, s.x, s.residualNorm));
        return new ParameterSensitivity(name, status, dx, ZeroModes.norm(dx), dEnergy, d2, report);
    }

    /**
     * The error estimate of a JVP ũ (backbone) for parameter k: {@value #ERROR_SAFETY_FACTOR}·‖H⁺(ρ + D)‖
     * with the residual ρ = P(Hũ + b) and D = P(T[δ]ũ + ∂ₓb[δ]), since ũ − u(x*) ≈ H⁺ρ + H⁺D; or the
     * proxy (‖F‖ + ‖r‖)/λ̂ when estimates are off.
     */
    private double jvpError(int k, double[] u, double residualNorm) {
        if (!config.estimateErrors()) return (forceNorm + residualNorm) / smallestEigenvalue();
        int n = u.length;
        double[] b = new double[n];
        double[] rhs = new double[n];
        ensureOperator();
        hessian.applyUnprojected(u, rhs);   // at x̂: assembled when available
        backbone.parameterGradient(k, b);
        addTo(rhs, b);
        double[] delta = correction();
        double dn = ZeroModes.norm(delta);
        if (dn > 0) {
            double[] plus = new double[n], minus = new double[n];
            try {
                displace(probeStep / dn, delta);
                backbone.hessianProduct(u, plus);
                backbone.parameterGradient(k, b);
                addTo(plus, b);
                displace(-probeStep / dn, delta);
                backbone.hessianProduct(u, minus);
                backbone.parameterGradient(k, b);
                addTo(minus, b);
            } finally {
                restore();
            }
            double scale = dn / (2 * probeStep);
            addScaledDifference(rhs, plus, minus, scale);
        }
        modes.project(rhs);
        return ERROR_SAFETY_FACTOR * ZeroModes.norm(looseSolve(rhs));
    }

    private ParameterSensitivity failed(String name, SensitivityStatus status, double dEnergy) {
        double[] nan = new double[dimension * particles];
        Arrays.fill(nan, Double.NaN);
        return new ParameterSensitivity(name, status, nan, Double.NaN, dEnergy, Double.NaN, skipped(status));
    }

    // ------------------------------------------------------------------ VJP

    /**
     * dL/dθ of a scalar observable at the minimum for every parameter listed, with one Krylov solve
     * (H λ = P∇ₓL; dL/dθ = ∂θL − λᵀb).
     *
     * @throws IllegalArgumentException for an unknown parameter name (the message lists the valid ones)
     */
    public ObservableSensitivity vjp(Observable observable, List<String> parameters) {
        int[] ks = new int[parameters.size()];
        for (int p = 0; p < ks.length; p++) ks[p] = full.model().parameterIndex(parameters.get(p));
        double value = observable.value(full);
        SensitivityStatus system = status();
        Map<String, Double> derivatives = new LinkedHashMap<>();
        if (!system.hasNumbers()) {
            for (String p : parameters) derivatives.put(p, Double.NaN);
            return new ObservableSensitivity(observable.name(), system, value, derivatives, derivatives,
                    skipped(system));
        }
        double[] g = new double[dimension * particles];
        observable.gradient(full, g);
        if (!allFinite(g)) {
            for (String p : parameters) derivatives.put(p, Double.NaN);
            return new ObservableSensitivity(observable.name(), SensitivityStatus.INVALID_PARAMETER, value,
                    derivatives, derivatives, skipped(SensitivityStatus.INVALID_PARAMETER));
        }
        double[] restricted = restrict(g);
        double before = ZeroModes.norm(restricted);
        double[] rhs = dropRoundoff(modes.project(restricted), before);
        Solve s = solve(rhs);
        if (s.indefinite) {
            for (String p : parameters) derivatives.put(p, Double.NaN);
            return new ObservableSensitivity(observable.name(), SensitivityStatus.NOT_A_MINIMUM, value, derivatives,
                    derivatives, skipped(SensitivityStatus.NOT_A_MINIMUM));
        }
        SensitivityStatus status = SensitivityStatus.worst(system, s.status);
        double[] b = new double[rhs.length];
        double[] bNorm = new double[ks.length];
        boolean lambdaZero = isZero(s.x);
        for (int p = 0; p < ks.length; p++) {
            double partial = observable.parameterDerivative(full, ks[p]);
            backbone.parameterGradient(ks[p], b);
            double coupling = lambdaZero ? 0.0 : ZeroModes.dot(s.x, b);
            bNorm[p] = ZeroModes.norm(modes.project(b));
            double dl = partial - coupling;
            if (!Double.isFinite(dl)) status = SensitivityStatus.worst(status, SensitivityStatus.INVALID_PARAMETER);
            derivatives.put(parameters.get(p), dl);
        }
        double[] errors = vjpErrors(observable, ks, s.x, s.residualNorm, bNorm);
        Map<String, Double> estimates = new LinkedHashMap<>();
        double worstError = 0;
        for (int p = 0; p < ks.length; p++) {
            estimates.put(parameters.get(p), errors[p]);
            worstError = Math.max(worstError, errors[p]);
            if (Double.isNaN(errors[p])) worstError = Double.NaN;
        }
        return new ObservableSensitivity(observable.name(), status, value, derivatives, estimates,
                withError(s.report, ks.length == 0 ? 0.0 : worstError));
    }

    /**
     * Error estimates of dL/dθ_k for a VJP with adjoint λ̃ (backbone): with the residual
     * ρ = P(Hλ̃ − ∇ₓL), G the derivative of P(∇ₓL − Hλ̃) along δ and c_k that of ∂θL − λ̃ᵀb_k,
     * λ̃ − λ(x*) ≈ e = H⁺(ρ − G) and the error is {@value #ERROR_SAFETY_FACTOR}·|c_k + eᵀb_k| plus the
     * round-off floor 1e-14·(|∂θL| + |λ̃ᵀb_k|); or the proxy (‖F‖ + ‖r‖)‖Pb_k‖/λ̂ when estimates are off.
     */
    private double[] vjpErrors(Observable observable, int[] ks, double[] lambdaVector, double residualNorm,
                               double[] bNorm) {
        int m = ks.length;
        double[] out = new double[m];
        if (!config.estimateErrors()) {
            double lambda = smallestEigenvalue();
            for (int p = 0; p < m; p++) out[p] = (forceNorm + residualNorm) / lambda * bNorm[p];
            return out;
        }
        int n = lambdaVector.length;
        double[] b = new double[n];
        double[] hl = new double[n];
        double[] fullGradient = new double[dimension * particles];
        // ρ = H λ̃ − ∇L at x̂
        observable.gradient(full, fullGradient);
        double[] rhs = restrict(fullGradient);
        backbone.hessianProduct(lambdaVector, hl);
        subtractFrom(hl, rhs);
        double[] floor = new double[m];
        for (int p = 0; p < m; p++) {
            backbone.parameterGradient(ks[p], b);
            floor[p] = 1e-14 * (Math.abs(observable.parameterDerivative(full, ks[p]))
                    + Math.abs(ZeroModes.dot(lambdaVector, b)));
        }
        double[] change = new double[m];
        double[] delta = correction();
        double dn = ZeroModes.norm(delta);
        if (dn > 0) {
            double[][] g = new double[2][];
            double[][] value = new double[2][m];
            try {
                for (int side = 0; side < 2; side++) {
                    displace((side == 0 ? probeStep : -probeStep) / dn, delta);
                    observable.gradient(full, fullGradient);
                    g[side] = restrict(fullGradient);
                    backbone.hessianProduct(lambdaVector, hl);
                    subtract(g[side], hl);
                    for (int p = 0; p < m; p++) {
                        backbone.parameterGradient(ks[p], b);
                        value[side][p] = observable.parameterDerivative(full, ks[p]) - ZeroModes.dot(lambdaVector, b);
                    }
                }
            } finally {
                restore();
            }
            double scale = dn / (2 * probeStep);
            subtractScaledDifference(rhs, g[0], g[1], scale);
            for (int p = 0; p < m; p++) change[p] = (value[0][p] - value[1][p]) * scale;
        }
        modes.project(rhs);
        double[] e = looseSolve(rhs);
        for (int p = 0; p < m; p++) {
            backbone.parameterGradient(ks[p], b);
            out[p] = ERROR_SAFETY_FACTOR * Math.abs(change[p] + ZeroModes.dot(e, b)) + floor[p];
        }
        return out;
    }

    /** {@link #vjp} for each observable, in order. */
    public List<ObservableSensitivity> vjp(List<Observable> observables, List<String> parameters) {
        List<ObservableSensitivity> out = new ArrayList<>(observables.size());
        for (Observable o : observables) out.add(vjp(o, parameters));
        return out;
    }

    /** dE*&#47;dθ = ∂θE(x̂) (envelope theorem; no solve). */
    public double energyDerivative(String parameter) {
        return full.parameterEnergyDerivative(full.model().parameterIndex(parameter));
    }

    /** d²E*&#47;dθ² = ∂²θE + bᵀ(dx*&#47;dθ) (one JVP, cached). */
    public double energySecondDerivative(String parameter) {
        return jvp(parameter).d2Energy();
    }

    /** Every parameter's JVP and every observable's VJP, with the gauge, zero modes and rattlers. */
    public SensitivityResult compute(List<String> parameters, List<Observable> observables) {
        List<ParameterSensitivity> ps = jacobian(parameters);
        List<ObservableSensitivity> os = vjp(observables, parameters);
        SensitivityStatus worst = status();
        for (ParameterSensitivity p : ps) worst = SensitivityStatus.worst(worst, p.status());
        for (ObservableSensitivity o : os) worst = SensitivityStatus.worst(worst, o.status());
        return new SensitivityResult(gauge(), zeroModeCount(), rattlers(), worst, smallestEigenvalue(), maxForce, ps, os);
    }

    // ------------------------------------------------------------------ warm start

    /**
     * The first-order prediction x*(θ + Δθ) ≈ x* + Σ_k (dx*&#47;dθ_k) Δθ_k, for warm starts along a
     * sweep. A sensitivity without numbers ({@link SensitivityStatus#hasNumbers()} false) contributes
     * nothing (the prediction then falls back to x* along that parameter).
     *
     * @param xStar      x*, xyz-interleaved, length d·N (not modified)
     * @param jacobian   the sensitivities, one per parameter
     * @param deltaTheta Δθ, one per sensitivity
     * @return a new array
     */
    public static double[] predict(double[] xStar, List<ParameterSensitivity> jacobian, double[] deltaTheta) {
        if (jacobian.size() != deltaTheta.length) {
            throw new IllegalArgumentException("one parameter step per sensitivity is required: " + jacobian.size()
                    + " sensitivities, got " + deltaTheta.length + " steps");
        }
        double[] x = xStar.clone();
        for (int k = 0; k < deltaTheta.length; k++) {
            ParameterSensitivity s = jacobian.get(k);
            if (s.length() != x.length) {
                throw new IllegalArgumentException("sensitivity " + s.name() + " length must be " + x.length
                        + ", got " + s.length());
            }
            if (!s.status().hasNumbers() || deltaTheta[k] == 0) continue;
            double[] dx = s.dx();
            for (int q = 0; q < x.length; q++) x[q] += dx[q] * deltaTheta[k];
        }
        return x;
    }

    /** {@link #predict(double[], List, double[])} for one parameter. */
    public static double[] predict(double[] xStar, ParameterSensitivity sensitivity, double deltaTheta) {
        return predict(xStar, List.of(sensitivity), new double[] {deltaTheta});
    }

    // ------------------------------------------------------------------ internals

    /** A projected solve P H P x = rhs (rhs already in range(P)). */
    private static final class Solve {
        double[] x;
        SolveReport report;
        SensitivityStatus status;
        double residualNorm;
        boolean indefinite;
    }

    /**
     * Relative size below which a projected right-hand side is round-off of the projection (an
     * observable that moves only along zero modes, such as a dimer end's transverse position).
     */
    static final double PROJECTION_ROUNDOFF = 1e-12;

    /** Zeroes {@code rhs} when its norm is round-off relative to the norm before projection. */
    private static double[] dropRoundoff(double[] rhs, double normBeforeProjection) {
        if (ZeroModes.norm(rhs) <= PROJECTION_ROUNDOFF * normBeforeProjection) java.util.Arrays.fill(rhs, 0.0);
        return rhs;
    }

    private Solve solve(double[] rhs) {
        Solve s = new Solve();
        ensureSpectrum();
        if (isZero(rhs)) {
            s.x = new double[rhs.length];
            s.report = new SolveReport(SolveStatus.CONVERGED, "none", 0, 0, 0.0, 0.0, forceNorm, lambdaOrNaN(), Double.NaN);
            s.status = SensitivityStatus.OK;
            return s;
        }
        ensureOperator();
        SolveResult r = solver.solve(hessian, rhs, null, preconditioner);
        if (r.status() == SolveStatus.INDEFINITE) {
            s.indefinite = true;
            spectralStatus = SensitivityStatus.worst(spectralStatus, SensitivityStatus.NOT_A_MINIMUM);
            return s;
        }
        s.x = modes.project(r.x());
        s.residualNorm = r.residualNorm();
        s.report = new SolveReport(r.status(), solver.name(), r.iterations(), r.operatorApplications(),
                r.relativeResidual(), r.residualNorm(), forceNorm, lambdaOrNaN(), Double.NaN);
        s.status = r.converged() ? SensitivityStatus.OK : SensitivityStatus.SOLVER_NOT_CONVERGED;
        if (!allFinite(s.x)) s.status = SensitivityStatus.SOLVER_NOT_CONVERGED;
        return s;
    }

    /**
     * The Newton correction δ = H⁺ P F(x̂): to first order x* ≈ x̂ + δ, so ‖δ‖ estimates how far x̂ is from the
     * minimum (in the gauge: zero mean over the backbone, rattlers 0). It is the per-system part of the error
     * estimates (one loose solve, relative residual {@value #ESTIMATE_TOLERANCE}, computed once and cached).
     *
     * @return δ, xyz-interleaved, length d·N, input order (a copy)
     */
    public double[] newtonCorrection() {
        return extend(correction());
    }

    /**
     * δ = H⁺ P F(x̂) on the backbone, the Newton correction with x* ≈ x̂ + δ (a loose solve, computed
     * once); zero when the force is zero.
     */
    private double[] correction() {
        if (correction != null) return correction;
        double[] f = new double[backboneBase.length];
        backbone.computeForces(f);
        modes.project(f);
        correction = isZero(f) ? f : looseSolve(f);
        return correction;
    }

    /** A solve of P H P x = rhs to relative residual {@value #ESTIMATE_TOLERANCE}, for error estimates only. */
    private double[] looseSolve(double[] rhs) {
        if (isZero(rhs)) return new double[rhs.length];
        ensureOperator();
        SolveResult r = looseSolver.solve(hessian, rhs, null, preconditioner);
        double[] x = modes.project(r.x());
        if (!allFinite(x)) Arrays.fill(x, Double.NaN);
        return x;
    }

    /** Moves the backbone (and the same particles of the full system) to x̂ + t·w. */
    private void displace(double t, double[] w) {
        double[] xb = backbone.positions();
        shift(xb, backboneBase, t, w);
        if (full != backbone) {
            double[] xf = full.positions();
            int d = dimension;
            for (int m = 0; m < backboneParticles.length; m++) {
                for (int a = 0; a < d; a++) {
                    xf[d * backboneParticles[m] + a] = fullBase[d * backboneParticles[m] + a] + t * w[d * m + a];
                }
            }
        }
    }

    // Vector loops of the estimates, one small method each: the methods above then run few loop
    // iterations themselves, so the JIT does not on-stack-replace (and recompile) them with every
    // Hessian product and gradient inlined.

    /** out ← −a. */
    private static void negate(double[] a, double[] out) {
        for (int q = 0; q < out.length; q++) out[q] = -a[q];
    }

    /** y ← y + a. */
    private static void addTo(double[] y, double[] a) {
        for (int q = 0; q < y.length; q++) y[q] += a[q];
    }

    /** y ← y − a. */
    private static void subtract(double[] y, double[] a) {
        for (int q = 0; q < y.length; q++) y[q] -= a[q];
    }

    /** y ← a − y. */
    private static void subtractFrom(double[] a, double[] y) {
        for (int q = 0; q < y.length; q++) y[q] = a[q] - y[q];
    }

    /** y ← y + (a − b)·scale. */
    private static void addScaledDifference(double[] y, double[] a, double[] b, double scale) {
        for (int q = 0; q < y.length; q++) y[q] += (a[q] - b[q]) * scale;
    }

    /** y ← y − (a − b)·scale. */
    private static void subtractScaledDifference(double[] y, double[] a, double[] b, double scale) {
        for (int q = 0; q < y.length; q++) y[q] -= (a[q] - b[q]) * scale;
    }

    /** out ← base + t·w. */
    private static void shift(double[] out, double[] base, double t, double[] w) {
        for (int q = 0; q < out.length; q++) out[q] = base[q] + t * w[q];
    }

    /** Puts the backbone and the full system back at x̂, bit for bit. */
    private void restore() {
        System.arraycopy(backboneBase, 0, backbone.positions(), 0, backboneBase.length);
        if (full != backbone) System.arraycopy(fullBase, 0, full.positions(), 0, fullBase.length);
    }

    private double lambdaOrNaN() {
        return spectrum == null ? Double.NaN : spectrum.eigenvalue();
    }

    /** The report with the error estimate filled in. */
    private static SolveReport withError(SolveReport r, double estimate) {
        return new SolveReport(r.status(), r.solverName(), r.iterations(), r.operatorApplications(),
                r.relativeResidual(), r.krylovResidualNorm(), r.conditionResidualNorm(), r.eigenvalueEstimate(), estimate);
    }

    /**
     * The report of a solve that was not made because the status forbids numbers: solver {@code none},
     * NaN residuals and estimate, and the linear-solver status closest to the reason (INDEFINITE for
     * NOT_A_MINIMUM, BREAKDOWN for SINGULAR, NON_FINITE for NON_SMOOTH and INVALID_PARAMETER).
     */
    private SolveReport skipped(SensitivityStatus why) {
        SolveStatus status = switch (why) {
            case NOT_A_MINIMUM -> SolveStatus.INDEFINITE;
            case SINGULAR -> SolveStatus.BREAKDOWN;
            default -> SolveStatus.NON_FINITE;
        };
        return new SolveReport(status, "none", 0, 0, Double.NaN, Double.NaN, forceNorm, lambdaOrNaN(), Double.NaN);
    }

    /** Backbone vector (length d·n_b) from a full one (length d·N). */
    private double[] restrict(double[] fullVector) {
        if (backbone == full) return fullVector.clone();
        int d = dimension;
        double[] out = new double[d * backboneParticles.length];
        for (int m = 0; m < backboneParticles.length; m++) {
            System.arraycopy(fullVector, d * backboneParticles[m], out, d * m, d);
        }
        return out;
    }

    /** Full vector (rattlers 0) from a backbone one. */
    private double[] extend(double[] backboneVector) {
        if (backbone == full) return backboneVector.clone();
        int d = dimension;
        double[] out = new double[d * particles];
        for (int m = 0; m < backboneParticles.length; m++) {
            System.arraycopy(backboneVector, d * m, out, d * backboneParticles[m], d);
        }
        return out;
    }

    private static EnergyEvaluator backboneEvaluator(EnergyEvaluator full, int[] keep) {
        ParticleSystem sys = full.system();
        int d = sys.dimension();
        int n = sys.size();
        double[] x = sys.positions();
        double[] pos = new double[d * keep.length];
        int[] species = new int[keep.length];
        int[] newIndex = new int[n];
        Arrays.fill(newIndex, -1);
        for (int m = 0; m < keep.length; m++) {
            System.arraycopy(x, d * keep[m], pos, d * m, d);
            species[m] = sys.species(keep[m]);
            newIndex[keep[m]] = m;
        }
        ParticleSystem sub = new ParticleSystem(sys.box(), pos, species, sys.speciesNames(), sys.speciesMasses());
        EnergyModel model = full.model();
        HarmonicBonds bonds = model.bonds();
        if (bonds.size() > 0) {
            int count = 0;
            for (int b = 0; b < bonds.size(); b++) {
                if (newIndex[bonds.first(b)] >= 0 && newIndex[bonds.second(b)] >= 0) count++;
            }
            int[] f = new int[count], g = new int[count], t = new int[count];
            int c = 0;
            for (int b = 0; b < bonds.size(); b++) {
                int i = newIndex[bonds.first(b)], j = newIndex[bonds.second(b)];
                if (i < 0 || j < 0) continue;
                f[c] = i;
                g[c] = j;
                t[c] = bonds.type(b);
                c++;
            }
            int types = bonds.typeNames().size();
            double[] k = new double[types], r0 = new double[types];
            for (int q = 0; q < types; q++) {
                k[q] = bonds.stiffness(q);
                r0[q] = bonds.restLength(q);
            }
            model = new EnergyModel(model.pair(), new HarmonicBonds(f, g, t, bonds.typeNames(), k, r0));
        }
        return new EnergyEvaluator(sub, model, full.provider(), full.skin());
    }

    /** The skin of the internal lists: the caller's, at most {@value #INTERNAL_SKIN}·r_c,max. */
    private static double internalSkin(EnergyEvaluator evaluator) {
        return Math.min(evaluator.skin(), INTERNAL_SKIN * evaluator.model().pair().maxCutoff());
    }

    /**
     * Null when the energy is smooth enough at x̂; otherwise why not: a soft sphere with α &lt; 2, or a
     * pair within {@value #CUTOFF_PROXIMITY}·r_c of a cutoff where φ' jumps.
     */
    static String smoothnessProblem(EnergyEvaluator evaluator) {
        PairPotential pair = evaluator.model().pair();
        if (pair.kind() == PotentialKind.SOFT_SPHERE && pair.parameterNames().contains("alpha")) {
            double alpha = pair.parameter("alpha");
            if (alpha < 2) {
                return "soft-sphere alpha must be >= 2 for sensitivities (phi'' diverges at contact), got " + alpha;
            }
        }
        int s = pair.speciesNames().size();
        RadialFunction[] table = new RadialFunction[s * s];
        double[] cut2 = new double[s * s];
        boolean anyJump = false;
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                RadialFunction f = pair.pair(a, b);
                table[a * s + b] = f;
                double rc = f.cutoff();
                if (rc > 0 && Double.isFinite(rc) && Math.abs(f.firstDerivative(rc * (1 - 1e-9))) > 1e-7) {
                    double outer = rc * (1 + CUTOFF_PROXIMITY);
                    cut2[a * s + b] = outer * outer;
                    anyJump = true;
                }
            }
        }
        if (!anyJump) return null;
        ParticleSystem system = evaluator.system();
        NeighborList list = evaluator.neighborList();
        list.update(system);
        PairBatch batch = new PairBatch(s, cut2);
        batch.bind(system, list);
        for (int i = 0; i < system.size(); i++) {
            int m = batch.gather(i);
            for (int p = 0; p < m; p++) {
                double rc = table[batch.type[p]].cutoff();
                double r = Math.sqrt(batch.r2[p]);
                if (Math.abs(r - rc) < CUTOFF_PROXIMITY * rc) {
                    return String.format("pair (%d, %d) at r = %.12g sits within %.0e of the cutoff %.12g where the "
                            + "pair force jumps; use a smooth switch", i, batch.other[p], r, CUTOFF_PROXIMITY * rc, rc);
                }
            }
        }
        return null;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) if (x != 0) return false;
        return true;
    }

    @Override public String toString() {
        return String.format("EquilibriumSensitivity[N=%d, d=%d, %s, %d zero modes, %d rattlers, max force %.3e, %s]",
                particles, dimension, gauge(), zeroModeCount(), rattlers.count(), maxForce, config.solver());
    }
}
